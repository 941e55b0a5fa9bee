import { createRecord, onlyRow, pick, useApp } from './support/e2e';

/**
 * The order flow end to end, through the UI only: master data → sale order with a part and a service →
 * confirm → the part's stock and ledger show the sale.
 */
describe('sale order flow in the browser', () => {
  const ctx = useApp();
  const stamp = Date.now().toString(36).toUpperCase();
  const customerName = `PT E2E Sejahtera ${stamp}`;
  const partCode = `E2E-${stamp}`;
  const serviceName = `Jasa pasang ${stamp}`;
  const orderNumber = `SO-E2E-${stamp}`;

  it('creates the master data through the list pages', async () => {
    const { page } = ctx;
    await createRecord(ctx, '/master/customers', { nama: customerName, hp: '0812-555-0101', alamat: 'Jl. Uji Coba 1, Bekasi' }, customerName);
    await createRecord(ctx, '/master/parts', { kode: partCode, nama: 'Bearing uji', harga: '45000', stock: '10' }, partCode);
    await createRecord(ctx, '/master/services', { nama: serviceName, harga: '150000' }, serviceName);
    const serviceRow = page.locator('[data-testid="md-row"]', { hasText: serviceName });
    expect(await serviceRow.textContent()).toContain('150.000');
  });

  it('creates a sale order with a part line and a service line, then confirms it', async () => {
    const { page } = ctx;
    await page.goto(ctx.url('/sales'));
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
    const { page } = ctx;
    await (await onlyRow(ctx, '/master/parts', partCode)).locator('[data-testid="md-link"]').click();
    await page.locator('[data-testid="part-detail"] [data-testid="part-stock"]').waitFor();

    expect(await page.getAttribute('[data-testid="part-stock"]', 'data-value')).toBe('7.00');
    const saleMove = page.locator('[data-testid="stock-move-row"][data-reason="sale_confirmed"]');
    await saleMove.waitFor();
    expect(await saleMove.textContent()).toContain(orderNumber);
    expect(await page.locator('[data-testid="stock-move-row"][data-reason="initial"]').count()).toBe(1);
  });
});
