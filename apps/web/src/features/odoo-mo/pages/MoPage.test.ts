import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { h } from 'vue';
import { formatDateTime } from '@/shared/lib/format';
import { installFakeFetch, json, ok, type FakeFetch, type FakeHandler } from '@/shared/test/fake-fetch';
import { mountRoute, signedInTests } from '@/shared/test/mount';
import { odooMoItem } from '@/shared/test/odoo-mo-fixtures';
import MoPage from './MoPage.vue';

let net: FakeFetch | null = null;
const Blank = () => h('div', { 'data-testid': 'elsewhere' });

const stats = {
  total: 1,
  lastUpdated: '2026-11-22T09:12:40.113Z',
  byType: [
    { production_type: 'liquid', total: 1, byState: { confirmed: 1 } },
    { production_type: 'cartridge', total: 0, byState: {} },
  ],
  byState: { confirmed: 1 },
  lastSync: null,
  lastSuccessfulSyncAt: null,
  schedule: null,
};

function cacheRoutes(live: FakeHandler): Record<string, FakeHandler> {
  return {
    'GET /api/admin/mo-stats': () => ok(stats),
    'GET /api/search/mo': () => ok([{ ...odooMoItem(7), last_updated: '2026-11-22T09:12:40.113Z', changed_at: '2026-11-20T03:00:00.000Z' }], { page: 1, limit: 20, total: 1, pages: 1 }),
    'GET /api/odoo/mo-list': live,
  };
}

function mountPage(path = '/mo') {
  return mountRoute(
    [
      { path: '/mo', name: 'odoo-mo', component: MoPage },
      { path: '/sync-runs', name: 'sync-runs', component: Blank },
      { path: '/sync-runs/:id', name: 'sync-run-detail', component: Blank },
      { path: '/admin/odoo', name: 'odoo-settings', component: Blank },
    ],
    path,
  );
}

signedInTests();

describe('MoPage cache view', () => {
  it("shows each MO's company, keeps two companies' MOs of one number apart, and lists the MOs missing in Odoo on request", async () => {
    const cached = (id: number, patch: Record<string, unknown> = {}) => ({
      ...odooMoItem(id, { mo_number: 'WH/MO/00042' }),
      last_updated: '2026-11-22T09:12:40.113Z',
      changed_at: '2026-11-20T03:00:00.000Z',
      missing_since: null,
      ...patch,
    });
    net = installFakeFetch({
      'GET /api/admin/mo-stats': () => ok({ ...stats, missing: 3 }),
      'GET /api/search/mo': (req) =>
        req.query.get('presence') === 'missing'
          ? ok([cached(9, { missing_since: '2026-11-25T01:00:00.000Z' })], { page: 1, limit: 20, total: 1, pages: 1 })
          : ok([cached(7), cached(8, { company: 'My Company (Chicago)', production_type: 'device' })], { page: 1, limit: 20, total: 2, pages: 1 }),
    });
    const { wrapper } = await mountPage();

    const rows = wrapper.findAll('[data-testid="mo-row"]');
    expect(rows.map((r) => [r.attributes('data-number'), r.findAll('td')[1]?.text(), r.attributes('data-type')])).toEqual([
      ['WH/MO/00042', 'My Company (San Francisco)', 'liquid'],
      ['WH/MO/00042', 'My Company (Chicago)', 'device'],
    ]);
    expect((wrapper.findAll('thead').at(-1)?.findAll('th') ?? []).map((th) => th.text()).slice(0, 2)).toEqual(['MO', 'Company']);
    expect(wrapper.find('[data-testid="mo-missing"]').exists()).toBe(false);
    expect(net.callsTo('GET', '/api/search/mo')[0]?.query.get('presence')).toBeNull();

    // The stats say how many are missing; the link shows them, each marked with when a sync first missed it.
    expect(wrapper.find('[data-testid="mo-missing-count"]').text()).toContain('3');
    await wrapper.find('[data-testid="mo-missing-count"]').trigger('click');
    await flushPromises();
    expect(net.callsTo('GET', '/api/search/mo').at(-1)?.query.get('presence')).toBe('missing');
    expect((wrapper.find('[data-testid="mo-presence-filter"]').element as HTMLSelectElement).value).toBe('missing');
    const missing = wrapper.findAll('[data-testid="mo-row"]');
    expect(missing).toHaveLength(1);
    expect(missing[0]?.attributes('data-missing')).toBe('true');
    expect(missing[0]?.find('[data-testid="mo-missing"]').attributes('title')).toContain(formatDateTime('2026-11-25T01:00:00.000Z', 'en'));

    await wrapper.find('[data-testid="mo-presence-filter"]').setValue('all');
    await flushPromises();
    expect(net.callsTo('GET', '/api/search/mo').at(-1)?.query.get('presence')).toBe('all');
    await wrapper.find('[data-testid="mo-presence-filter"]').setValue('present');
    await flushPromises();
    expect(net.callsTo('GET', '/api/search/mo').at(-1)?.query.get('presence')).toBeNull();
  });
});

describe('MoPage cache view: the In Odoo filter in the address', () => {
  const missingRoutes = () =>
    installFakeFetch({
      'GET /api/admin/mo-stats': () => ok({ ...stats, missing: 1 }),
      'GET /api/search/mo': () => ok([], { page: 1, limit: 20, total: 0, pages: 1 }),
    });
  const presenceAsked = () => net?.callsTo('GET', '/api/search/mo').at(-1)?.query.get('presence') ?? null;

  it('opens from a link, goes into the address when chosen, and comes back with the back button', async () => {
    net = missingRoutes();
    const { wrapper, router } = await mountPage('/mo?presence=missing');
    const select = () => wrapper.find('[data-testid="mo-presence-filter"]').element as HTMLSelectElement;

    expect(net.callsTo('GET', '/api/search/mo')).toHaveLength(1);
    expect(presenceAsked()).toBe('missing');
    expect(select().value).toBe('missing');

    await wrapper.find('[data-testid="mo-presence-filter"]').setValue('all');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ presence: 'all' });
    expect(presenceAsked()).toBe('all');

    // The default (the MOs Odoo still has) is neither in the address nor sent.
    await wrapper.find('[data-testid="mo-presence-filter"]').setValue('present');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({});
    expect(presenceAsked()).toBeNull();

    router.back();
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({ presence: 'all' }));
    await flushPromises();
    expect(presenceAsked()).toBe('all');
    expect(select().value).toBe('all');
  });

  it("the stats' missing count puts the filter in the address; an unknown value is tidied away", async () => {
    net = missingRoutes();
    const { wrapper, router } = await mountPage('/mo?presence=gone&state=done');

    expect(router.currentRoute.value.query).toEqual({ state: 'done' });
    expect(presenceAsked()).toBeNull();
    expect(net.callsTo('GET', '/api/search/mo').at(-1)?.query.get('state')).toBe('done');

    await wrapper.find('[data-testid="mo-missing-count"]').trigger('click');
    await flushPromises();
    // A new filter starts again at page 1 and keeps the others.
    expect(router.currentRoute.value.query).toEqual({ state: 'done', presence: 'missing' });
    expect(presenceAsked()).toBe('missing');
    // A filtered list that finds nothing says so, rather than "no MOs yet".
    expect(wrapper.text()).toContain('Nothing matches the search.');
  });
});

describe('MoPage live view', () => {
  it('reads Odoo only when the live view is opened, and again on refresh', async () => {
    net = installFakeFetch(
      cacheRoutes(() =>
        ok([odooMoItem(301, { production_type: null, quantity: '1500.5', state: 'progress' }), odooMoItem(300)], {
          page: 1,
          limit: 20,
          total: 41,
          pages: 3,
        }),
      ),
    );
    const { wrapper, router } = await mountPage();

    // The cache view, as before; Odoo is not asked on page load. Its last column is when the MO last changed.
    expect(wrapper.findAll('[data-testid="mo-row"]')).toHaveLength(1);
    expect(wrapper.findAll('thead th').at(-1)?.text()).toBe('Last changed');
    expect(wrapper.find('[data-testid="mo-row"]').findAll('td').at(-1)?.text()).toBe(formatDateTime('2026-11-20T03:00:00.000Z', 'en'));
    expect(wrapper.find('[data-testid="mo-view-cache"]').attributes('aria-pressed')).toBe('true');
    expect(net.callsTo('GET', '/api/odoo/mo-list')).toHaveLength(0);

    await wrapper.find('[data-testid="mo-view-live"]').trigger('click');
    await flushPromises();

    expect(router.currentRoute.value.query).toEqual({ view: 'live' });
    expect(net.callsTo('GET', '/api/odoo/mo-list')).toHaveLength(1);
    expect(wrapper.find('[data-testid="mo-stats"]').exists()).toBe(false);
    const rows = wrapper.findAll('[data-testid="mo-live-row"]');
    expect(rows.map((r) => r.attributes('data-number'))).toEqual(['WH/MO/00301', 'WH/MO/00300']);
    const cells = rows[0]?.findAll('td').map((td) => td.text());
    // Quantities in the UI's number format, times in Jakarta (UTC+7), and the cache's type or a note that it has none.
    expect(cells).toEqual([
      'WH/MO/00301',
      'My Company (San Francisco)',
      '[LQ-301] Mango Ice 30ml 3mg',
      '1,500.5 Units',
      'In progress',
      '23 Nov 2026, 09:00',
      '21 Nov 2026, 14:41',
      'not in the cache yet',
    ]);
    expect(rows[1]?.findAll('td').at(-1)?.text()).toBe('liquid');
    expect(wrapper.find('[data-testid="pager-position"]').text()).toBe('Page 1 of 3');

    await wrapper.find('[data-testid="pager-next"]').trigger('click');
    await flushPromises();
    expect(net.callsTo('GET', '/api/odoo/mo-list').at(-1)?.query.get('page')).toBe('2');

    await wrapper.find('[data-testid="mo-live-state-filter"]').setValue('done');
    await wrapper.find('[data-testid="mo-live-type-filter"]').setValue('cartridge');
    await wrapper.find('[data-testid="mo-live-days-filter"]').setValue('30');
    await flushPromises();
    expect(Object.fromEntries(net.callsTo('GET', '/api/odoo/mo-list').at(-1)?.query ?? [])).toEqual({
      page: '1',
      limit: '20',
      state: 'done',
      production_type: 'cartridge',
      days: '30',
    });

    const before = net.callsTo('GET', '/api/odoo/mo-list').length;
    await wrapper.find('[data-testid="mo-live-refresh"]').trigger('click');
    await flushPromises();
    expect(net.callsTo('GET', '/api/odoo/mo-list')).toHaveLength(before + 1);

    // Back to the cache: no further Odoo reads.
    await wrapper.find('[data-testid="mo-view-cache"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="mo-live"]').exists()).toBe(false);
    expect(wrapper.findAll('[data-testid="mo-row"]')).toHaveLength(1);
    expect(net.callsTo('GET', '/api/odoo/mo-list')).toHaveLength(before + 1);
  });

  it('opens straight into the live view from the address', async () => {
    net = installFakeFetch(cacheRoutes(() => ok([odooMoItem(1)], { page: 1, limit: 20, total: 1, pages: 1 })));
    const { wrapper } = await mountPage('/mo?view=live');

    expect(wrapper.find('[data-testid="mo-view-live"]').attributes('aria-pressed')).toBe('true');
    expect(wrapper.findAll('[data-testid="mo-live-row"]')).toHaveLength(1);
    expect(net.callsTo('GET', '/api/odoo/mo-list')).toHaveLength(1);
  });

  it("shows the API's sentence for Odoo not configured (400), with the way to fix it", async () => {
    const sentence = 'Odoo configuration is missing. Please configure Odoo Session ID and Base URL in Admin settings.';
    net = installFakeFetch(cacheRoutes(() => json(400, { success: false, error: sentence, code: 'ODOO_CONFIG_MISSING' })));
    const { wrapper } = await mountPage('/mo?view=live');

    expect(wrapper.find('[data-testid="mo-live-error"]').text()).toContain(sentence);
    const hint = wrapper.find('[data-testid="mo-live-error-hint"]');
    expect(hint.text()).toContain('needs the Odoo connection');
    expect(hint.find('a').attributes('href')).toBe('/admin/odoo');
    expect(wrapper.find('[data-testid="pager-position"]').exists()).toBe(false);
  });

  it.each([
    [502, 'ODOO_UNREACHABLE', 'Odoo at http://127.0.0.1:4010/odoo could not be reached (connection refused).'],
    [504, 'ODOO_TIMEOUT', 'Request timeout: Odoo did not answer within 30 s.'],
  ])('shows the %i sentence, points to the cache, and retries', async (status, code, sentence) => {
    let failing = true;
    net = installFakeFetch(
      cacheRoutes(() =>
        failing ? json(status, { success: false, error: sentence, code }) : ok([odooMoItem(1)], { page: 1, limit: 20, total: 1, pages: 1 }),
      ),
    );
    const { wrapper } = await mountPage('/mo?view=live');

    expect(wrapper.find('[data-testid="mo-live-error"]').text()).toContain(sentence);
    expect(wrapper.find('[data-testid="mo-live-error-hint"]').text()).toContain('still in the Cache view');
    expect(wrapper.findAll('[data-testid="mo-live-row"]')).toHaveLength(0);

    failing = false;
    await wrapper.find('[data-testid="mo-live-retry"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="mo-live-error"]').exists()).toBe(false);
    expect(wrapper.findAll('[data-testid="mo-live-row"]')).toHaveLength(1);
  });
});

describe('MoPage sync', () => {
  it("shows each production type's progress while a sync runs, then the results, and stops asking", async () => {
    vi.useFakeTimers();
    let answer: (r: Response) => void = () => undefined;
    const running = (items: Array<{ key: string; status: string; done: number; total: number | null }>) =>
      ok([{ id: 'run-1', kind: 'odoo-mo', status: 'running', progress: { at: '2026-11-22T10:30:01.000Z', items } }], { page: 1, limit: 1, total: 1, pages: 1 });
    let progress = running([
      { key: 'liquid', status: 'running', done: 500, total: 1000 },
      { key: 'device', status: 'pending', done: 0, total: null },
    ]);
    net = installFakeFetch({
      ...cacheRoutes(() => ok([], { page: 1, limit: 20, total: 0, pages: 0 })),
      'POST /api/admin/sync-mo': () => new Promise<Response>((resolve) => (answer = resolve)),
      'GET /api/sync-runs': () => progress,
      'GET /api/notifications/unread-count': () => ok({ unread: 0 }),
    });
    const { wrapper } = await mountPage();

    await wrapper.find('[data-testid="mo-sync"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="mo-sync-progress"]').exists()).toBe(true);
    // Nothing to show for the first second: a short sync never asks.
    expect(net.callsTo('GET', '/api/sync-runs')).toHaveLength(0);

    await vi.advanceTimersByTimeAsync(1000);
    const items = () => wrapper.findAll('[data-testid="sync-progress-item"]');
    expect(net.callsTo('GET', '/api/sync-runs')[0]?.query.toString()).toBe('kind=odoo-mo&status=running&limit=1');
    expect(items().map((i) => [i.attributes('data-key'), i.attributes('data-status'), i.text()])).toEqual([
      ['liquid', 'running', 'liquidReading500 of 1,000'],
      ['device', 'pending', 'deviceWaiting0 read'],
    ]);
    expect(items()[0]?.find('progress').attributes('value')).toBe('0.5');

    progress = running([
      { key: 'liquid', status: 'done', done: 1000, total: 1000 },
      { key: 'device', status: 'running', done: 0, total: 120 },
    ]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(items().map((i) => i.attributes('data-status'))).toEqual(['done', 'running']);

    answer(
      json(200, {
        success: true,
        message: 'MO sync completed successfully',
        totalUpdated: 1120,
        results: [
          { production_type: 'liquid', updated: 1000, status: 'success' },
          { production_type: 'device', updated: 120, status: 'success' },
        ],
        timestamp: '2026-11-22T10:30:03.000Z',
      }),
    );
    await flushPromises();
    expect(wrapper.find('[data-testid="sync-progress-list"]').exists()).toBe(false);
    expect(wrapper.findAll('[data-testid="mo-sync-type"]').map((r) => r.attributes('data-updated'))).toEqual(['1000', '120']);
    const asked = net.callsTo('GET', '/api/sync-runs').length;
    await vi.advanceTimersByTimeAsync(5000);
    expect(net.callsTo('GET', '/api/sync-runs')).toHaveLength(asked);
  });
});
