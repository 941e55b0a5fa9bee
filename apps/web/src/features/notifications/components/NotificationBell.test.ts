import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { defineComponent } from 'vue';
import { installFakeFetch, ok, type FakeFetch } from '@/shared/test/fake-fetch';
import { mountWithApp, routerAt, signedInTests } from '@/shared/test/mount';
import { notification, RUN_ID } from '@/shared/test/sync-fixtures';
import { NOTIFICATION_POLL_MS, useNotificationsStore } from '@/features/notifications/notifications.store';
import NotificationBell from './NotificationBell.vue';

let net: FakeFetch | null = null;
const Blank = defineComponent({ template: '<div />' });

async function mountBell() {
  const router = await routerAt(
    [
      { path: '/', component: Blank },
      { path: '/sync-runs/:id', name: 'sync-run-detail', component: Blank },
      { path: '/notifications', name: 'notifications', component: Blank },
    ],
    '/',
  );
  return { wrapper: mountWithApp(NotificationBell, { router }).wrapper, router };
}

signedInTests();

describe('NotificationBell', () => {
  it('shows the unread count, polls it every minute and stops when unmounted', async () => {
    vi.useFakeTimers();
    let unread = 0;
    net = installFakeFetch({ 'GET /api/notifications/unread-count': () => ok({ unread }) });
    const { wrapper } = await mountBell();
    await flushPromises();
    expect(wrapper.find('[data-testid="notif-count"]').exists()).toBe(false);

    unread = 120;
    await vi.advanceTimersByTimeAsync(NOTIFICATION_POLL_MS);
    await flushPromises();
    expect(wrapper.find('[data-testid="notif-count"]').text()).toBe('99+');
    expect(wrapper.find('[data-testid="notif-bell"]').attributes('aria-label')).toBe('Notifications, 120 unread');

    wrapper.unmount();
    await vi.advanceTimersByTimeAsync(NOTIFICATION_POLL_MS * 2);
    expect(net.callsTo('GET', '/api/notifications/unread-count')).toHaveLength(2);
  });

  it('opens the latest notifications; clicking one marks it read and follows its link', async () => {
    const unreadOne = notification(1, { body: '1 part(s) could not be updated.' });
    net = installFakeFetch({
      'GET /api/notifications/unread-count': () => ok({ unread: 1 }),
      'GET /api/notifications': () => ok([unreadOne, notification(2, { readAt: '2025-05-01T03:00:00.000Z' })], { page: 1, limit: 8, total: 2, pages: 1 }),
      [`POST /api/notifications/${unreadOne.id}/read`]: () => ok({ updated: 1 }),
    });
    const { wrapper, router } = await mountBell();
    await flushPromises();
    expect(wrapper.find('[data-testid="notif-count"]').text()).toBe('1');

    await wrapper.find('[data-testid="notif-bell"]').trigger('click');
    await flushPromises();
    const items = wrapper.findAll('[data-testid="notif-item"]');
    expect(items).toHaveLength(2);
    expect(items[0]?.attributes('data-read')).toBe('false');
    expect(items[0]?.text()).toContain('1 part(s) could not be updated.');

    await items[0]?.trigger('click');
    await flushPromises();
    expect(net.callsTo('POST', `/api/notifications/${unreadOne.id}/read`)).toHaveLength(1);
    expect(router.currentRoute.value.fullPath).toBe(`/sync-runs/${RUN_ID}`);
    expect(useNotificationsStore().unread).toBe(0);
    expect(wrapper.find('[data-testid="notif-menu"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="notif-count"]').exists()).toBe(false);
  });

  it('marks all read from the dropdown', async () => {
    net = installFakeFetch({
      'GET /api/notifications/unread-count': () => ok({ unread: 3 }),
      'GET /api/notifications': () => ok([notification(1), notification(2)], { page: 1, limit: 8, total: 2, pages: 1 }),
      'POST /api/notifications/read-all': () => ok({ updated: 3 }),
    });
    const { wrapper } = await mountBell();
    await flushPromises();
    await wrapper.find('[data-testid="notif-bell"]').trigger('click');
    await flushPromises();

    await wrapper.find('[data-testid="notif-mark-all"]').trigger('click');
    await flushPromises();
    expect(net.callsTo('POST', '/api/notifications/read-all')).toHaveLength(1);
    expect(wrapper.find('[data-testid="notif-count"]').exists()).toBe(false);
    expect(wrapper.findAll('[data-testid="notif-item"]').every((i) => i.attributes('data-read') === 'true')).toBe(true);
  });

  it("stays open while a list's filters change in the address, and closes on another page", async () => {
    net = installFakeFetch({
      'GET /api/notifications/unread-count': () => ok({ unread: 1 }),
      'GET /api/notifications': () => ok([notification(1)], { page: 1, limit: 8, total: 1, pages: 1 }),
    });
    const { wrapper, router } = await mountBell();
    await flushPromises();
    await wrapper.find('[data-testid="notif-bell"]').trigger('click');
    await flushPromises();

    await router.push('/?q=seal');
    await flushPromises();
    expect(wrapper.find('[data-testid="notif-menu"]').exists()).toBe(true);

    await router.push('/notifications');
    await flushPromises();
    expect(wrapper.find('[data-testid="notif-menu"]').exists()).toBe(false);
  });
});
