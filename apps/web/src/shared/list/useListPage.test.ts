import { pageMeta } from '@simpul/contracts';
import { flushPromises } from '@vue/test-utils';
import { defineStore } from 'pinia';
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h, ref, type Component } from 'vue';
import { useRoute, type RouteRecordRaw } from 'vue-router';
import { mountRoute, signedInTests } from '@/shared/test/mount';
import { usePagedList } from './paged-list';
import { intField, oneOfField, queryCodec, sortOrderField, switchesField, textField } from './query-codec';
import { useListPage } from './useListPage';

interface Query {
  page: number;
  limit: number;
  q: string;
  status: '' | 'draft' | 'paid';
  sort: 'date' | 'total';
  order: 'asc' | 'desc';
  flags: Record<string, string>;
}

const DEFAULTS: Query = { page: 1, limit: 20, q: '', status: '', sort: 'date', order: 'desc', flags: {} };
const CODEC = queryCodec(DEFAULTS, {
  q: textField(),
  status: oneOfField(['draft', 'paid'] as const),
  sort: oneOfField(['date', 'total'] as const),
  order: sortOrderField(),
  flags: switchesField([{ param: 'late', value: 'true' }]),
  page: intField(),
});

/** What each fetch asked for, as the API would get it. */
let asked: Query[] = [];
const pages = 5;

const useRowsStore = defineStore('list-page-test', () =>
  usePagedList(async (query: Query) => {
    asked.push({ ...query, flags: { ...query.flags } });
    return { items: [`row of page ${query.page}`], meta: pageMeta(query.page, query.limit, pages * query.limit) };
  }, DEFAULTS),
);

/** The second list of a page, shown on demand (its keys start with `other-`). */
const useOtherStore = defineStore('list-page-test-other', () =>
  usePagedList(async (query: Query) => ({ items: [query.status], meta: pageMeta(query.page, query.limit, query.limit) }), DEFAULTS),
);

type RowsList = ReturnType<typeof useListPage<Query, string>>;
let list: RowsList | null = null;
let other: RowsList | null = null;
const otherShown = ref(false);

const Page = defineComponent({
  setup() {
    const store = useRowsStore();
    list = useListPage(store, { codec: CODEC });
    other = useListPage(useOtherStore(), { codec: CODEC, prefix: 'other-', shown: () => otherShown.value });
    const route = useRoute();
    return () => h('div', [h('p', { id: 'text' }, list?.search.text.value), h('p', { id: 'path' }, route.fullPath)]);
  },
});

/** Lets the `/slow` page's download finish (it waits until then, like a page whose code is not loaded yet). */
let slowLoaded: () => void = () => undefined;

const routes: RouteRecordRaw[] = [
  { path: '/rows', name: 'rows', component: Page },
  { path: '/elsewhere', name: 'elsewhere', component: { render: () => h('div') } },
  {
    path: '/slow',
    name: 'slow',
    component: () =>
      new Promise<Component>((resolve) => {
        slowLoaded = () => resolve({ render: () => h('div') });
      }),
  },
];

async function open(path: string) {
  asked = [];
  const mounted = await mountRoute(routes, path);
  const store = useRowsStore();
  return { ...mounted, store, address: () => mounted.router.currentRoute.value.fullPath };
}

signedInTests();

describe('useListPage: filters in the address', () => {
  it('opens a shared link as the list it names, with the search box showing its text', async () => {
    const { store, wrapper } = await open('/rows?q=seal&status=paid&sort=total&order=asc&late=true&page=3');

    expect(asked).toHaveLength(1);
    expect(asked[0]).toEqual({ page: 3, limit: 20, q: 'seal', status: 'paid', sort: 'total', order: 'asc', flags: { late: 'true' } });
    expect(store.items).toEqual(['row of page 3']);
    expect(wrapper.find('#text').text()).toBe('seal');
  });

  it('puts each change into the address, leaving defaults out, so a reload gives the same list', async () => {
    const { router, address } = await open('/rows');
    expect(address()).toBe('/rows');

    list?.update({ status: 'paid' });
    list?.toggleSort('total');
    list?.goToPage(4);
    await flushPromises();
    expect(address()).toBe('/rows?status=paid&sort=total&order=asc&page=4');
    expect(asked.at(-1)).toMatchObject({ status: 'paid', sort: 'total', order: 'asc', page: 4 });
    const fetched = asked.length;

    // A reload: a fresh page at that address asks for exactly the same list.
    const reloaded = await open(router.currentRoute.value.fullPath);
    expect(asked).toEqual([{ ...DEFAULTS, status: 'paid', sort: 'total', order: 'asc', page: 4 }]);
    expect(reloaded.address()).toBe('/rows?status=paid&sort=total&order=asc&page=4');
    expect(fetched).toBe(4); // the first load and one per change, none caused by the address catching up
  });

  it('steps back and forward through the filters', async () => {
    const { router, store, address } = await open('/rows');
    list?.update({ status: 'draft' });
    await flushPromises();
    list?.update({ status: 'paid' });
    await flushPromises();
    expect(address()).toBe('/rows?status=paid');

    router.back();
    await vi.waitFor(() => expect(address()).toBe('/rows?status=draft'));
    await flushPromises();
    expect(store.query.status).toBe('draft');
    expect(asked.at(-1)?.status).toBe('draft');

    router.back();
    await vi.waitFor(() => expect(address()).toBe('/rows'));
    await flushPromises();
    expect(store.query.status).toBe('');

    router.forward();
    await vi.waitFor(() => expect(address()).toBe('/rows?status=draft'));
    await flushPromises();
    expect(store.query.status).toBe('draft');
    expect(asked.map((q) => q.status)).toEqual(['', 'draft', 'paid', 'draft', '', 'draft']);
  });

  it('keeps every one of several quick changes (the address catching up never undoes a newer one)', async () => {
    const { store, address } = await open('/rows');
    list?.update({ status: 'paid' });
    list?.update({ q: 'seal' });
    list?.toggleSort('total');
    await flushPromises();
    expect(store.query).toMatchObject({ status: 'paid', q: 'seal', sort: 'total', order: 'asc' });
    expect(address()).toBe('/rows?q=seal&status=paid&sort=total&order=asc');
    expect(asked.at(-1)).toMatchObject({ status: 'paid', q: 'seal', sort: 'total' });
  });

  it('tidies an address with values it cannot use, in place', async () => {
    const { store, router, address } = await open('/elsewhere');
    await router.push('/rows?status=bogus&page=-2&sort=nope&q=ok&foo=kept');
    await flushPromises();
    expect(asked).toEqual([{ ...DEFAULTS, q: 'ok' }]);
    expect(store.query.status).toBe('');
    expect(address()).toBe('/rows?foo=kept&q=ok');
    // In place: one step back leaves the page instead of landing on the bad values.
    router.back();
    await vi.waitFor(() => expect(address()).toBe('/elsewhere'));
  });

  it('resets the filters but keeps the sort, and says whether anything filters', async () => {
    const { address } = await open('/rows?q=seal&status=paid&sort=total&late=true');
    expect(list?.filtered.value).toBe(true);
    list?.reset();
    await flushPromises();
    expect(address()).toBe('/rows?sort=total');
    expect(list?.search.text.value).toBe('');
    expect(list?.filtered.value).toBe(false);
  });

  it('fetches a list kept under a prefix only while it is shown, and each time it is shown again', async () => {
    otherShown.value = false;
    const { router, address } = await open('/rows?other-status=draft');
    const otherStore = useOtherStore();
    expect(otherStore.loaded).toBe(false);

    otherShown.value = true;
    await flushPromises();
    expect(otherStore.query.status).toBe('draft');
    expect(otherStore.items).toEqual(['draft']);

    other?.update({ status: 'paid' });
    await flushPromises();
    // Each list writes only its own keys.
    expect(address()).toBe('/rows?other-status=paid');
    list?.update({ status: 'draft' });
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ 'other-status': 'paid', status: 'draft' });
    expect(otherStore.query.status).toBe('paid');
    otherShown.value = false;
  });

  it('drops a search still waiting when the page is left, so it cannot cancel that navigation', async () => {
    const { router, store, address } = await open('/rows');
    list?.search.onInput('seal');
    const leaving = router.push('/slow');
    // Longer than the search box waits for typing to pause, while the next page is still downloading.
    await new Promise((resolve) => setTimeout(resolve, 400));
    slowLoaded();
    expect(await leaving).toBeUndefined(); // no navigation failure
    await flushPromises();
    expect(address()).toBe('/slow');
    expect(store.query.q).toBe('');
    expect(asked.map((q) => q.q)).toEqual(['']);
  });

  it('does not take the next page\'s address for its own filters', async () => {
    const { router, store } = await open('/rows?status=paid');
    await router.push('/elsewhere?status=draft');
    await flushPromises();
    expect(store.query.status).toBe('paid');
    expect(asked).toHaveLength(1);
  });
});

describe('query codec', () => {
  it('reads what it writes and ignores what it does not own', () => {
    const value: Query = { ...DEFAULTS, q: 'a b', status: 'draft', flags: { late: 'true' }, page: 2 };
    const written = CODEC.write(value, 'x-');
    expect(written).toEqual({ 'x-q': 'a b', 'x-status': 'draft', 'x-late': 'true', 'x-page': '2' });
    expect(CODEC.read({ ...written, q: 'other', limit: '500' }, 'x-')).toEqual(value);
    expect(CODEC.owns('x-late', 'x-')).toBe(true);
    expect(CODEC.owns('late', 'x-')).toBe(false);
    expect(CODEC.owns('limit')).toBe(false);
  });

  it('keeps a list of values to its first, and refuses numbers that are not whole and at least 1', () => {
    expect(CODEC.read({ status: ['paid', 'draft'], page: '2.5' })).toMatchObject({ status: 'paid', page: 1 });
    expect(CODEC.read({ page: '1e3' }).page).toBe(1);
    expect(CODEC.read({ late: 'yes' }).flags).toEqual({});
  });
});
