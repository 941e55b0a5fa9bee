import type { Page, PageMeta } from '@simpul/contracts';
import { reactive, ref, toRef, type Ref } from 'vue';

/** What the query of every paged list carries. */
export interface PageQuery {
  page: number;
  limit: number;
}

/** The meta of a list not loaded yet: one empty page. */
export function emptyPageMeta(limit: number): PageMeta {
  return { page: 1, limit, total: 0, pages: 1 };
}

/**
 * The loading side of a paged list, for Pinia setup stores: the last answer (`items`, `meta`), `loading`, `error`,
 * `loaded`, and `fetch`, which drops an answer once a newer fetch has started (so a slow old query never overwrites
 * a newer one). `page` is wherever the store keeps the page it asks for; `load` reads it along with the filters.
 */
export function usePagedFetch<Item>(load: () => Promise<Page<Item>>, page: Ref<number>, limit: number) {
  const items = ref([]) as Ref<Item[]>;
  const meta = ref<PageMeta>(emptyPageMeta(limit));
  const loading = ref(false);
  const error = ref<unknown>(null);
  const loaded = ref(false);
  let seq = 0;

  async function fetch(): Promise<void> {
    const mine = ++seq;
    loading.value = true;
    error.value = null;
    try {
      const res = await load();
      if (mine !== seq) return; // a newer query has started; drop this answer
      items.value = res.items;
      meta.value = res.meta;
      loaded.value = true;
    } catch (err) {
      if (mine === seq) error.value = err;
    } finally {
      if (mine === seq) loading.value = false;
    }
  }

  /** Back to page 1 and reload: what a change of filters does. */
  function fetchFirstPage(): Promise<void> {
    page.value = 1;
    return fetch();
  }

  /** Loads `target`, kept within the pages the last answer had. */
  function goToPage(target: number): Promise<void> {
    page.value = Math.min(Math.max(1, target), Math.max(1, meta.value.pages));
    return fetch();
  }

  /**
   * Shows a record saved on this page in place of its row. A fetch under way may have read the record before the
   * save, and its answer would bring the old row back: then the list is read again instead.
   */
  function replaceItem(matches: (item: Item) => boolean, item: Item): Promise<void> {
    if (loading.value) return fetch();
    const i = items.value.findIndex(matches);
    if (i >= 0) items.value.splice(i, 1, item);
    return Promise.resolve();
  }

  return { items, meta, loading, error, loaded, fetch, fetchFirstPage, goToPage, replaceItem };
}

/**
 * A paged list whose page and limit live in its query (`{ ...filters, page, limit }`), for Pinia setup stores.
 * `setQuery` merges a patch and reloads, back on page 1 unless the patch names a page; `reset` goes back to
 * `defaults` (a shallow copy: replace nested objects in the query, do not mutate them) and forgets the rows.
 */
export function usePagedList<Query extends PageQuery, Item>(load: (query: Query) => Promise<Page<Item>>, defaults: Query) {
  const query = reactive({ ...defaults }) as Query;
  const list = usePagedFetch<Item>(() => load(query), toRef(query as PageQuery, 'page'), defaults.limit);

  function setQuery(patch: Partial<Query>): Promise<void> {
    Object.assign(query, patch);
    if (patch.page === undefined) query.page = 1;
    return list.fetch();
  }

  function reset(): void {
    Object.assign(query, defaults);
    list.items.value = [];
    list.loaded.value = false;
    list.error.value = null;
  }

  return { query, ...list, setQuery, reset };
}

/** What the query of a sortable list carries. */
export interface SortQuery<Sort extends string> {
  sort: Sort;
  order: 'asc' | 'desc';
}

/**
 * A sortable list's `toggleSort`, for a click on a column header: the same column flips the order, a new column
 * starts ascending. `setQuery` is the list's own (so the page goes back to 1 and the list reloads).
 */
export function useSortToggle<Sort extends string>(
  query: SortQuery<Sort>,
  setQuery: (patch: Partial<SortQuery<Sort>>) => Promise<void>,
): (column: Sort) => Promise<void> {
  return (column) => {
    if (query.sort === column) return setQuery({ order: query.order === 'asc' ? 'desc' : 'asc' });
    return setQuery({ sort: column, order: 'asc' });
  };
}
