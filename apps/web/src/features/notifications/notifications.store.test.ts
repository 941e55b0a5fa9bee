import { afterEach, describe, expect, it, vi } from 'vitest';
import { fail, installFakeFetch, ok, type FakeFetch } from '@/shared/test/fake-fetch';
import { notification } from '@/shared/test/sync-fixtures';
import { NOTIFICATION_POLL_MS, useNotificationsStore } from './notifications.store';
import { storeTests } from '@/shared/test/mount';

let net: FakeFetch | null = null;

storeTests();

afterEach(() => {
  useNotificationsStore().stopPolling();
});

describe('notifications store', () => {
  it('polls the unread count now and every minute until stopped', async () => {
    vi.useFakeTimers();
    let unread = 2;
    net = installFakeFetch({ 'GET /api/notifications/unread-count': () => ok({ unread }) });
    const store = useNotificationsStore();

    store.startPolling();
    store.startPolling(); // idempotent: still one timer
    await vi.advanceTimersByTimeAsync(0);
    expect(store.unread).toBe(2);
    expect(net.callsTo('GET', '/api/notifications/unread-count')).toHaveLength(1);

    unread = 5;
    await vi.advanceTimersByTimeAsync(NOTIFICATION_POLL_MS - 1);
    expect(net.callsTo('GET', '/api/notifications/unread-count')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(store.unread).toBe(5);
    expect(net.callsTo('GET', '/api/notifications/unread-count')).toHaveLength(2);

    store.stopPolling();
    await vi.advanceTimersByTimeAsync(NOTIFICATION_POLL_MS * 3);
    expect(net.callsTo('GET', '/api/notifications/unread-count')).toHaveLength(2);
  });

  it('skips polls while the tab is hidden and catches up when it shows again', async () => {
    vi.useFakeTimers();
    let visibility: DocumentVisibilityState = 'visible';
    vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
    net = installFakeFetch({ 'GET /api/notifications/unread-count': () => ok({ unread: 1 }) });
    const store = useNotificationsStore();
    store.startPolling();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.unread).toBe(1);

    visibility = 'hidden';
    await vi.advanceTimersByTimeAsync(NOTIFICATION_POLL_MS * 2);
    expect(net.callsTo('GET', '/api/notifications/unread-count')).toHaveLength(1);

    visibility = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(net.callsTo('GET', '/api/notifications/unread-count')).toHaveLength(2);
  });

  it('keeps the last count when a poll fails', async () => {
    let failing = false;
    net = installFakeFetch({
      'GET /api/notifications/unread-count': () => (failing ? fail(500, 'Database unavailable.') : ok({ unread: 3 })),
    });
    const store = useNotificationsStore();
    await store.refreshUnread();
    failing = true;
    await store.refreshUnread();
    expect(store.unread).toBe(3);
  });

  it('marks one read (count down, both lists stamped) and all read', async () => {
    net = installFakeFetch({
      'GET /api/notifications/unread-count': () => ok({ unread: 2 }),
      'GET /api/notifications': (req) =>
        ok([notification(1), notification(2), notification(3, { readAt: '2025-05-01T03:00:00.000Z' })], {
          page: 1,
          limit: Number(req.query.get('limit')),
          total: 3,
          pages: 1,
        }),
      [`POST /api/notifications/${notification(1).id}/read`]: () => ok({ updated: 1 }),
      'POST /api/notifications/read-all': () => ok({ updated: 1 }),
    });
    const store = useNotificationsStore();
    await store.loadRecent();
    await store.fetch();
    await vi.waitFor(() => expect(store.unread).toBe(2));
    expect(net.callsTo('GET', '/api/notifications')[0]?.query.get('limit')).toBe('8');

    const first = store.recent[0];
    if (!first) throw new Error('no notification');
    await store.markRead(first);
    expect(store.unread).toBe(1);
    expect(store.recent[0]?.readAt).not.toBeNull();
    expect(store.items[0]?.readAt).not.toBeNull();

    // Already read: no request.
    const third = store.items[2];
    if (!third) throw new Error('no notification');
    await store.markRead(third);
    expect(net.calls.filter((c) => c.method === 'POST')).toHaveLength(1);

    await store.markAllRead();
    expect(store.unread).toBe(0);
    expect(store.items.every((n) => n.readAt !== null)).toBe(true);
  });

  it('lists unread only and pages', async () => {
    net = installFakeFetch({
      'GET /api/notifications': (req) => ok([notification(1)], { page: Number(req.query.get('page')), limit: 20, total: 41, pages: 3 }),
    });
    const store = useNotificationsStore();
    await store.setUnreadOnly(true);
    expect(Object.fromEntries(net.calls.at(-1)?.query ?? [])).toEqual({ page: '1', limit: '20', unread: 'true' });
    await store.goToPage(2);
    expect(net.calls.at(-1)?.query.get('page')).toBe('2');
    await store.setUnreadOnly(false);
    expect(Object.fromEntries(net.calls.at(-1)?.query ?? [])).toEqual({ page: '1', limit: '20' });
  });
});
