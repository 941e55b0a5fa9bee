import type { PageMeta, PartResponse, StockAdjustmentDto, StockMoveResponse } from '@simpul/contracts';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { masterDataApi, type MasterRecordMap, type MasterResource, type MasterWrite } from './master-data.api';
import { emptyPageMeta, usePagedList, useSortToggle } from '@/shared/list/paged-list';

export interface MasterQuery {
  page: number;
  limit: number;
  q: string;
  sort: string;
  order: 'asc' | 'desc';
  /** Resource-specific filters from the config (e.g. parts' `po_out_of_date=true`); sent as query params. */
  filters: Record<string, string>;
}

/** Each resource's natural order (the API's own default sort). */
export const DEFAULT_MASTER_SORT: Record<MasterResource, string> = {
  customers: 'nama',
  vendors: 'nama',
  parts: 'kode',
  services: 'nama',
};

export function defaultMasterQuery(resource: MasterResource): MasterQuery {
  return { page: 1, limit: 20, q: '', sort: DEFAULT_MASTER_SORT[resource], order: 'asc', filters: {} };
}

/** `filters` with one filter turned on (a value) or off (''). */
export function withFilter(filters: Record<string, string>, param: string, value: string): Record<string, string> {
  const { [param]: _old, ...rest } = filters;
  return value ? { ...rest, [param]: value } : rest;
}

function defineMasterDataStore<R extends MasterResource>(resource: R) {
  return defineStore(`master-data-${resource}`, () => {
    const { query, items, meta, loading, error, loaded, fetch, setQuery, goToPage, reset, replaceItem } = usePagedList(
      ({ filters, ...params }: MasterQuery) => masterDataApi.list(resource, { ...params, q: params.q.trim() || undefined }, filters),
      defaultMasterQuery(resource),
    );

    /** Same column flips the order; a new column starts ascending. */
    const toggleSort = useSortToggle(query, setQuery);

    async function create(dto: MasterWrite): Promise<MasterRecordMap[R]> {
      const saved = await masterDataApi.create(resource, dto);
      await fetch();
      return saved;
    }

    async function update(id: string, dto: MasterWrite): Promise<MasterRecordMap[R]> {
      const saved = await masterDataApi.update(resource, id, dto);
      void replaceItem((r) => r.id === id, saved);
      return saved;
    }

    async function remove(id: string): Promise<void> {
      await masterDataApi.remove(resource, id);
      // The last row of a page going away: step back a page instead of showing an empty one.
      if (items.value.length === 1 && query.page > 1) query.page -= 1;
      await fetch();
    }

    /** Turns one config filter on (a value) or off (''), back on page 1. */
    function setFilter(param: string, value: string): Promise<void> {
      return setQuery({ filters: withFilter(query.filters, param, value) });
    }

    return { resource, query, items, meta, loading, error, loaded, fetch, setQuery, setFilter, toggleSort, goToPage, create, update, remove, reset };
  });
}

type MasterDataStoreDef<R extends MasterResource> = ReturnType<typeof defineMasterDataStore<R>>;
const definitions = new Map<MasterResource, unknown>();

/** The list store of one master-data resource (one Pinia store per resource, same shape for all four). */
export function useMasterDataStore<R extends MasterResource>(resource: R): ReturnType<MasterDataStoreDef<R>> {
  let def = definitions.get(resource) as MasterDataStoreDef<R> | undefined;
  if (!def) {
    def = defineMasterDataStore(resource);
    definitions.set(resource, def);
  }
  return def();
}

export type MasterDataStore<R extends MasterResource = MasterResource> = ReturnType<typeof useMasterDataStore<R>>;

/** One part with its stock ledger, for the part detail page. */
export const usePartDetailStore = defineStore('part-detail', () => {
  const part = ref<PartResponse | null>(null);
  const loading = ref(false);
  const error = ref<unknown>(null);

  const moves = ref<StockMoveResponse[]>([]);
  const movesMeta = ref<PageMeta>(emptyPageMeta(20));
  const movesPage = ref(1);
  const movesLoading = ref(false);
  const movesError = ref<unknown>(null);
  let movesSeq = 0;

  async function load(id: string): Promise<void> {
    if (part.value?.id !== id) {
      part.value = null;
      moves.value = [];
      movesPage.value = 1;
    }
    loading.value = true;
    error.value = null;
    try {
      part.value = await masterDataApi.get('parts', id);
    } catch (err) {
      error.value = err;
    } finally {
      loading.value = false;
    }
    if (part.value) await loadMoves(movesPage.value);
  }

  async function loadMoves(page = movesPage.value): Promise<void> {
    const id = part.value?.id;
    if (!id) return;
    const mine = ++movesSeq;
    movesLoading.value = true;
    movesError.value = null;
    try {
      const res = await masterDataApi.stockMoves(id, { page, limit: movesMeta.value.limit });
      if (mine !== movesSeq) return;
      moves.value = res.items;
      movesMeta.value = res.meta;
      movesPage.value = res.meta.page;
    } catch (err) {
      if (mine === movesSeq) movesError.value = err;
    } finally {
      if (mine === movesSeq) movesLoading.value = false;
    }
  }

  async function adjust(dto: StockAdjustmentDto): Promise<PartResponse> {
    const id = part.value?.id;
    if (!id) throw new Error('No part loaded');
    const saved = await masterDataApi.adjustStock(id, dto);
    part.value = saved;
    await loadMoves(1);
    return saved;
  }

  function replacePart(next: PartResponse): void {
    part.value = next;
  }

  return { part, loading, error, moves, movesMeta, movesPage, movesLoading, movesError, load, loadMoves, adjust, replacePart };
});
