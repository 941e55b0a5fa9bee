import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setSession } from '../api/client';
import { installFakeFetch, json, ok, type FakeFetch } from '../test/fake-fetch';
import { seedSession } from '../test/fixtures';
import { useMoStore, useOdooConfigStore } from './odoo-mo';

let net: FakeFetch | null = null;

const page = (n = 0) => ok([], { page: 1, limit: 20, total: n, pages: 1 });

beforeEach(() => {
  localStorage.clear();
  setSession(null);
  seedSession();
  setActivePinia(createPinia());
});

afterEach(() => {
  net?.assertNoUnexpected();
  net = null;
  vi.unstubAllGlobals();
});

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
