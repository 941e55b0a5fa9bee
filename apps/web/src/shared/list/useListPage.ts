import type { PageMeta } from '@simpul/contracts';
import { computed, onMounted, watch } from 'vue';
import { onBeforeRouteLeave, useRoute, useRouter, type LocationQuery } from 'vue-router';
import { useSortToggle, type PageQuery, type SortQuery } from './paged-list';
import type { QueryCodec } from './query-codec';
import { useListState } from './useListState';
import { useSearchBox } from './useSearchBox';

/** What a list page needs of its store: a paged list (see `usePagedList`) with a query it can set. */
export interface ListStore<Q extends PageQuery, Item = unknown> {
  readonly query: Q;
  readonly items: readonly Item[];
  readonly meta: PageMeta;
  readonly loading: boolean;
  readonly error: unknown;
  readonly loaded: boolean;
  fetch(): Promise<void>;
  setQuery(patch: Partial<Q>): Promise<void>;
}

export interface ListPageOptions<Q> {
  /** Which fields of the query live in the address, and how. */
  codec: QueryCodec<Q>;
  /** Starts the list's keys in the address (`live-state=done`), for a second list on the same page. */
  prefix?: string;
  /** A list fetched only while shown (and again each time it is shown). Default: always shown. */
  shown?: () => boolean;
  /** What "reset filters" sets (default: every field back to its default except the sort). */
  resetTo?: Partial<Q>;
}

type AriaSort = 'ascending' | 'descending' | 'none';

function sameEntries(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => b[k] === a[k]);
}

/**
 * A list page's filters, sort and page kept in the address, so a list survives a reload, can be shared as a link,
 * and back/forward step through its filters. The store stays the one that fetches: a change made on the page
 * goes to the store at once (fetching as before) and then into the address (a new history entry); a change of
 * the address (back, forward, a link) goes to the store. Call it in the page's setup.
 */
export function useListPage<Q extends PageQuery, Item>(store: ListStore<Q, Item>, options: ListPageOptions<Q>) {
  const route = useRoute();
  const router = useRouter();
  const { codec } = options;
  const prefix = options.prefix ?? '';
  const shown = options.shown ?? (() => true);
  const routeName = route.name;
  const keyOf = (q: Q) => JSON.stringify(codec.write(q, prefix));
  const hasSearch = typeof (store.query as Record<string, unknown>)['q'] === 'string';
  const search = useSearchBox(hasSearch ? String((store.query as Record<string, unknown>)['q']) : '', (q) =>
    update({ q } as unknown as Partial<Q>),
  );

  function ownEntries(query: LocationQuery): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(query)) if (codec.owns(key, prefix) && typeof value === 'string') out[key] = value;
    return out;
  }

  /** Puts `next` into the address: a new history entry, or (`replace`) in place of the current one. */
  function writeAddress(next: Q, replace = false): void {
    const own = codec.write(next, prefix);
    if (sameEntries(own, ownEntries(route.query))) return;
    const others = Object.fromEntries(Object.entries(route.query).filter(([key]) => !codec.owns(key, prefix)));
    const target = { query: { ...others, ...own } };
    // A newer change cancels a navigation still under way, so an older address never arrives after a newer change.
    void (replace ? router.replace(target) : router.push(target));
  }

  function load(next: Q): Promise<void> {
    if (hasSearch) search.text.value = String((next as Record<string, unknown>)['q']);
    return store.setQuery({ ...next });
  }

  /** The list as the address says, fetched; an address with unusable values is tidied in place. */
  function show(): void {
    const next = codec.read(route.query, prefix);
    void load(next);
    writeAddress(next, true);
  }

  watch(
    () => route.query,
    (query) => {
      if (route.name !== routeName || !shown()) return; // leaving the page, or a list not on screen
      const next = codec.read(query, prefix);
      if (keyOf(next) !== keyOf(store.query)) void load(next);
    },
    { flush: 'sync' },
  );
  watch(shown, (now) => {
    if (now) show();
  });
  onMounted(() => {
    if (shown()) show();
  });
  // Leaving the page (a link, the bell) while a search still waits: that search would write this list's address
  // and so cancel the navigation under way (the next page may still be downloading). It is dropped instead.
  onBeforeRouteLeave(() => search.cancel());

  /** New filters: back on page 1 unless the patch names a page. */
  function update(patch: Partial<Q>): void {
    const next = { ...store.query, ...patch } as Q;
    if (patch.page === undefined) next.page = 1;
    void store.setQuery(next);
    writeAddress(next);
  }

  /** Another page, kept within the pages of the last answer. */
  function goToPage(page: number): void {
    update({ page: Math.min(Math.max(1, page), Math.max(1, store.meta.pages)) } as Partial<Q>);
  }

  const sortQuery = () => store.query as unknown as Partial<SortQuery<string>>;

  /** A click on a column heading: the same column flips the order, a new one starts ascending. */
  const toggleSort = useSortToggle(store.query as unknown as SortQuery<string>, (patch) => {
    update(patch as unknown as Partial<Q>);
    return Promise.resolve();
  });

  function ariaSort(column: string): AriaSort {
    const { sort, order } = sortQuery();
    if (sort !== column) return 'none';
    return order === 'asc' ? 'ascending' : 'descending';
  }

  /** Empties the search box (dropping a search still waiting) and the filters; the sort stays. */
  function reset(): void {
    search.clear();
    const defaults = codec.read({});
    const { sort: _sort, order: _order, ...rest } = defaults as Q & Partial<SortQuery<string>>;
    update((options.resetTo ?? rest) as Partial<Q>);
  }

  /** Whether anything but the page and the sort narrows the list. */
  const filtered = computed(() => {
    const { page: _page, sort: _sort, order: _order, ...rest } = store.query as Q & Partial<SortQuery<string>>;
    return Object.keys(codec.write({ ...codec.read({}), ...rest } as Q)).length > 0;
  });

  /** `DataTable`'s wiring (`v-bind="list.table"`): the rows, the sort when the list has one, headings, pager, retry. */
  const table = {
    list: store,
    sort: typeof sortQuery().sort === 'string' ? (store.query as unknown as SortQuery<string>) : undefined,
    onSort: toggleSort,
    onPage: goToPage,
    onRetry: () => void store.fetch(),
  };

  return { ...useListState(store), search, filtered, update, goToPage, toggleSort, ariaSort, reset, table };
}

export type ListPage<Q extends PageQuery = PageQuery, Item = unknown> = ReturnType<typeof useListPage<Q, Item>>;
