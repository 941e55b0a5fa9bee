import type { Browser, Locator, Page } from 'playwright-core';
import { startApp, type RunningApp } from './app-server';
import { launchChromium } from './browser';

/** What a browser spec works with; filled in by `useApp`'s beforeAll. */
export interface AppUnderTest {
  app: RunningApp;
  browser: Browser;
  /** One page for the whole spec (absent with `page: false`). */
  page: Page;
  /** The app's address of `path`. */
  url(path: string): string;
}

export interface UseAppOptions {
  /** Sign the spec's page in with the demo login (default true). */
  signIn?: boolean;
  /** Open one page for the spec (default true); specs that open their own pages say false. */
  page?: boolean;
  viewport?: { width: number; height: number };
}

/** Signs in on the login page with the demo login the app printed, and waits to be let in. */
export async function logIn(page: Page, app: RunningApp): Promise<void> {
  await page.goto(`${app.baseUrl}/login`);
  await page.fill('input[name="email"]', app.login.email);
  await page.fill('input[name="password"]', app.login.password);
  await page.click('button[type="submit"]');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 15_000 });
}

/**
 * The app exactly as `npm start` serves it (own port and data folder), Chromium, and a signed-in page, started
 * before the spec's tests and stopped after them. Call it at the top of a `describe`.
 */
export function useApp(options: UseAppOptions = {}): AppUnderTest {
  const { signIn = true, page = true, viewport = { width: 1280, height: 900 } } = options;
  const ctx = { url: (path: string) => `${ctx.app.baseUrl}${path}` } as AppUnderTest;

  beforeAll(async () => {
    ctx.app = await startApp();
    ctx.browser = await launchChromium();
    if (!page) return;
    ctx.page = await ctx.browser.newPage({ viewport });
    if (signIn) await logIn(ctx.page, ctx.app);
  });

  afterAll(async () => {
    await ctx.page?.close();
    await ctx.browser?.close();
    await ctx.app?.stop();
  });

  return ctx;
}

/** Opens a master-data list, creates a record through the form and waits for its row. */
export async function createRecord(ctx: AppUnderTest, path: string, values: Record<string, string>, rowText: string): Promise<void> {
  const { page } = ctx;
  await page.goto(ctx.url(path));
  await page.locator('[data-testid="state-empty"], [data-testid="md-row"]').first().waitFor();
  await page.click('[data-testid="md-new"]');
  const form = page.locator('[data-testid="md-form"]');
  for (const [name, value] of Object.entries(values)) await form.locator(`[name="${name}"]`).fill(value);
  await page.click('[data-testid="md-save"]');
  await form.waitFor({ state: 'detached' });
  await page.locator('[data-testid="md-row"]', { hasText: rowText }).waitFor();
}

/** Types into an async picker and picks the option showing `text`. */
export async function pick(picker: Locator, search: string, text: string): Promise<void> {
  await picker.locator('[data-testid$="-input"]').fill(search);
  await picker.locator('[data-testid="picker-option"]', { hasText: text }).click();
}

/** A master-data list searched down to the one row showing `text`. */
export async function onlyRow(ctx: AppUnderTest, path: string, text: string): Promise<Locator> {
  const { page } = ctx;
  await page.goto(ctx.url(path));
  await page.fill('[data-testid="md-search"]', text);
  // The search has landed (it is in the address and its answer is shown), not just a list that had one row anyway.
  await page.waitForFunction(
    (q) =>
      new URL(location.href).searchParams.get('q') === q &&
      !document.querySelector('.stale') &&
      document.querySelectorAll('[data-testid="md-row"]').length === 1,
    text,
    { timeout: 10_000 },
  );
  return page.locator('[data-testid="md-row"]', { hasText: text });
}
