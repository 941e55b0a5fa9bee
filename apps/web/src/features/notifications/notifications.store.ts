import type { NotificationResponse } from '@simpul/contracts';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { notificationsApi } from './notifications.api';
import { usePagedList } from '@/shared/list/paged-list';
import { intField, oneOfField, queryCodec } from '@/shared/list/query-codec';

/** How often the top bar asks for the unread count. */
export const NOTIFICATION_POLL_MS = 60_000;
/** How many notifications the bell's dropdown shows. */
export const RECENT_NOTIFICATIONS = 8;

export interface NotificationQuery {
  /** 'true': unread ones only */
  unread: '' | 'true';
  page: number;
  limit: number;
}

export const DEFAULT_NOTIFICATION_QUERY: NotificationQuery = { unread: '', page: 1, limit: 20 };

/** The full list's filter and page as the address carries them (`/notifications?unread=true`). */
export const NOTIFICATION_QUERY_CODEC = queryCodec(DEFAULT_NOTIFICATION_QUERY, { unread: oneOfField(['true'] as const), page: intField() });

/** In-app notifications: the unread count (polled), the bell's latest few and the full paginated list. */
export const useNotificationsStore = defineStore('notifications', () => {
  const unread = ref(0);

  const recent = ref<NotificationResponse[]>([]);
  const recentLoading = ref(false);
  const recentError = ref<unknown>(null);

  const { query, items, meta, loading, error, loaded, fetch, setQuery, goToPage } = usePagedList(
    (q: NotificationQuery) => notificationsApi.list({ page: q.page, limit: q.limit, unread: q.unread || undefined }),
    DEFAULT_NOTIFICATION_QUERY,
  );
  const unreadOnly = computed(() => query.unread === 'true');

  let timer: ReturnType<typeof setInterval> | null = null;
  let unreadSeq = 0;

  /** Re-reads the unread count. Failures keep the last count: a missed poll is not worth an error message. */
  async function refreshUnread(): Promise<void> {
    const mine = ++unreadSeq;
    try {
      const res = await notificationsApi.unreadCount();
      if (mine === unreadSeq) unread.value = res.unread;
    } catch {
      // next poll
    }
  }

  function onVisible(): void {
    if (document.visibilityState === 'visible') void refreshUnread();
  }

  /** Reads the count now and then every minute (skipping ticks while the tab is hidden). Idempotent. */
  function startPolling(): void {
    if (timer !== null) return;
    void refreshUnread();
    timer = setInterval(() => {
      if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return;
      void refreshUnread();
    }, NOTIFICATION_POLL_MS);
    if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisible);
  }

  function stopPolling(): void {
    if (timer !== null) clearInterval(timer);
    timer = null;
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisible);
  }

  async function loadRecent(): Promise<void> {
    recentLoading.value = true;
    recentError.value = null;
    try {
      const res = await notificationsApi.list({ page: 1, limit: RECENT_NOTIFICATIONS });
      recent.value = res.items;
    } catch (err) {
      recentError.value = err;
    } finally {
      recentLoading.value = false;
    }
    void refreshUnread();
  }

  function setUnreadOnly(value: boolean): Promise<void> {
    return setQuery({ unread: value ? 'true' : '' });
  }

  function stamp(ids: Set<string> | null, at: string): void {
    for (const list of [recent.value, items.value]) {
      for (const n of list) if (!n.readAt && (ids === null || ids.has(n.id))) n.readAt = at;
    }
  }

  /** Marks one notification read (no request when it already is). */
  async function markRead(notification: NotificationResponse): Promise<void> {
    if (notification.readAt) return;
    const res = await notificationsApi.markRead(notification.id);
    stamp(new Set([notification.id]), new Date().toISOString());
    if (res.updated > 0) unread.value = Math.max(0, unread.value - 1);
  }

  async function markAllRead(): Promise<void> {
    await notificationsApi.markAllRead();
    stamp(null, new Date().toISOString());
    unread.value = 0;
    if (unreadOnly.value && loaded.value) await fetch();
  }

  return {
    unread,
    recent,
    recentLoading,
    recentError,
    query,
    items,
    meta,
    unreadOnly,
    loading,
    error,
    loaded,
    refreshUnread,
    startPolling,
    stopPolling,
    loadRecent,
    fetch,
    setQuery,
    setUnreadOnly,
    goToPage,
    markRead,
    markAllRead,
  };
});
