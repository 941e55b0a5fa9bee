import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { fail, installFakeFetch, ok, type FakeFetch } from '@/shared/test/fake-fetch';
import { userRow } from '@/shared/test/fixtures';
import { RouterView } from 'vue-router';
import { mountWithApp, routerAt, signedInTests } from '@/shared/test/mount';
import UsersPage from './UsersPage.vue';

let net: FakeFetch | null = null;

/** Mounted at its address, before its first request has answered. */
async function mountPage() {
  const router = await routerAt([{ path: '/admin/users', name: 'users', component: UsersPage }], '/admin/users');
  return mountWithApp(RouterView, { router, stubTeleport: true }).wrapper;
}

signedInTests();

describe('UsersPage', () => {
  it('renders rows, pagination and debounced server-side search', async () => {
    net = installFakeFetch({
      'GET /api/users': (req) =>
        req.query.get('q') === 'nobody'
          ? ok([], { page: 1, limit: 20, total: 0, pages: 1 })
          : ok([userRow(1), userRow(2, { active: false, role: 'spv' })], { page: 1, limit: 20, total: 2, pages: 1 }),
    });
    const wrapper = await mountPage();
    expect(wrapper.find('[data-testid="state-loading"]').exists()).toBe(true);
    await flushPromises();

    expect(wrapper.findAll('[data-testid="user-row"]')).toHaveLength(2);
    expect(wrapper.find('[data-testid="pager-position"]').text()).toBe('Page 1 of 1');
    expect(wrapper.findAll('[data-testid="user-status"]')[1]?.text()).toBe('Inactive');

    vi.useFakeTimers();
    await wrapper.find('[data-testid="users-search"]').setValue('nobody');
    expect(net.callsTo('GET', '/api/users')).toHaveLength(1);
    vi.advanceTimersByTime(350);
    vi.useRealTimers();
    await flushPromises();

    expect(net.callsTo('GET', '/api/users').at(-1)?.query.get('q')).toBe('nobody');
    expect(wrapper.find('[data-testid="state-empty"]').exists()).toBe(true);
  });

  it('shows the error sentence with a working retry', async () => {
    let calls = 0;
    net = installFakeFetch({
      'GET /api/users': () => {
        calls += 1;
        return calls === 1
          ? fail(500, 'The user list could not be loaded.', 'INTERNAL')
          : ok([userRow(1)], { page: 1, limit: 20, total: 1, pages: 1 });
      },
    });
    const wrapper = await mountPage();
    await flushPromises();

    expect(wrapper.find('[data-testid="state-error"]').text()).toContain('The user list could not be loaded.');
    await wrapper.find('[data-testid="state-error"] button').trigger('click');
    await flushPromises();
    expect(wrapper.findAll('[data-testid="user-row"]')).toHaveLength(1);
  });

  it('validates the new-user form with the shared DTO before calling the API', async () => {
    net = installFakeFetch({
      'GET /api/users': () => ok([], { page: 1, limit: 200, total: 0, pages: 1 }),
      'GET /api/locations': () => ok([]),
    });
    const wrapper = await mountPage();
    await flushPromises();

    await wrapper.find('[data-testid="user-new"]').trigger('click');
    await flushPromises();
    await wrapper.find('input[name="email"]').setValue('not-an-email');
    await wrapper.find('input[name="password"]').setValue('short');
    await wrapper.find('form[data-testid="user-form"]').trigger('submit');
    await flushPromises();

    expect(wrapper.find('[data-testid="error-email"]').text()).toBe('Enter a valid email address.');
    expect(wrapper.find('[data-testid="error-name"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="error-password"]').text()).toBe('At least 8 characters.');
    expect(net.callsTo('POST', '/api/users')).toHaveLength(0);
  });
});
