import {
  MO_PRESENCES,
  MO_STATES,
  type MoPresence,
  type MoStatsResponse,
  type MoSyncResponse,
  type MoSyncTypeResult,
  type OdooConfigResponse,
  type OdooConnectionTestResponse,
  type SyncRunProgress,
  type UpdateOdooConfigDto,
} from '@simpul/contracts';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { odooMoApi, syncResultsFromError } from './odoo-mo.api';
import { useNotificationsStore } from '@/features/notifications/notifications.store';
import { watchRunProgress } from '@/features/sync-runs/sync-runs.store';
import { usePagedList } from '@/shared/list/paged-list';
import { intField, oneOfField, queryCodec, textField } from '@/shared/list/query-codec';

/** The Odoo connection settings: load, save (partial), test. */
export const useOdooConfigStore = defineStore('odoo-config', () => {
  const config = ref<OdooConfigResponse | null>(null);
  const loading = ref(false);
  const error = ref<unknown>(null);
  const saving = ref(false);
  const saveError = ref<unknown>(null);
  const testing = ref(false);
  const testResult = ref<OdooConnectionTestResponse | null>(null);
  const testError = ref<unknown>(null);

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      config.value = await odooMoApi.config();
    } catch (err) {
      error.value = err;
    } finally {
      loading.value = false;
    }
  }

  /** Saves the changed fields. False when refused (the 400 sentence and field errors are in `saveError`). */
  async function save(dto: UpdateOdooConfigDto): Promise<boolean> {
    saving.value = true;
    saveError.value = null;
    try {
      config.value = await odooMoApi.updateConfig(dto);
      return true;
    } catch (err) {
      saveError.value = err;
      return false;
    } finally {
      saving.value = false;
    }
  }

  /** Tests the saved settings with `overlay` (unsaved changes) applied. */
  async function test(overlay: UpdateOdooConfigDto = {}): Promise<OdooConnectionTestResponse | null> {
    testing.value = true;
    testError.value = null;
    testResult.value = null;
    try {
      testResult.value = await odooMoApi.testConnection(overlay);
      return testResult.value;
    } catch (err) {
      testError.value = err;
      return null;
    } finally {
      testing.value = false;
    }
  }

  return { config, loading, error, saving, saveError, testing, testResult, testError, load, save, test };
});

export interface MoQuery {
  q: string;
  production_type: string;
  state: string;
  page: number;
  limit: number;
}

export const DEFAULT_MO_QUERY: MoQuery = { q: '', production_type: '', state: '', page: 1, limit: 20 };

const moQueryFields = { q: textField(), production_type: textField(), state: oneOfField(MO_STATES), page: intField() };

export interface MoCacheQuery extends MoQuery {
  /** The MOs Odoo still has (the default), the ones a sync found missing in Odoo, or both. */
  presence: MoPresence;
}

export const DEFAULT_MO_CACHE_QUERY: MoCacheQuery = { ...DEFAULT_MO_QUERY, presence: 'present' };

/** The cache list's filters and page as the address carries them (`/mo?state=done&presence=missing`). */
export const MO_QUERY_CODEC = queryCodec(DEFAULT_MO_CACHE_QUERY, { ...moQueryFields, presence: oneOfField(MO_PRESENCES) });

/** The filters both MO lists share, as the API's parameters (empty ones left out). */
function moListParams(query: MoQuery) {
  return {
    page: query.page,
    limit: query.limit,
    q: query.q.trim() || undefined,
    production_type: query.production_type || undefined,
    state: query.state || undefined,
  };
}

/** Manufacturing orders: the cache search, the stats and the manual sync. */
export const useMoStore = defineStore('odoo-mo', () => {
  const stats = ref<MoStatsResponse | null>(null);
  const statsLoading = ref(false);
  const statsError = ref<unknown>(null);

  // Any change of search or filters starts again at page 1. `present` is the API's own default, so it is not sent.
  const { query, items, meta, loading, error, loaded, fetch, setQuery, goToPage } = usePagedList(
    (q: MoCacheQuery) => odooMoApi.search({ ...moListParams(q), presence: q.presence === 'present' ? undefined : q.presence }),
    DEFAULT_MO_CACHE_QUERY,
  );

  const syncing = ref(false);
  /** While a sync runs: how far each production type has got (after the first second, for who may read the history). */
  const syncProgress = ref<SyncRunProgress | null>(null);
  const syncResult = ref<MoSyncResponse | null>(null);
  const syncError = ref<unknown>(null);
  /** Per-type results of a sync that failed for every type (from the error's details). */
  const syncErrorResults = ref<MoSyncTypeResult[]>([]);

  async function loadStats(): Promise<void> {
    statsLoading.value = true;
    statsError.value = null;
    try {
      stats.value = await odooMoApi.stats();
    } catch (err) {
      statsError.value = err;
    } finally {
      statsLoading.value = false;
    }
  }

  /**
   * Runs the manual sync once, showing its progress meanwhile (`watchProgress`: who may read the sync history);
   * afterwards the stats and the list are reloaded.
   */
  async function sync(opts: { reloadStats?: boolean; watchProgress?: boolean } = {}): Promise<MoSyncResponse | null> {
    if (syncing.value) return null;
    syncing.value = true;
    syncError.value = null;
    syncErrorResults.value = [];
    syncResult.value = null;
    syncProgress.value = null;
    const stopWatching = opts.watchProgress ? watchRunProgress('odoo-mo', (p) => (syncProgress.value = p)) : () => undefined;
    try {
      syncResult.value = await odooMoApi.sync();
      return syncResult.value;
    } catch (err) {
      syncError.value = err;
      syncErrorResults.value = syncResultsFromError(err);
      return null;
    } finally {
      stopWatching();
      syncProgress.value = null;
      syncing.value = false;
      void useNotificationsStore().refreshUnread();
      await Promise.all([opts.reloadStats === false ? Promise.resolve() : loadStats(), fetch()]);
    }
  }

  return {
    stats,
    statsLoading,
    statsError,
    query,
    items,
    meta,
    loading,
    error,
    loaded,
    syncing,
    syncProgress,
    syncResult,
    syncError,
    syncErrorResults,
    loadStats,
    fetch,
    setQuery,
    goToPage,
    sync,
  };
});

export interface MoLiveQuery extends MoQuery {
  /** Only MOs created in the last N days; 0 = any time. */
  days: number;
}

export const DEFAULT_MO_LIVE_QUERY: MoLiveQuery = { ...DEFAULT_MO_QUERY, days: 0 };

/** The live list's filters and page (the page keeps them under a `live-` prefix). */
export const MO_LIVE_QUERY_CODEC = queryCodec(DEFAULT_MO_LIVE_QUERY, { ...moQueryFields, days: intField(0) });

/**
 * Manufacturing orders read live from Odoo, page by page. Nothing is fetched until asked: every call reaches Odoo,
 * which may be slow or down (the error is the API's 400/502/504 sentence).
 */
export const useMoLiveStore = defineStore('odoo-mo-live', () =>
  usePagedList((q: MoLiveQuery) => odooMoApi.liveList({ ...moListParams(q), days: q.days || undefined }), DEFAULT_MO_LIVE_QUERY),
);
