import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/shared/api/client';
import { deferred, fail, installFakeFetch, ok, type FakeFetch } from '@/shared/test/fake-fetch';
import { executeBody, previewBody, previewItem, RUN_ID } from '@/shared/test/sync-fixtures';
import { useNotificationsStore } from '@/features/notifications/notifications.store';
import { usePartsSyncStore } from './parts-sync.store';
import { storeTests } from '@/shared/test/mount';

let net: FakeFetch | null = null;

function lastQuery(path: string): Record<string, string> {
  const call = net?.calls.filter((c) => c.path === path).at(-1);
  if (!call) throw new Error(`no request to ${path}`);
  return Object.fromEntries(call.query);
}

storeTests();

describe('parts-sync store', () => {
  it("reads the preview's raw body (data.preview, counts, meta), with status, search and paging params", async () => {
    net = installFakeFetch({
      'GET /api/master/parts/sync-po': (req) =>
        previewBody([previewItem(1), previewItem(2, { currentPONumber: 'PO-OLD' })], {
          needsSync: 45,
          counts: { 'already-synced': 7, 'part-not-found': 1 },
          page: Number(req.query.get('page') ?? 1),
          pages: 3,
          total: 45,
        }),
    });
    const store = usePartsSyncStore();

    await store.loadPreview();
    expect(lastQuery('/api/master/parts/sync-po')).toEqual({ page: '1', limit: '20' });
    expect(store.items).toHaveLength(2);
    expect(store.items[1]?.currentPONumber).toBe('PO-OLD');
    expect(store.needsSyncCount).toBe(45);
    expect(store.totalPOs).toBe(12);
    expect(store.counts).toEqual({ 'needs-sync': 45, 'already-synced': 7, 'part-not-found': 1 });
    expect(store.meta.pages).toBe(3);

    await store.goToPage(3);
    expect(lastQuery('/api/master/parts/sync-po')['page']).toBe('3');
    expect(store.query.page).toBe(3);

    await store.setFilter({ status: 'needs-sync' });
    expect(lastQuery('/api/master/parts/sync-po')).toEqual({ status: 'needs-sync', page: '1', limit: '20' });

    await store.setFilter({ q: '  bearing ' });
    expect(lastQuery('/api/master/parts/sync-po')).toEqual({ status: 'needs-sync', q: 'bearing', page: '1', limit: '20' });

    await store.goToPage(99);
    expect(lastQuery('/api/master/parts/sync-po')['page']).toBe('3'); // clamped to the last page

    await store.setFilter({ status: '', q: '' });
    expect(lastQuery('/api/master/parts/sync-po')).toEqual({ page: '1', limit: '20' });
  });

  it('keeps only the newest preview answer when filters change quickly', async () => {
    const slow = deferred();
    net = installFakeFetch({
      'GET /api/master/parts/sync-po': async (req) => {
        if (req.query.get('status') === 'needs-sync') {
          await slow.promise;
          return previewBody([previewItem(1)]);
        }
        return previewBody([previewItem(7, { status: 'already-synced', needsSync: false })], { needsSync: 0 });
      },
    });
    const store = usePartsSyncStore();
    const first = store.setFilter({ status: 'needs-sync' });
    const second = store.setFilter({ status: 'already-synced' });
    await second;
    slow.resolve();
    await first;

    expect(store.items.map((i) => i.internalPartNo)).toEqual(['P-7']);
    expect(store.loading).toBe(false);
  });

  it('runs the sync once, keeps the result per status and refreshes the unread count', async () => {
    const gate = deferred();
    net = installFakeFetch({
      'POST /api/master/parts/sync-po': async () => {
        await gate.promise;
        return executeBody();
      },
      'GET /api/notifications/unread-count': () => ok({ unread: 1 }),
    });
    const store = usePartsSyncStore();

    const run = store.execute();
    expect(store.running).toBe(true);
    expect(await store.execute()).toBeNull(); // a second click while running does nothing
    gate.resolve();
    const result = await run;

    expect(net.callsTo('POST', '/api/master/parts/sync-po')).toHaveLength(1);
    expect(result?.runId).toBe(RUN_ID);
    expect(store.running).toBe(false);
    expect(store.resultMessage).toBe('PO numbers synced: 2 updated, 1 failed.');
    expect(store.resultCounts).toEqual({ synced: 2, 'already-synced': 5, 'part-not-found': 0, error: 1 });
    expect(store.resultErrors.map((e) => [e.internalPartNo, e.message])).toEqual([
      ['P-3', 'The part was locked by another transaction; run the sync again.'],
    ]);
    await vi.waitFor(() => expect(useNotificationsStore().unread).toBe(1));
  });

  it('reports a 409 (another sync running) without a result', async () => {
    net = installFakeFetch({
      'POST /api/master/parts/sync-po': () =>
        fail(409, 'A parts-po sync is already running. Wait for it to finish, then try again.', 'SYNC_ALREADY_RUNNING'),
      'GET /api/notifications/unread-count': () => ok({ unread: 0 }),
    });
    const store = usePartsSyncStore();

    expect(await store.execute()).toBeNull();
    expect(store.result).toBeNull();
    expect(store.runError).toBeInstanceOf(ApiError);
    expect((store.runError as ApiError).status).toBe(409);
    expect((store.runError as ApiError).message).toContain('already running');
  });

  it('reset clears the preview, the result and the filters', async () => {
    net = installFakeFetch({
      'GET /api/master/parts/sync-po': () => previewBody([previewItem(1)]),
      'POST /api/master/parts/sync-po': () => executeBody(),
      'GET /api/notifications/unread-count': () => ok({ unread: 0 }),
    });
    const store = usePartsSyncStore();
    await store.setFilter({ status: 'needs-sync', q: 'x' });
    await store.execute();

    store.reset();
    expect(store.preview).toBeNull();
    expect(store.result).toBeNull();
    expect(store.query).toEqual({ status: '', q: '', page: 1, limit: 20 });
  });
});
