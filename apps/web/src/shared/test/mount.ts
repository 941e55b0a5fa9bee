import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, vi } from 'vitest';
import type { Component } from 'vue';
import { createMemoryHistory, createRouter, RouterView, type Router, type RouteRecordRaw } from 'vue-router';
import { setSession } from '@/shared/api/client';
import { createAppI18n, type AppLocale } from '@/shared/i18n';
import { checkFakeFetch } from './fake-fetch';
import { seedSession } from './fixtures';

/**
 * Puts every test of the file on a clean slate: nothing in storage, signed in unless told, a fresh active Pinia
 * when asked. After each, a call the fake fetch did not answer fails the test, and timers, stubbed globals and
 * the document are put back.
 */
function cleanSlate({ signedIn, pinia }: { signedIn: boolean; pinia: boolean }): void {
  beforeEach(() => {
    localStorage.clear();
    setSession(null);
    if (signedIn) seedSession();
    if (pinia) setActivePinia(createPinia());
  });

  afterEach(() => {
    try {
      checkFakeFetch();
    } finally {
      vi.useRealTimers();
      vi.unstubAllGlobals();
      document.body.innerHTML = '';
    }
  });
}

/** For a file of page or component tests (each mount brings its own Pinia): every test starts signed in. */
export function signedInTests(): void {
  cleanSlate({ signedIn: true, pinia: false });
}

/** For a file of store tests: every test starts with a fresh active Pinia, signed in unless `signedIn` is false. */
export function storeTests({ signedIn = true }: { signedIn?: boolean } = {}): void {
  cleanSlate({ signedIn, pinia: true });
}

export interface MountOptions {
  props?: Record<string, unknown>;
  /** The UI language; English unless told. */
  locale?: AppLocale;
  router?: Router;
  /** Renders teleported content (dialogs) in place, inside the wrapper. */
  stubTeleport?: boolean;
}

/** Mounts `component` in the document with a fresh active Pinia, the app's i18n and `router` when given. */
export function mountWithApp(component: Component, { props, locale = 'en', router, stubTeleport = false }: MountOptions = {}) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const i18n = createAppI18n(locale);
  const wrapper = mount(component, {
    props,
    attachTo: document.body,
    global: { plugins: router ? [pinia, router, i18n] : [pinia, i18n], stubs: stubTeleport ? { teleport: true } : {} },
  });
  return { wrapper, i18n };
}

/** A memory router over `routes`, already at `path`. */
export async function routerAt(routes: RouteRecordRaw[], path: string): Promise<Router> {
  const router = createRouter({ history: createMemoryHistory(), routes });
  await router.push(path);
  return router;
}

/** The page `routes` show at `path`, through a `RouterView`, once its first requests have settled. */
export async function mountRoute(routes: RouteRecordRaw[], path: string, locale: AppLocale = 'en') {
  const router = await routerAt(routes, path);
  const { wrapper, i18n } = mountWithApp(RouterView, { router, locale });
  await flushPromises();
  return { wrapper, router, i18n };
}
