import type { NotificationResponse } from '@simpul/contracts';
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRouter } from 'vue-router';
import { errorMessage } from '@/shared/lib/errors';
import { safeRedirect } from '@/shared/lib/safe-redirect';
import { useNotificationsStore } from './notifications.store';

/** The in-app path a notification points to, or null when it has none (or it is not a path of this app). */
export function notificationTarget(n: NotificationResponse): string | null {
  if (!n.link) return null;
  const target = safeRedirect(n.link);
  return target === '/' && n.link !== '/' ? null : target;
}

/** Opening a notification marks it read, then goes to its link. A failed mark-read does not block the link. */
export function useOpenNotification() {
  const store = useNotificationsStore();
  const router = useRouter();
  return async function open(n: NotificationResponse): Promise<void> {
    try {
      await store.markRead(n);
    } catch {
      // still worth following the link; the next poll corrects the count
    }
    const target = notificationTarget(n);
    if (target) await router.push(target);
  };
}

/** "Mark all read", for the bell and the list: a failure is kept as a sentence for the caller to show. */
export function useMarkAllRead() {
  const store = useNotificationsStore();
  const { t } = useI18n();
  const actionError = ref<string | null>(null);

  async function markAll(): Promise<void> {
    actionError.value = null;
    try {
      await store.markAllRead();
    } catch (err) {
      actionError.value = errorMessage(err, t);
    }
  }

  return { actionError, markAll };
}
