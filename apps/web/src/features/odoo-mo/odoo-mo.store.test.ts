import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/shared/api/client';
import { installFakeFetch, json, ok, type FakeFetch } from '@/shared/test/fake-fetch';
import { odooMoItem } from '@/shared/test/odoo-mo-fixtures';
import { useMoLiveStore, useMoStore, useOdooConfigStore } from './odoo-mo.store';
import { storeTests } from '@/shared/test/mount';

let net: FakeFetch | null = null;

const page = (n = 0) => ok([], { page: 1, limit: 20, total: n, pages: 1 });

storeTests();

describe('MO store', () => {
  it("reads the sync's raw seed body (no data envelope) and reloads stats and list", async () => {
    net = installFakeFetch({
      'POST /api/admin/sync-mo': () =>
        json(200, {
          success: true,
          message: 'MO sync completed with errors: 1 of 3 production types failed (device)',
          totalUpdated: 90,
          results: [
            { production_type: 'liquid', updated: 50, status: 'success' },
            { production_type: 'device', updated: 0, status: 'error', error: 'Odoo API error: Invalid field' },
            { production_type: 'cartridge', updated: 40, status: 'success' },
          ],
          timestamp: '2026-11-22T10:30:00.000Z',
        }),
      'GET /api/admin/mo-stats': () => ok({ total: 90, byType: [], byState: {}, lastSync: null }),
      'GET /api/search/mo': () => page(90),
      'GET /api/notifications/unread-count': () => ok({ unread: 0 }),
    });
    const store = useMoStore();

    const res = await store.sync();

    expect(res?.totalUpdated).toBe(90);
    expect(store.syncResult?.results.map((r) => [r.production_type, r.status, r.updated])).toEqual([
      ['liquid', 'success', 50],
      ['device', 'error', 0],
      ['cartridge', 'success', 40],
    ]);
    expect(store.syncResult?.results[1]?.error).toBe('Odoo API error: Invalid field');
    expect(net.callsTo('GET', '/api/admin/mo-stats')).toHaveLength(1);
    expect(net.callsTo('GET', '/api/search/mo')).toHaveLength(1);
    expect(store.syncing).toBe(false);
  });

  it('keeps the per-type results of a sync that failed for every type (502 details)', async () => {
    net = installFakeFetch({
      'POST /api/admin/sync-mo': () =>
        json(502, {
          success: false,
          error: 'The Odoo session has expired. Log in to Odoo again and paste the new Session ID in Admin settings.',
          code: 'ODOO_SESSION_EXPIRED',
          details: { results: [{ production_type: 'liquid', updated: 0, status: 'error', error: 'session expired' }], timestamp: 'x' },
        }),
      'GET /api/search/mo': () => page(),
      'GET /api/notifications/unread-count': () => ok({ unread: 1 }),
    });
    const store = useMoStore();

    expect(await store.sync({ reloadStats: false })).toBeNull();
    expect((store.syncError as Error).message).toContain('session has expired');
    expect(store.syncErrorResults).toEqual([{ production_type: 'liquid', updated: 0, status: 'error', error: 'session expired' }]);
  });

  it('searches the cache with type, state and paging', async () => {
    net = installFakeFetch({
      'GET /api/search/mo': (req) => ok([], { page: Number(req.query.get('page')), limit: 20, total: 60, pages: 3 }),
    });
    const store = useMoStore();
    await store.fetch();
    await store.goToPage(2);
    await store.setQuery({ q: ' mango ', production_type: 'liquid', state: 'done' });
    expect(Object.fromEntries(net.calls.at(-1)?.query ?? [])).toEqual({
      page: '1',
      limit: '20',
      q: 'mango',
      production_type: 'liquid',
      state: 'done',
    });
  });
});

describe('MO live store', () => {
  it('reads one page from Odoo with the filters, and moves between pages', async () => {
    net = installFakeFetch({
      'GET /api/odoo/mo-list': (req) =>
        ok([odooMoItem(Number(req.query.get('page')) * 100)], { page: Number(req.query.get('page')), limit: 20, total: 45, pages: 3 }),
    });
    const store = useMoLiveStore();
    expect(net.calls).toHaveLength(0); // nothing is read from Odoo until asked

    await store.fetch();
    expect(Object.fromEntries(net.calls[0]?.query ?? [])).toEqual({ page: '1', limit: '20' });
    expect(store.loaded).toBe(true);
    expect(store.items.map((mo) => mo.odoo_id)).toEqual([100]);

    await store.goToPage(3);
    expect(net.calls.at(-1)?.query.get('page')).toBe('3');
    await store.goToPage(9); // clamped to the last page
    expect(net.calls.at(-1)?.query.get('page')).toBe('3');
    expect(store.meta).toEqual({ page: 3, limit: 20, total: 45, pages: 3 });

    await store.setQuery({ q: ' WH/MO/0029 ', production_type: 'cartridge', state: 'confirmed', days: 30 });
    expect(Object.fromEntries(net.calls.at(-1)?.query ?? [])).toEqual({
      page: '1',
      limit: '20',
      q: 'WH/MO/0029',
      production_type: 'cartridge',
      state: 'confirmed',
      days: '30',
    });

    await store.setQuery({ days: 0, state: '' }); // "any time" and "all states" are left out
    expect(Object.fromEntries(net.calls.at(-1)?.query ?? [])).toEqual({ page: '1', limit: '20', q: 'WH/MO/0029', production_type: 'cartridge' });
  });

  it.each([
    [400, 'ODOO_CONFIG_MISSING', 'Odoo configuration is missing. Please configure Odoo Session ID and Base URL in Admin settings.'],
    [502, 'ODOO_AUTH_FAILED', 'Odoo refused the login: Access Denied. Check the database name, login and API key in Admin settings.'],
    [504, 'ODOO_TIMEOUT', 'Request timeout: Odoo did not answer within 30 s.'],
  ])('keeps the %i %s error with its sentence, and clears it on the next good read', async (status, code, sentence) => {
    let failing = true;
    net = installFakeFetch({
      'GET /api/odoo/mo-list': () =>
        failing ? json(status, { success: false, error: sentence, code }) : ok([odooMoItem(1)], { page: 1, limit: 20, total: 1, pages: 1 }),
    });
    const store = useMoLiveStore();

    await store.fetch();
    expect(store.error).toBeInstanceOf(ApiError);
    expect((store.error as ApiError).status).toBe(status);
    expect((store.error as ApiError).code).toBe(code);
    expect((store.error as ApiError).message).toBe(sentence);
    expect(store.loaded).toBe(false);
    expect(store.loading).toBe(false);

    failing = false;
    await store.fetch();
    expect(store.error).toBeNull();
    expect(store.items).toHaveLength(1);
  });

  it('shows only the answer to the latest request when filters change quickly', async () => {
    const answers: Array<(res: Response) => void> = [];
    net = installFakeFetch({
      'GET /api/odoo/mo-list': () => new Promise<Response>((resolve) => answers.push(resolve)),
    });
    const store = useMoLiveStore();

    const first = store.setQuery({ state: 'done' });
    const second = store.setQuery({ state: 'confirmed' });
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    answers[1]?.(ok([odooMoItem(2, { state: 'confirmed' })], { page: 1, limit: 20, total: 1, pages: 1 }));
    await second;
    answers[0]?.(ok([odooMoItem(1, { state: 'done' })], { page: 1, limit: 20, total: 1, pages: 1 }));
    await first;

    expect(store.items.map((mo) => mo.state)).toEqual(['confirmed']);
    expect(store.loading).toBe(false);
  });
});

describe('Odoo config store', () => {
  it('tests with the unsaved overlay and reports the exact problem', async () => {
    net = installFakeFetch({
      'POST /api/admin/odoo-config/test': () =>
        ok({
          ok: false,
          serverVersion: '16.0',
          serverVersionInfo: null,
          authMode: 'api_key',
          user: null,
          scheduledStartField: null,
          productionTypes: [],
          error: 'Odoo refused the login: Access Denied. Check the database name, login and API key in Admin settings.',
          failure: 'auth_failed',
        }),
    });
    const store = useOdooConfigStore();
    const res = await store.test({ apiKey: 'wrong' });
    expect(net.calls[0]?.body).toEqual({ apiKey: 'wrong' });
    expect(res?.ok).toBe(false);
    expect(store.testResult?.failure).toBe('auth_failed');
  });
});
