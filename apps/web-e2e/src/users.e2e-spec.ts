import type { Page } from 'playwright-core';
import { logIn, useApp } from './support/e2e';

describe('admin manages users in the browser', () => {
  const ctx = useApp({ page: false });
  let page: Page;

  beforeEach(async () => {
    page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
  });
  afterEach(() => page.close());

  it('shows the API error sentence for a wrong password', async () => {
    await page.goto(ctx.url('/login'));
    await page.fill('input[name="email"]', ctx.app.login.email);
    await page.fill('input[name="password"]', 'definitely-wrong');
    await page.click('button[type="submit"]');
    await page.getByText('Invalid email or password.').waitFor({ timeout: 10_000 });
  });

  it('logs in with the printed demo login, creates a user and finds them in the list', async () => {
    await logIn(page, ctx.app);
    await page.goto(ctx.url('/admin/users'));
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
    const phone = await ctx.browser.newPage({ viewport: { width: 375, height: 740 } });
    await logIn(phone, ctx.app);
    await phone.goto(ctx.url('/admin/users'));
    await phone.locator('[data-testid="user-row"]').first().waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await phone.close();
  });
});
