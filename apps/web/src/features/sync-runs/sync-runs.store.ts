import { SYNC_TRIGGERS, type SyncRunDetailResponse, type SyncRunProgress, type SyncTrigger } from '@simpul/contracts';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { syncRunsApi } from './sync-runs.api';
import { usePagedList } from '@/shared/list/paged-list';
import { intField, oneOfField, queryCodec, textField } from '@/shared/list/query-codec';

/** How often a page asks for a running sync's progress (the server writes it at most twice a second). */
export const PROGRESS_POLL_MS = 1000;

/**
 * Reads the progress of the `kind` run going on now every PROGRESS_POLL_MS into `onProgress`, until the returned stop
 * is called. A failed read just waits for the next one: progress is an aid, the sync's own answer is what counts.
 */
export function watchRunProgress(kind: string, onProgress: (progress: SyncRunProgress) => void): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const tick = async (): Promise<void> => {
    try {
      const progress = (await syncRunsApi.running(kind))?.progress;
      if (progress && !stopped) onProgress(progress);
    } catch {
      // next tick
    }
    if (!stopped) timer = setTimeout(() => void tick(), PROGRESS_POLL_MS);
  };
  timer = setTimeout(() => void tick(), PROGRESS_POLL_MS);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}

/** Kinds of sync the history knows how to name; others still list, under their raw kind. */
export const SYNC_KINDS = ['parts-po', 'odoo-mo'] as const;

export interface SyncRunQuery {
  kind: string;
  trigger: SyncTrigger | '';
  page: number;
  limit: number;
}

export const DEFAULT_SYNC_RUN_QUERY: SyncRunQuery = { kind: '', trigger: '', page: 1, limit: 20 };

/** The history's filters and page as the address carries them (`/sync-runs?kind=odoo-mo`), so pages can link to it. */
export const SYNC_RUN_QUERY_CODEC = queryCodec(DEFAULT_SYNC_RUN_QUERY, {
  kind: textField(),
  trigger: oneOfField(SYNC_TRIGGERS),
  page: intField(),
});

/** The run history list (every kind of sync), filtered by kind and trigger. */
export const useSyncRunsStore = defineStore('sync-runs', () =>
  usePagedList(
    (q: SyncRunQuery) => syncRunsApi.list({ page: q.page, limit: q.limit, kind: q.kind || undefined, trigger: q.trigger || undefined }),
    DEFAULT_SYNC_RUN_QUERY,
  ),
);

/** One run with its items, filtered by item status and paginated. */
export const useSyncRunDetailStore = defineStore('sync-run-detail', () => {
  const run = ref<SyncRunDetailResponse | null>(null);
  const status = ref('');
  const page = ref(1);
  const limit = ref(50);
  const loading = ref(false);
  const error = ref<unknown>(null);
  let seq = 0;

  async function load(id: string): Promise<void> {
    if (run.value && run.value.id !== id) {
      run.value = null;
      status.value = '';
      page.value = 1;
    }
    const mine = ++seq;
    loading.value = true;
    error.value = null;
    try {
      const res = await syncRunsApi.get(id, { status: status.value || undefined, page: page.value, limit: limit.value });
      if (mine !== seq) return;
      run.value = res;
      page.value = res.itemsMeta.page;
    } catch (err) {
      if (mine === seq) error.value = err;
    } finally {
      if (mine === seq) loading.value = false;
    }
  }

  function setStatus(id: string, next: string): Promise<void> {
    status.value = next;
    page.value = 1;
    return load(id);
  }

  function goToPage(id: string, target: number): Promise<void> {
    const pages = run.value?.itemsMeta.pages ?? 1;
    page.value = Math.min(Math.max(1, target), Math.max(1, pages));
    return load(id);
  }

  return { run, status, page, limit, loading, error, load, setStatus, goToPage };
});
