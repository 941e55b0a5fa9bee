import type { Browser, Page } from 'playwright-core';
import { RunningApp, startApp } from './support/app-server';
import { launchChromium } from './support/browser';

/**
 * The order flow end to end, through the UI only: master data → sale order with a part and a service →
 * confirm → the part's stock and ledger show the sale.
 */
describe('sale order flow in the browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  const stamp = Date.now().toString(36).toUpperCase();
  const customerName = `PT E2E Sejahtera ${stamp}`;
  const partCode = `E2E-${stamp}`;
  const serviceName = `Jasa pasang ${stamp}`;
  const orderNumber = `SO-E2E-${stamp}`;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${app.baseUrl}/login`);
    await page.fill('input[name="email"]', app.login.email);
    await page.fill('input[name="password"]', app.login.password);
    await page.click('button[type="submit"]');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 15_000 });
  });

  afterAll(async () => {
    await page?.close();
    await browser?.close();
    await app?.stop();
  });

  /** Opens a master-data list, creates a record through the form and waits for its row. */
  async function createRecord(path: string, values: Record<string, string>, rowText: string) {
    await page.goto(`${app.baseUrl}${path}`);
    await page.locator('[data-testid="state-empty"], [data-testid="md-row"]').first().waitFor();
    await page.click('[data-testid="md-new"]');
    const form = page.locator('[data-testid="md-form"]');
    for (const [name, value] of Object.entries(values)) await form.locator(`[name="${name}"]`).fill(value);
    await page.click('[data-testid="md-save"]');
    await form.waitFor({ state: 'detached' });
    await page.locator('[data-testid="md-row"]', { hasText: rowText }).waitFor();
  }

  /** Types into an async picker and picks the option showing `text`. */
  async function pick(picker: ReturnType<Page['locator']>, search: string, text: string) {
    await picker.locator('[data-testid$="-input"]').fill(search);
    await picker.locator('[data-testid="picker-option"]', { hasText: text }).click();
  }

  it('creates the master data through the list pages', async () => {
    await createRecord('/master/customers', { nama: customerName, hp: '0812-555-0101', alamat: 'Jl. Uji Coba 1, Bekasi' }, customerName);
    await createRecord('/master/parts', { kode: partCode, nama: 'Bearing uji', harga: '45000', stock: '10' }, partCode);
    await createRecord('/master/services', { nama: serviceName, harga: '150000' }, serviceName);
    const serviceRow = page.locator('[data-testid="md-row"]', { hasText: serviceName });
    expect(await serviceRow.textContent()).toContain('150.000');
  });

  it('creates a sale order with a part line and a service line, then confirms it', async () => {
    await page.goto(`${app.baseUrl}/sales`);
    await page.click('[data-testid="order-new"]');
    await page.locator('[data-testid="order-form"]').waitFor();
    await page.fill('[data-testid="order-number"]', orderNumber);

    await pick(page.locator('[data-testid="party-picker"]'), customerName, customerName);
    // The snapshot fields follow the chosen customer.
    expect(await page.inputValue('input[name="nama"]')).toBe(customerName);
    expect(await page.inputValue('input[name="hp"]')).toBe('0812-555-0101');

    await page.click('[data-testid="add-product-line"]');
    const productLine = page.locator('[data-testid="line-row"][data-line-kind="product"]').first();
    await pick(productLine.locator('[data-testid="line-picker"]'), partCode, partCode);
    expect(await productLine.locator('[data-testid="line-price"]').inputValue()).toBe('45000.00');
    await productLine.locator('[data-testid="line-qty"]').fill('3');
    await page.waitForFunction(
      () => document.querySelector('[data-line-kind="product"] [data-testid="line-total"]')?.getAttribute('data-value') === '135000.00',
    );

    await page.click('[data-testid="add-service-line"]');
    const serviceLine = page.locator('[data-testid="line-row"][data-line-kind="service"]').first();
    await pick(serviceLine.locator('[data-testid="line-picker"]'), serviceName, serviceName);
    await page.waitForFunction(() => document.querySelector('[data-testid="sum-total"]')?.getAttribute('data-value') === '285000.00');

    await page.click('[data-testid="order-save"]');
    await page.waitForURL((url) => /^\/sales\/[0-9a-f-]{36}$/.test(url.pathname), { timeout: 15_000 });
    await page.locator('[data-testid="order-title"]', { hasText: orderNumber }).waitFor();
    expect(await page.getAttribute('[data-testid="order-status"]', 'data-status')).toBe('draft');
    expect(await page.getAttribute('[data-testid="detail-total"]', 'data-value')).toBe('285000.00');
    expect(await page.locator('[data-testid="detail-line"]').count()).toBe(2);

    await page.click('[data-testid="order-action-confirm"]');
    await page.click('[data-testid="confirm-ok"]');
    await page.locator('[data-testid="order-status"][data-status="confirmed"]').waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-testid="order-edit"]').count()).toBe(0); // only drafts are editable
  });

  it("shows the part's stock reduced by the sale, with the ledger entry", async () => {
    await page.goto(`${app.baseUrl}/master/parts`);
    await page.fill('[data-testid="md-search"]', partCode);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="md-row"]').length === 1, undefined, { timeout: 10_000 });
    await page.locator('[data-testid="md-row"]', { hasText: partCode }).locator('[data-testid="md-link"]').click();
    await page.locator('[data-testid="part-detail"] [data-testid="part-stock"]').waitFor();

    expect(await page.getAttribute('[data-testid="part-stock"]', 'data-value')).toBe('7.00');
    const saleMove = page.locator('[data-testid="stock-move-row"][data-reason="sale_confirmed"]');
    await saleMove.waitFor();
    expect(await saleMove.textContent()).toContain(orderNumber);
    expect(await page.locator('[data-testid="stock-move-row"][data-reason="initial"]').count()).toBe(1);
  });
});
