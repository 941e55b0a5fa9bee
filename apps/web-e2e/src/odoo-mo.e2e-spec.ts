import { freePort } from './support/app-server';
import { useApp } from './support/e2e';
import { startSandbox, type RunningSandbox } from './support/sandbox';

/**
 * Odoo MO sync through the UI: the admin points Simpul at the sandbox Odoo on the settings page (API-key mode),
 * tests the connection, adds a fourth production type, then syncs from the MO page and finds the run in the history.
 */
describe('Odoo MO sync in the browser', () => {
  let sandboxPort: number;
  let sandbox: RunningSandbox;

  // The fake Odoo first: the settings point the app at it.
  beforeAll(async () => {
    sandboxPort = await freePort();
    sandbox = await startSandbox(sandboxPort);
  });
  afterAll(() => sandbox?.stop());

  const ctx = useApp();

  it('configures Odoo (API key), tests the connection and saves', async () => {
    const { page } = ctx;
    await page.goto(ctx.url('/admin/odoo'));
    const form = page.locator('[data-testid="odoo-form"]');
    await form.waitFor();
    await form.locator('[name="baseUrl"]').fill(`http://127.0.0.1:${sandboxPort}/odoo`);
    await form.locator('[name="database"]').fill('mrpdemo');
    await page.check('[data-testid="odoo-auth-api_key"]');
    await form.locator('[name="login"]').fill('admin');
    await form.locator('[name="apiKey"]').fill('sandbox-odoo-api-key');

    await page.click('[data-testid="odoo-test"]');
    const result = page.locator('[data-testid="odoo-test-result"][data-ok="true"]');
    await result.waitFor({ timeout: 30_000 });
    expect(await page.textContent('[data-testid="odoo-test-version"]')).toContain('16.0');
    expect(await page.textContent('[data-testid="odoo-test-user"]')).toContain('admin');
    expect(await page.locator('[data-testid="odoo-test-type"]').count()).toBe(3);

    await page.click('[data-testid="odoo-save"]');
    await page.locator('[data-testid="odoo-saved"]').waitFor();
    // The key is stored, shown masked, and the field is empty again (it is only sent when changed).
    expect(await form.locator('[name="apiKey"]').inputValue()).toBe('');
    expect(await form.locator('[name="apiKey"]').getAttribute('placeholder')).toMatch(/^•+/);
  });

  it('validates a fourth production type before saving it', async () => {
    const { page } = ctx;
    await page.click('[data-testid="odoo-type-add"]');
    const row = page.locator('[data-testid="odoo-type-row"]').nth(3);
    await row.locator('[data-testid="odoo-type-name"]').fill('accessories');
    await row.locator('[data-testid="odoo-type-domain"]').fill('[["product_id.categ_id.name", "ilike"]]');
    await page.click('[data-testid="odoo-save"]');
    expect(await row.locator('[data-testid="odoo-type-error"]').textContent()).toContain('exactly 3 elements');

    await row.locator('[data-testid="odoo-type-domain"]').fill('[["product_id.categ_id.name", "ilike", "accessories"]]');
    await page.click('[data-testid="odoo-save"]');
    await page.locator('[data-testid="odoo-saved"]').waitFor();
    expect(await row.locator('[data-testid="odoo-type-error"]').count()).toBe(0);

    await page.reload();
    await page.locator('[data-testid="odoo-type-row"]').nth(3).waitFor();
    expect(await page.locator('[data-testid="odoo-type-name"]').nth(3).inputValue()).toBe('accessories');
  });

  it('syncs MOs from Odoo with per-type results, then searches the cache', async () => {
    const { page } = ctx;
    await page.goto(ctx.url('/mo'));
    await page.locator('[data-testid="mo-page"] [data-testid="state-empty"]').waitFor();
    await page.click('[data-testid="mo-sync"]');
    const result = page.locator('[data-testid="mo-sync-result"]');
    await result.waitFor({ timeout: 60_000 });

    const types = result.locator('[data-testid="mo-sync-type"]');
    expect(await types.count()).toBe(4);
    expect(await types.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-type')))).toEqual(['liquid', 'device', 'cartridge', 'accessories']);
    expect(await types.evaluateAll((rows) => rows.every((r) => r.getAttribute('data-status') === 'success'))).toBe(true);
    const updated = await types.evaluateAll((rows) => rows.reduce((n, r) => n + Number(r.getAttribute('data-updated')), 0));
    expect(updated).toBeGreaterThan(0);

    await page.locator('[data-testid="mo-row"]').first().waitFor();
    expect(Number(await page.getAttribute('[data-testid="mo-total"]', 'data-value'))).toBe(updated);
    expect(await page.locator('[data-testid="mo-type-row"]').count()).toBeGreaterThan(0);

    await page.selectOption('[data-testid="mo-type-filter"]', 'liquid');
    await page.waitForFunction(() => {
      const rows = Array.from(document.querySelectorAll('[data-testid="mo-row"]'));
      return rows.length > 0 && rows.every((r) => r.getAttribute('data-type') === 'liquid');
    });
  });

  it('lists the run in the sync history with one item per type', async () => {
    const { page } = ctx;
    await page.click('[data-testid="mo-history"]');
    const run = page.locator('[data-testid="sync-run-row"][data-kind="odoo-mo"][data-trigger="manual"]');
    await run.first().waitFor();
    expect(await run.count()).toBe(1);
    expect(await run.getAttribute('data-status')).toBe('success');
    await run.locator('[data-testid="sync-run-link"]').click();
    await page.locator('[data-testid="sync-run-item"]').first().waitFor();
    expect(await page.getAttribute('[data-testid="sync-run-kind"]', 'data-value')).toBe('odoo-mo');
    expect(await page.locator('[data-testid="sync-run-item"][data-status="success"]').count()).toBe(4);
  });

  it("shows each production type's progress while a slow sync runs", async () => {
    const { page } = ctx;
    // 400 ms per Odoo request: four types, a count and a page each, so the sync takes a few seconds.
    await sandbox.faults({ system: 'odoo', kind: 'latency', ms: 400 });
    try {
      await page.goto(ctx.url('/mo'));
      await page.locator('[data-testid="mo-row"]').first().waitFor();
      await page.click('[data-testid="mo-sync"]');
      const items = page.locator('[data-testid="sync-progress-item"]');
      await items.first().waitFor({ timeout: 10_000 });
      expect(await items.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')))).toEqual(['liquid', 'device', 'cartridge', 'accessories']);
      expect(await items.evaluateAll((rows) => rows.some((r) => r.getAttribute('data-status') !== 'pending'))).toBe(true);
      await page.locator('[data-testid="mo-sync-result"]').waitFor({ timeout: 60_000 });
      expect(await items.count()).toBe(0);
    } finally {
      await sandbox.faults();
    }
  });

  it('lists MOs live from Odoo only once that view is opened, filtered and paged', async () => {
    const { page } = ctx;
    await page.goto(ctx.url('/mo'));
    await page.locator('[data-testid="mo-row"]').first().waitFor();
    expect(await page.locator('[data-testid="mo-live"]').count()).toBe(0);

    const odooReads: string[] = [];
    page.on('request', (req) => {
      if (req.url().includes('/api/odoo/mo-list')) odooReads.push(req.url());
    });
    await page.click('[data-testid="mo-view-live"]');
    const rows = page.locator('[data-testid="mo-live-row"]');
    await rows.first().waitFor({ timeout: 30_000 });
    expect(page.url()).toContain('view=live');
    expect(odooReads).toHaveLength(1);
    expect(await rows.count()).toBe(20);
    // Newest first, so these were all in the sync's window: each shows the type the cache stored it under.
    const types = await rows.evaluateAll((els) => els.map((r) => r.getAttribute('data-type')));
    expect(types.some((type) => type === 'liquid' || type === 'device' || type === 'cartridge')).toBe(true);

    const firstOfPage1 = await rows.first().getAttribute('data-number');
    await page.click('[data-testid="mo-live"] [data-testid="pager-next"]');
    await page.waitForFunction(
      (first) => {
        const row = document.querySelector('[data-testid="mo-live-row"]');
        return row !== null && row.getAttribute('data-number') !== first && !document.querySelector('[data-testid="mo-live"] tbody.stale');
      },
      firstOfPage1,
    );

    await page.selectOption('[data-testid="mo-live-state-filter"]', 'done');
    await page.waitForFunction(() => {
      const all = Array.from(document.querySelectorAll('[data-testid="mo-live-row"]'));
      return all.length > 0 && all.every((r) => r.getAttribute('data-state') === 'done');
    });
    expect(odooReads.at(-1)).toMatch(/[?&]state=done(&|$)/);
    expect(odooReads.at(-1)).toMatch(/[?&]page=1(&|$)/);
  });
});
