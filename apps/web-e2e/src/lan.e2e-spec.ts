import { Browser, chromium } from 'playwright-core';
import { RunningApp, startApp } from './support/app-server';
import { CHROMIUM_ARGS } from './support/browser';
import { createLan, Lan } from './support/lan';

/**
 * The app as a small firm runs it: `npm start` on one machine, opened over plain HTTP from another machine on the
 * office LAN. Over such an address the browser obeys HSTS and upgrade-insecure-requests, so the page only works if
 * the server sends neither.
 */
describe('opened from the office LAN over plain HTTP', () => {
  let app: RunningApp;
  let lan: Lan;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp();
    lan = createLan(process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium');
    browser = await chromium.launch({ executablePath: lan.chromium, args: CHROMIUM_ARGS, headless: true });
  });
  afterAll(async () => {
    await browser?.close();
    lan?.destroy();
    await app?.stop();
  });

  it('loads every asset over http and shows the sign-in form, then signs in', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const failed: string[] = [];
    const assets: string[] = [];
    page.on('requestfailed', (req) => failed.push(`${req.url()} ${req.failure()?.errorText ?? ''}`));
    page.on('requestfinished', (req) => {
      if (req.url().includes('/assets/')) assets.push(req.url());
    });
    const base = `http://${lan.hostIp}:${app.port}`;
    const doc = await page.goto(`${base}/login`);
    expect(doc?.status()).toBe(200);
    await page.locator('input[name="email"]').waitFor({ timeout: 10_000 }).catch(() => undefined);
    expect(failed).toEqual([]);
    expect(doc?.headers()['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(doc?.headers()['strict-transport-security']).toBeUndefined();

    await page.fill('input[name="email"]', app.login.email);
    await page.fill('input[name="password"]', app.login.password);
    await page.click('button[type="submit"]');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 15_000 });

    expect(failed).toEqual([]);
    expect(assets.length).toBeGreaterThan(0);
    expect(assets.filter((url) => !url.startsWith(`${base}/assets/`))).toEqual([]);
    await page.close();
  });
});
