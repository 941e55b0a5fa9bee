import { SchedulerRegistry } from '@nestjs/schedule';
import { AuditLogEntity } from '../src/audit/audit-log.entity';
import { PartsSyncService } from '../src/parts-sync/parts-sync.service';
import { PARTS_SYNC_JOB, PartsSyncScheduler } from '../src/parts-sync/parts-sync.scheduler';
import { createTestApp, TestApp, TestUser } from './support/test-app';

describe('parts-sync: PO numbers onto parts (integration)', () => {
  let t: TestApp;
  let manager: TestUser;
  let vendorId: string;
  const auth = (u: TestUser = manager) => ({ Authorization: `Bearer ${u.token}` });

  async function part(kode: string, poNumber: string | null = null): Promise<string> {
    const res = await t.http.post('/api/v1/parts').set(auth()).send({ kode, nama: `Part ${kode}`, harga: 10, po_number: poNumber }).expect(201);
    return res.body.data.id;
  }

  async function purchase(poNumber: string, date: string, parts: string[], status = 'draft'): Promise<string> {
    const lines = parts.map((p, i) => ({ product_id: p, line_number: i + 1, description: 'x', qty: 1, unit_price: 10, discount: 0, line_total: 10 }));
    const total = parts.length * 10;
    const res = await t.http
      .post('/api/v1/purchase-orders')
      .set(auth())
      .send({ po_number: poNumber, order_date: date, status: 'draft', subtotal: total, tax: 0, total, vendor_id: vendorId, product_lines: lines })
      .expect(201);
    if (status !== 'draft') await t.http.post(`/api/v1/purchase-orders/${res.body.data.id}/${status === 'cancelled' ? 'cancel' : 'confirm'}`).set(auth()).expect(200);
    return res.body.data.id;
  }

  async function poOf(id: string): Promise<string | null> {
    const [{ po_number }] = (await t.ds.query(`SELECT po_number FROM parts WHERE id = $1`, [id])) as [{ po_number: string | null }];
    return po_number;
  }

  beforeAll(async () => {
    t = await createTestApp();
    manager = await t.loginAs('manager');
    vendorId = (await t.http.post('/api/v1/vendors').set(auth()).send({ nama: 'PT Pemasok' }).expect(201)).body.data.id;
  });
  afterAll(() => t.close());

  describe('preview and execute on a small fixture', () => {
    let a: string, b: string, c: string, d: string, gone: string;

    beforeAll(async () => {
      // Fixture built with auto-sync effects undone, so the manual sync has work to do.
      a = await part('FX-A');
      b = await part('FX-B', 'PO-OLD');
      c = await part('FX-C', 'PO-KEEP');
      d = await part('FX-D', 'PO-2');
      gone = await part('FX-GONE');
      await purchase('PO-1', '2026-10-01', [a, b]);
      await purchase('PO-2', '2026-10-05', [a, d]); // newer date wins for A
      await purchase('PO-3', '2026-10-05', [b]); // same date as PO-2 but created later: wins for B
      await purchase('PO-X', '2026-12-01', [b], 'cancelled'); // cancelled never counts
      await purchase('PO-9', '2026-10-02', [gone]);
      await t.http.delete(`/api/v1/parts/${gone}`).set(auth()).expect(200);
      await t.ds.query(`UPDATE parts SET po_number = NULL WHERE kode = 'FX-A'`);
      await t.ds.query(`UPDATE parts SET po_number = 'PO-OLD' WHERE kode = 'FX-B'`);
    });

    it('previews every affected part with the winning PO and the seed shape', async () => {
      const res = await t.http.get('/api/master/parts/sync-po').set(auth()).expect(200);
      expect(res.body).toMatchObject({ success: true, message: 'Preview generated successfully', timestamp: expect.any(String) });
      const { data } = res.body;
      expect(data.totalPOs).toBe(4);
      expect(data.needsSyncCount).toBe(2);
      expect(data.counts).toEqual({ 'needs-sync': 2, 'already-synced': 1, 'part-not-found': 1 });
      const byNo = Object.fromEntries(data.preview.map((p: { internalPartNo: string }) => [p.internalPartNo, p]));
      expect(byNo['FX-A']).toEqual({ poNumber: 'PO-2', partId: a, partName: 'Part FX-A', internalPartNo: 'FX-A', currentPONumber: '(empty)', needsSync: true, status: 'needs-sync' });
      expect(byNo['FX-B']).toMatchObject({ poNumber: 'PO-3', currentPONumber: 'PO-OLD', status: 'needs-sync' });
      expect(byNo['FX-D']).toMatchObject({ poNumber: 'PO-2', status: 'already-synced', needsSync: false });
      expect(byNo['FX-GONE']).toMatchObject({ poNumber: 'PO-9', status: 'part-not-found' });
      expect(byNo['FX-C']).toBeUndefined(); // no PO references it: it keeps its number
      const filtered = await t.http.get('/api/master/parts/sync-po?status=needs-sync&limit=1&page=2').set(auth()).expect(200);
      expect(filtered.body.data.preview).toHaveLength(1);
      expect(filtered.body.data.meta).toMatchObject({ total: 2, pages: 2 });
      expect(filtered.body.data.needsSyncCount).toBe(2);
      const outdated = await t.http.get('/api/v1/parts?po_out_of_date=true').set(auth()).expect(200);
      expect(outdated.body.data.map((p: { kode: string }) => p.kode).sort()).toEqual(['FX-A', 'FX-B']);
    });

    it('executes, checked part by part, audits, records the run, notifies, and is idempotent', async () => {
      const res = await t.http.post('/api/master/parts/sync-po').set(auth()).expect(200);
      expect(res.body.data).toMatchObject({ totalPOs: 4, syncedCount: 2, counts: { synced: 2, 'already-synced': 1, 'part-not-found': 1, error: 0 } });
      expect(await poOf(a)).toBe('PO-2');
      expect(await poOf(b)).toBe('PO-3');
      expect(await poOf(c)).toBe('PO-KEEP');
      expect(await poOf(d)).toBe('PO-2');
      // Deleted after auto-sync gave it PO-9; the manual run reports it as part-not-found and leaves it alone.
      expect(await poOf(gone)).toBe('PO-9');

      const audits = await t.ds.getRepository(AuditLogEntity).findBy({ action: 'SYNC_PO_NUMBERS', resourceType: 'PART', actorId: manager.id });
      const audit = audits.find((row) => row.details['runId'] === res.body.data.runId);
      expect(audit?.details).toMatchObject({ totalPOs: 4, syncedCount: 2 });
      if (!audit) throw new Error('no audit row for the run');
      expect((audit.details['results'] as unknown[]).length).toBeLessThanOrEqual(10);

      const run = await t.http.get(`/api/sync-runs/${res.body.data.runId}?status=synced`).set(auth()).expect(200);
      expect(run.body.data).toMatchObject({ kind: 'parts-po', trigger: 'manual', status: 'success', itemCounts: { synced: 2, 'part-not-found': 1 } });
      expect(run.body.data.items.map((i: { key: string }) => i.key).sort()).toEqual(['FX-A', 'FX-B']);
      const list = await t.http.get('/api/sync-runs?kind=parts-po').set(auth()).expect(200);
      expect(list.body.data[0].id).toBe(res.body.data.runId);

      const inbox = await t.http.get('/api/notifications').set(auth()).expect(200);
      expect(inbox.body.data[0]).toMatchObject({ type: 'parts-sync', link: `/sync-runs/${res.body.data.runId}` });

      const again = await t.http.post('/api/master/parts/sync-po').set(auth()).expect(200);
      expect(again.body.data.counts.synced).toBe(0);
      expect(again.body.data.syncedCount).toBe(0);
    });
  });

  it('reports error for a part that fails a constraint, and still syncs the others', async () => {
    const ok = await part('ER-OK');
    const bad = await part('ER-BAD');
    await purchase('PO-ER-1', '2026-11-01', [ok]);
    await purchase('PO-FORBIDDEN', '2026-11-01', [bad]);
    await t.ds.query(`UPDATE parts SET po_number = NULL WHERE kode IN ('ER-OK','ER-BAD')`);
    await t.ds.query(`ALTER TABLE parts ADD CONSTRAINT test_no_forbidden CHECK (po_number IS DISTINCT FROM 'PO-FORBIDDEN')`);
    try {
      const res = await t.http.post('/api/master/parts/sync-po').set(auth()).expect(200);
      expect(res.body.data.counts).toMatchObject({ synced: 1, error: 1 });
      const failed = res.body.data.results.find((r: { internalPartNo: string }) => r.internalPartNo === 'ER-BAD');
      expect(failed).toMatchObject({ status: 'error', message: expect.stringContaining('test_no_forbidden') });
      expect(await poOf(ok)).toBe('PO-ER-1');
      expect(await poOf(bad)).toBeNull();
      const run = await t.http.get(`/api/sync-runs/${res.body.data.runId}`).set(auth()).expect(200);
      expect(run.body.data.status).toBe('partial');
    } finally {
      await t.ds.query(`ALTER TABLE parts DROP CONSTRAINT test_no_forbidden`);
      await t.ds.query(`UPDATE parts SET po_number = 'PO-FORBIDDEN' WHERE kode = 'ER-BAD'`);
    }
  });

  it('reports error for a part locked by another transaction', async () => {
    const locked = await part('LK-1');
    await purchase('PO-LK', '2026-11-02', [locked]);
    await t.ds.query(`UPDATE parts SET po_number = NULL WHERE id = $1`, [locked]);
    const runner = t.ds.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query(`SELECT 1 FROM parts WHERE id = $1 FOR UPDATE`, [locked]);
    try {
      const res = await t.http.post('/api/master/parts/sync-po').set(auth()).expect(200);
      expect(res.body.data.results.find((r: { partId: string }) => r.partId === locked)).toMatchObject({
        status: 'error',
        message: expect.stringContaining('locked'),
      });
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    await t.http.post('/api/master/parts/sync-po').set(auth()).expect(200);
    expect(await poOf(locked)).toBe('PO-LK');
  });

  it.each(['spv', 'pic', 'staff'] as const)('403 for %s', async (role) => {
    const u = await t.loginAs(role);
    await t.http.get('/api/master/parts/sync-po').set(auth(u)).expect(403);
    await t.http.post('/api/master/parts/sync-po').set(auth(u)).expect(403);
  });

  it.each(['admin', 'direktur'] as const)('%s may preview and sync', async (role) => {
    const u = await t.loginAs(role);
    await t.http.get('/api/master/parts/sync-po').set(auth(u)).expect(200);
    await t.http.post('/api/master/parts/sync-po').set(auth(u)).expect(200);
  });

  it('409 when a sync is already running (advisory lock held elsewhere)', async () => {
    const holder = t.ds.createQueryRunner();
    await holder.connect();
    await holder.query(`SELECT pg_advisory_lock(hashtext('simpul:sync:parts-po'))`);
    try {
      const res = await t.http.post('/api/master/parts/sync-po').set(auth()).expect(409);
      expect(res.body.error).toBe('A parts-po sync is already running. Wait for it to finish, then try again.');
    } finally {
      await holder.query(`SELECT pg_advisory_unlock(hashtext('simpul:sync:parts-po'))`);
      await holder.release();
    }
  });

  it('auto-syncs inside the purchase order transaction, recorded as an auto run', async () => {
    const p = await part('AU-1', 'PO-MANUAL');
    const id = await purchase('PO-AU-1', '2026-11-10', [p]);
    expect(await poOf(p)).toBe('PO-AU-1');
    await t.http.patch(`/api/v1/purchase-orders/${id}`).set(auth()).send({ po_number: 'PO-AU-1B' }).expect(200);
    expect(await poOf(p)).toBe('PO-AU-1B');
    // Cancelling it: no PO references the part any more, so it keeps its number.
    await t.http.post(`/api/v1/purchase-orders/${id}/cancel`).set(auth()).expect(200);
    expect(await poOf(p)).toBe('PO-AU-1B');
    const older = await purchase('PO-AU-0', '2026-01-01', [p]);
    expect(await poOf(p)).toBe('PO-AU-0');
    await t.http.delete(`/api/v1/purchase-orders/${older}`).set(auth()).expect(200);
    const runs = await t.http.get('/api/sync-runs?kind=parts-po&trigger=auto').set(auth()).expect(200);
    expect(runs.body.data.length).toBeGreaterThanOrEqual(3);
    expect(runs.body.data[0]).toMatchObject({ trigger: 'auto', status: 'success' });
  });

  it('a rolled-back purchase order change leaves the part untouched', async () => {
    const p = await part('RB-1');
    const id = await purchase('PO-RB-1', '2026-11-11', [p]);
    expect(await poOf(p)).toBe('PO-RB-1');
    const sync = t.app.get(PartsSyncService);
    const actor = { id: manager.id, email: manager.email, name: 'M', role: 'manager' as const, locationId: null };
    // The same steps OrdersService takes on a renumbering, in a transaction that then fails.
    await expect(
      t.ds.transaction(async (em) => {
        await em.query(`UPDATE orders SET order_number = 'PO-RB-2' WHERE id = $1`, [id]);
        await sync.afterPurchaseOrderChange(em, actor, { orderId: id, partIds: [p] });
        expect((await em.query(`SELECT po_number FROM parts WHERE id = $1`, [p]))[0].po_number).toBe('PO-RB-2');
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await poOf(p)).toBe('PO-RB-1');
    // And through the API: a renumbering refused for a duplicate number changes nothing.
    await purchase('PO-RB-TAKEN', '2026-01-01', []);
    await t.http.patch(`/api/v1/purchase-orders/${id}`).set(auth()).send({ po_number: 'PO-RB-TAKEN' }).expect(409);
    expect(await poOf(p)).toBe('PO-RB-1');
  });

  it('registers the cron from the setting and re-registers when it changes', async () => {
    const registry = t.app.get(SchedulerRegistry);
    expect(registry.getCronJob(PARTS_SYNC_JOB).cronTime.source).toBe('0 2 * * *');
    const admin = await t.loginAs('admin');
    const res = await t.http.put('/api/master/parts/sync-po/schedule').set(auth(admin)).send({ cron: '30 3 * * 1-5' }).expect(200);
    expect(res.body.data).toMatchObject({ cron: '30 3 * * 1-5', enabled: true, timezone: 'Asia/Jakarta', nextRunAt: expect.any(String) });
    expect(registry.getCronJob(PARTS_SYNC_JOB).cronTime.source).toBe('30 3 * * 1-5');
    await t.http.put('/api/master/parts/sync-po/schedule').set(auth(admin)).send({ cron: 'every day' }).expect(400);
    await t.http.put('/api/master/parts/sync-po/schedule').set(auth(admin)).send({ enabled: false }).expect(200);
    expect(registry.doesExist('cron', PARTS_SYNC_JOB)).toBe(false);
    // The scheduled path runs the same sync, recorded with trigger "schedule".
    await t.app.get(PartsSyncScheduler).runScheduled();
    const runs = await t.http.get('/api/sync-runs?kind=parts-po&trigger=schedule').set(auth()).expect(200);
    expect(runs.body.data[0]).toMatchObject({ trigger: 'schedule', triggeredBy: null });
  });

  it('lists PO numbers with search, status and paging', async () => {
    const res = await t.http.get('/api/master/po-numbers?q=PO-AU&limit=2').set(auth()).expect(200);
    expect(res.body.data.length).toBeLessThanOrEqual(2);
    expect(res.body.data[0]).toMatchObject({ poNumber: expect.stringMatching(/^PO-AU/), vendorName: 'PT Pemasok', partsCount: 1 });
    // A cancelled order of this test's own, so that the filter has a row to show.
    await purchase('PO-LIST-CX', '2026-11-12', [await part('LIST-CX')], 'cancelled');
    const cancelled = await t.http.get('/api/master/po-numbers?status=cancelled&limit=200').set(auth()).expect(200);
    expect(cancelled.body.data.map((p: { poNumber: string }) => p.poNumber)).toContain('PO-LIST-CX');
    expect(cancelled.body.data.every((p: { status: string }) => p.status === 'cancelled')).toBe(true);
  });
});
