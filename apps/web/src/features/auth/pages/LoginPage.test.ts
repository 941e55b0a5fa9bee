import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { setSession } from '@/shared/api/client';
import { createAppI18n } from '@/shared/i18n';
import { createAppRouter } from '@/app/router';
import { fail, installFakeFetch, ok, type FakeFetch } from '@/shared/test/fake-fetch';
import { loginResponse } from '@/shared/test/fixtures';
import LoginPage from './LoginPage.vue';

let net: FakeFetch | null = null;

async function mountLogin(path = '/login') {
  const pinia = createPinia();
  const router = createAppRouter(pinia, createMemoryHistory());
  await router.push(path);
  await router.isReady();
  const wrapper = mount(LoginPage, { global: { plugins: [pinia, router, createAppI18n('en')] } });
  return { wrapper, router };
}

beforeEach(() => {
  localStorage.clear();
  setSession(null);
  vi.stubGlobal('scrollTo', vi.fn()); // jsdom does not implement it; the router calls it
});

afterEach(() => {
  net?.assertNoUnexpected();
  net = null;
  vi.unstubAllGlobals();
});

describe('LoginPage', () => {
  it("shows the API's error sentence and re-enables the button", async () => {
    net = installFakeFetch({
      'POST /api/auth/login': () => fail(401, 'The email or password is incorrect.', 'INVALID_CREDENTIALS'),
    });
    const { wrapper } = await mountLogin();

    await wrapper.find('input[name="email"]').setValue('budi@simpul.test');
    await wrapper.find('input[name="password"]').setValue('wrong-password');
    await wrapper.find('form').trigger('submit');
    expect(wrapper.find('button[type="submit"]').attributes('disabled')).toBeDefined();
    await flushPromises();

    expect(wrapper.find('[data-testid="login-error"]').text()).toBe('The email or password is incorrect.');
    expect(wrapper.find('button[type="submit"]').attributes('disabled')).toBeUndefined();
    expect(net.calls[0]?.body).toEqual({ email: 'budi@simpul.test', password: 'wrong-password' });
  });

  it('signs in and goes to the redirect target', async () => {
    net = installFakeFetch({ 'POST /api/auth/login': () => ok(loginResponse('a1', 'r1')) });
    const { wrapper, router } = await mountLogin('/login?redirect=/profile');

    await wrapper.find('input[name="email"]').setValue('admin@simpul.test');
    await wrapper.find('input[name="password"]').setValue('correct-horse');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    // The target page is lazy-loaded (compiled on first use under vitest): allow for a busy machine.
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/profile'), { timeout: 5000 });
  });
});
