import type { Browser, Page } from 'playwright-core';
import { RunningApp, startApp } from './support/app-server';
import { launchChromium } from './support/browser';

describe('admin manages users in the browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  });
  afterEach(() => page.close());

  async function logIn(p: Page) {
    await p.goto(`${app.baseUrl}/login`);
    await p.fill('input[name="email"]', app.login.email);
    await p.fill('input[name="password"]', app.login.password);
    await p.click('button[type="submit"]');
    await p.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 15_000 });
  }

  it('shows the API error sentence for a wrong password', async () => {
    await page.goto(`${app.baseUrl}/login`);
    await page.fill('input[name="email"]', app.login.email);
    await page.fill('input[name="password"]', 'definitely-wrong');
    await page.click('button[type="submit"]');
    await page.getByText('Invalid email or password.').waitFor({ timeout: 10_000 });
  });

  it('logs in with the printed demo login, creates a user and finds them in the list', async () => {
    await logIn(page);
    await page.goto(`${app.baseUrl}/admin/users`);
    await page.locator('[data-testid="user-row"]').first().waitFor();

    const email = `e2e.${Date.now()}@simpul.local`;
    await page.click('[data-testid="user-new"]');
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="name"]', 'Eka Prasetya');
    await page.selectOption('select[name="role"]', 'pic');
    await page.fill('input[name="password"]', 'e2e-password-1');
    await page.click('[data-testid="user-save"]');

    await page.fill('[data-testid="users-search"]', email);
    const row = page.locator('[data-testid="user-row"]', { hasText: email });
    await row.waitFor({ timeout: 10_000 });
    // The search is server-side and debounced: wait until the list holds only the match.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="user-row"]').length === 1, undefined, { timeout: 10_000 });
    expect(await row.textContent()).toContain('Eka Prasetya');
  });

  it('is usable at phone width', async () => {
    const phone = await browser.newPage({ viewport: { width: 375, height: 740 } });
    await logIn(phone);
    await phone.goto(`${app.baseUrl}/admin/users`);
    await phone.locator('[data-testid="user-row"]').first().waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await phone.close();
  });
});
