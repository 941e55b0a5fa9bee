import type {
  MoCacheItem,
  MoStatsResponse,
  MoSyncResponse,
  MoSyncTypeResult,
  OdooConfigResponse,
  OdooConnectionTestResponse,
  OdooMoItem,
  PageMeta,
  UpdateOdooConfigDto,
} from '@simpul/contracts';
import { defineStore } from 'pinia';
import { reactive, ref } from 'vue';
import { odooMoApi, syncResultsFromError } from '../api/odoo-mo';
import { useNotificationsStore } from './notifications';

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

/** Manufacturing orders: the cache search, the stats and the manual sync. */
export const useMoStore = defineStore('odoo-mo', () => {
  const stats = ref<MoStatsResponse | null>(null);
  const statsLoading = ref(false);
  const statsError = ref<unknown>(null);

  const query = reactive<MoQuery>({ ...DEFAULT_MO_QUERY });
  const items = ref<MoCacheItem[]>([]);
  const meta = ref<PageMeta>({ page: 1, limit: 20, total: 0, pages: 1 });
  const loading = ref(false);
  const error = ref<unknown>(null);
  const loaded = ref(false);
  let seq = 0;

  const syncing = ref(false);
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

  async function fetch(): Promise<void> {
    const mine = ++seq;
    loading.value = true;
    error.value = null;
    try {
      const res = await odooMoApi.search({
        page: query.page,
        limit: query.limit,
        q: query.q.trim() || undefined,
        production_type: query.production_type || undefined,
        state: query.state || undefined,
      });
      if (mine !== seq) return;
      items.value = res.items;
      meta.value = res.meta;
      loaded.value = true;
    } catch (err) {
      if (mine === seq) error.value = err;
    } finally {
      if (mine === seq) loading.value = false;
    }
  }

  function setQuery(patch: Partial<Omit<MoQuery, 'page' | 'limit'>>): Promise<void> {
    Object.assign(query, patch);
    query.page = 1;
    return fetch();
  }

  function goToPage(page: number): Promise<void> {
    query.page = Math.min(Math.max(1, page), Math.max(1, meta.value.pages));
    return fetch();
  }

  /** Runs the manual sync once; afterwards the stats and the list are reloaded. */
  async function sync(opts: { reloadStats?: boolean } = {}): Promise<MoSyncResponse | null> {
    if (syncing.value) return null;
    syncing.value = true;
    syncError.value = null;
    syncErrorResults.value = [];
    syncResult.value = null;
    try {
      syncResult.value = await odooMoApi.sync();
      return syncResult.value;
    } catch (err) {
      syncError.value = err;
      syncErrorResults.value = syncResultsFromError(err);
      return null;
    } finally {
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

/**
 * Manufacturing orders read live from Odoo, page by page. Nothing is fetched until asked: every call reaches Odoo,
 * which may be slow or down (the error is the API's 400/502/504 sentence).
 */
export const useMoLiveStore = defineStore('odoo-mo-live', () => {
  const query = reactive<MoLiveQuery>({ ...DEFAULT_MO_LIVE_QUERY });
  const items = ref<OdooMoItem[]>([]);
  const meta = ref<PageMeta>({ page: 1, limit: 20, total: 0, pages: 1 });
  const loading = ref(false);
  const error = ref<unknown>(null);
  const loaded = ref(false);
  let seq = 0;

  async function fetch(): Promise<void> {
    const mine = ++seq;
    loading.value = true;
    error.value = null;
    try {
      const res = await odooMoApi.liveList({
        page: query.page,
        limit: query.limit,
        q: query.q.trim() || undefined,
        production_type: query.production_type || undefined,
        state: query.state || undefined,
        days: query.days || undefined,
      });
      if (mine !== seq) return;
      items.value = res.items;
      meta.value = res.meta;
      loaded.value = true;
    } catch (err) {
      if (mine === seq) error.value = err;
    } finally {
      if (mine === seq) loading.value = false;
    }
  }

  function setQuery(patch: Partial<Omit<MoLiveQuery, 'page' | 'limit'>>): Promise<void> {
    Object.assign(query, patch);
    query.page = 1;
    return fetch();
  }

  function goToPage(page: number): Promise<void> {
    query.page = Math.min(Math.max(1, page), Math.max(1, meta.value.pages));
    return fetch();
  }

  return { query, items, meta, loading, error, loaded, fetch, setQuery, goToPage };
});
