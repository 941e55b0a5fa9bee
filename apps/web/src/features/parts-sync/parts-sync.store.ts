import type { PageMeta, PartsSyncPreviewStatus, PartsSyncResultStatus } from '@simpul/contracts';
import { defineStore } from 'pinia';
import { computed, reactive, ref } from 'vue';
import { partsSyncApi, type PartsSyncPreview, type PartsSyncResult } from './parts-sync.api';
import { useNotificationsStore } from '@/features/notifications/notifications.store';

export interface PartsSyncQuery {
  /** '' = every status */
  status: PartsSyncPreviewStatus | '';
  q: string;
  page: number;
  limit: number;
}

export const DEFAULT_PARTS_SYNC_QUERY: PartsSyncQuery = { status: '', q: '', page: 1, limit: 20 };

const NO_COUNTS: Record<PartsSyncPreviewStatus, number> = { 'needs-sync': 0, 'already-synced': 0, 'part-not-found': 0 };

/** The "Sync PO numbers" flow: a filtered, paginated preview, then one run and its result. */
export const usePartsSyncStore = defineStore('parts-sync', () => {
  const query = reactive<PartsSyncQuery>({ ...DEFAULT_PARTS_SYNC_QUERY });
  const preview = ref<PartsSyncPreview | null>(null);
  const loading = ref(false);
  const error = ref<unknown>(null);
  let seq = 0;

  const running = ref(false);
  const result = ref<PartsSyncResult | null>(null);
  const resultMessage = ref('');
  const runError = ref<unknown>(null);

  const counts = computed<Record<PartsSyncPreviewStatus, number>>(() => preview.value?.counts ?? NO_COUNTS);
  const needsSyncCount = computed(() => preview.value?.needsSyncCount ?? 0);
  const totalPOs = computed(() => preview.value?.totalPOs ?? 0);
  const items = computed(() => preview.value?.preview ?? []);
  const meta = computed<PageMeta>(() => preview.value?.meta ?? { page: 1, limit: query.limit, total: 0, pages: 1 });
  const resultErrors = computed(() => (result.value?.results ?? []).filter((r) => r.status === 'error'));
  const resultCounts = computed<Record<PartsSyncResultStatus, number>>(
    () => result.value?.counts ?? { synced: 0, 'already-synced': 0, 'part-not-found': 0, error: 0 },
  );

  async function loadPreview(): Promise<void> {
    const mine = ++seq;
    loading.value = true;
    error.value = null;
    try {
      const res = await partsSyncApi.preview({ ...query, q: query.q.trim() || undefined });
      if (mine !== seq) return;
      preview.value = res;
      query.page = res.meta.page;
    } catch (err) {
      if (mine === seq) error.value = err;
    } finally {
      if (mine === seq) loading.value = false;
    }
  }

  /** A new status or search starts again at page 1. */
  function setFilter(patch: Partial<Pick<PartsSyncQuery, 'status' | 'q'>>): Promise<void> {
    Object.assign(query, patch);
    query.page = 1;
    return loadPreview();
  }

  function goToPage(page: number): Promise<void> {
    query.page = Math.min(Math.max(1, page), Math.max(1, meta.value.pages));
    return loadPreview();
  }

  /** Runs the sync once (a second call while one runs is ignored). Null when it failed: see `runError`. */
  async function execute(): Promise<PartsSyncResult | null> {
    if (running.value) return null;
    running.value = true;
    runError.value = null;
    try {
      const res = await partsSyncApi.execute();
      result.value = res.data;
      resultMessage.value = res.message;
      return res.data;
    } catch (err) {
      runError.value = err;
      return null;
    } finally {
      running.value = false;
      // A run that synced or failed notifies operators: show it on the bell without waiting for the next poll.
      void useNotificationsStore().refreshUnread();
    }
  }

  function reset(): void {
    seq += 1;
    Object.assign(query, DEFAULT_PARTS_SYNC_QUERY);
    preview.value = null;
    loading.value = false;
    error.value = null;
    result.value = null;
    resultMessage.value = '';
    runError.value = null;
  }

  return {
    query,
    preview,
    loading,
    error,
    counts,
    needsSyncCount,
    totalPOs,
    items,
    meta,
    running,
    result,
    resultMessage,
    resultErrors,
    resultCounts,
    runError,
    loadPreview,
    setFilter,
    goToPage,
    execute,
    reset,
  };
});
