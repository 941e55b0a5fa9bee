import { createRecord, onlyRow, pick, useApp } from './support/e2e';

/**
 * PO numbers onto parts, through the UI only: vendor + part → purchase order (auto-sync gives the part its number) →
 * the part's number edited by hand to something wrong → Parts → "Sync PO numbers": preview says 1 needs a sync →
 * confirm → 1 synced → the run in the sync history, and the notification that announces it.
 */
describe('parts PO-number sync in the browser', () => {
  const ctx = useApp();
  const stamp = Date.now().toString(36).toUpperCase();
  const vendorName = `PT Pemasok E2E ${stamp}`;
  const partCode = `SYNC-${stamp}`;
  const poNumber = `PO-E2E-${stamp}`;

  /** The parts list narrowed to our part. */
  const partRow = () => onlyRow(ctx, '/master/parts', partCode);

  it('creates a vendor, a part and a purchase order, which gives the part its PO number', async () => {
    const { page } = ctx;
    await createRecord(ctx, '/master/vendors', { nama: vendorName }, vendorName);
    await createRecord(ctx, '/master/parts', { kode: partCode, nama: 'Seal uji sinkron', harga: '30000', stock: '0' }, partCode);

    await page.goto(ctx.url('/purchases'));
    await page.click('[data-testid="order-new"]');
    await page.locator('[data-testid="order-form"]').waitFor();
    await page.fill('[data-testid="order-number"]', poNumber);
    await pick(page.locator('[data-testid="party-picker"]'), vendorName, vendorName);
    await page.click('[data-testid="add-product-line"]');
    const line = page.locator('[data-testid="line-row"][data-line-kind="product"]').first();
    await pick(line.locator('[data-testid="line-picker"]'), partCode, partCode);
    await line.locator('[data-testid="line-qty"]').fill('4');
    await page.click('[data-testid="order-save"]');
    await page.waitForURL((url) => /^\/purchases\/[0-9a-f-]{36}$/.test(url.pathname), { timeout: 15_000 });
    await page.locator('[data-testid="order-title"]', { hasText: poNumber }).waitFor();

    // Automatic sync: saving the PO set the part's number in the same transaction.
    expect(await (await partRow()).textContent()).toContain(poNumber);
  });

  it('edits the part to a wrong PO number, which the out-of-date filter then finds', async () => {
    const { page } = ctx;
    const row = await partRow();
    await row.locator('[data-testid="md-edit"]').click();
    const form = page.locator('[data-testid="md-form"]');
    await form.locator('[name="po_number"]').fill('PO-WRONG');
    await page.click('[data-testid="md-save"]');
    await form.waitFor({ state: 'detached' });
    await page.locator('[data-testid="md-row"]', { hasText: 'PO-WRONG' }).waitFor();

    await page.check('[data-testid="md-filter-po-out-of-date"]');
    await page.waitForFunction(
      () => new URL(document.location.href).pathname === '/master/parts' && document.querySelectorAll('[data-testid="md-row"]').length === 1,
    );
    expect(await page.locator('[data-testid="md-row"]').textContent()).toContain(partCode);
  });

  it('previews 1 part needing a sync, confirms and sees 1 synced', async () => {
    const { page } = ctx;
    await page.click('[data-testid="parts-sync-open"]');
    const counts = page.locator('[data-testid="parts-sync-counts"]');
    await counts.waitFor();
    await page.locator('[data-testid="parts-sync-row"]').first().waitFor();
    expect(await page.getAttribute('[data-testid="parts-sync-count-needs-sync"]', 'data-value')).toBe('1');
    const needsSync = page.locator('[data-testid="parts-sync-row"][data-status="needs-sync"]');
    expect(await needsSync.count()).toBe(1);
    const rowText = await needsSync.textContent();
    expect(rowText).toContain(partCode);
    expect(rowText).toContain('PO-WRONG');
    expect(rowText).toContain(poNumber);

    await page.click('[data-testid="parts-sync-confirm"]');
    const result = page.locator('[data-testid="parts-sync-result"]');
    await result.waitFor({ timeout: 30_000 });
    expect(await page.getAttribute('[data-testid="parts-sync-result-synced"]', 'data-value')).toBe('1');
    expect(await page.getAttribute('[data-testid="parts-sync-result-error"]', 'data-value')).toBe('0');
    expect(await page.locator('[data-testid="parts-sync-result-row"][data-status="synced"]').textContent()).toContain(partCode);
  });

  it('follows the run link to the history entry: a manual parts-po run with 1 synced item', async () => {
    const { page } = ctx;
    await page.click('[data-testid="parts-sync-run-link"]');
    await page.waitForURL((url) => /^\/sync-runs\/[0-9a-f-]{36}$/.test(url.pathname), { timeout: 15_000 });
    const runId = new URL(page.url()).pathname.split('/').pop();
    await page.locator('[data-testid="sync-run-detail"] [data-testid="sync-run-item"]').first().waitFor();
    expect(await page.getAttribute('[data-testid="sync-run-kind"]', 'data-value')).toBe('parts-po');
    expect(await page.getAttribute('[data-testid="sync-run-trigger"]', 'data-value')).toBe('manual');
    expect(await page.getAttribute('[data-testid="sync-run-count-synced"]', 'data-value')).toBe('1');
    const items = page.locator('[data-testid="sync-run-item"]');
    expect(await items.count()).toBe(1);
    expect(await items.first().getAttribute('data-status')).toBe('synced');
    expect(await items.first().getAttribute('data-key')).toBe(partCode);
    expect(await items.first().textContent()).toContain(poNumber);

    await page.goto(ctx.url('/sync-runs?kind=parts-po'));
    const manual = page.locator('[data-testid="sync-run-row"][data-kind="parts-po"][data-trigger="manual"]');
    await manual.first().waitFor();
    expect(await manual.count()).toBe(1);
    expect(await manual.getAttribute('data-status')).toBe('success');
    expect(await manual.locator('[data-count="synced"]').getAttribute('data-value')).toBe('1');
    expect(await manual.locator('[data-testid="sync-run-link"]').getAttribute('href')).toBe(`/sync-runs/${runId}`);
    // The purchase order's own automatic run is in the history too.
    expect(await page.locator('[data-testid="sync-run-row"][data-trigger="auto"]').count()).toBeGreaterThan(0);

    // The part is back on the purchase order's number and no longer out of date.
    expect(await (await partRow()).textContent()).toContain(poNumber);
  });

  it('announces the run on the bell; opening the notification goes to the run', async () => {
    const { page } = ctx;
    await page.locator('[data-testid="notif-count"]').waitFor({ timeout: 10_000 });
    await page.click('[data-testid="notif-bell"]');
    const item = page.locator('[data-testid="notif-item"][data-read="false"]').first();
    await item.waitFor();
    expect(await item.textContent()).toContain('PO numbers synced');
    await item.click();
    await page.waitForURL((url) => /^\/sync-runs\/[0-9a-f-]{36}$/.test(url.pathname), { timeout: 15_000 });
    await page.locator('[data-testid="notif-count"]').waitFor({ state: 'detached' });
  });
});
