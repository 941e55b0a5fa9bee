import { Client } from 'pg';
import type { Pool } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { Response } from 'supertest';
import { createTestApp, TestApp, TestUser } from './support/test-app';

/**
 * Overload is answered, not queued without end: a 503 with Retry-After when the pool's wait queue or the list bulkhead
 * is full or a statement runs too long, while cheap reads keep their connections. Slowness is made with real locks.
 */
describe('overload (integration)', () => {
  const apps: TestApp[] = [];
  const lockers: Client[] = [];

  const boot = async (env: Record<string, string>) => {
    const t = await createTestApp(env);
    apps.push(t);
    return t;
  };
  /** A second session that holds `lock` on a table until released: whatever reads it waits, for real. */
  const hold = async (t: TestApp, lock: string) => {
    const c = new Client({ connectionString: t.config.database.url });
    await c.connect();
    lockers.push(c);
    await c.query(`BEGIN; ${lock}`);
    return { release: () => c.query('ROLLBACK') };
  };
  /** Sessions waiting on a lock, seen from a session of its own (the app's pool may be the thing that is full). */
  const lockWaiters = async (t: TestApp) => {
    const c = new Client({ connectionString: t.config.database.url });
    await c.connect();
    try {
      return Number((await c.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock'`)).rows[0].n);
    } finally {
      await c.end();
    }
  };
  const until = async (check: () => Promise<boolean> | boolean, what: string) => {
    const deadline = Date.now() + 10_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const timed = async (req: PromiseLike<Response>) => {
    const t0 = Date.now();
    const res = await req;
    return { res, ms: Date.now() - t0 };
  };
  const expectBusy = (res: Response, code: string) => {
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.body).toMatchObject({ success: false, code, error: expect.stringMatching(/Try again in a moment\.$/) });
  };

  afterAll(async () => {
    for (const c of lockers) await c.end().catch(() => undefined);
    for (const t of apps) await t.close();
  });

  it('cuts a request statement at DB_STATEMENT_TIMEOUT_MS with a 503, while a sync is not bound by it', async () => {
    const t = await boot({ DB_STATEMENT_TIMEOUT_MS: '300' });
    const admin = await t.loginAs('admin');
    const auth = { authorization: `Bearer ${admin.token}` };
    const lock = await hold(t, 'LOCK TABLE parts IN ACCESS EXCLUSIVE MODE');
    const cut = await timed(t.http.get('/api/v1/parts').set(auth));
    await lock.release();
    expectBusy(cut.res, 'DATABASE_TIMEOUT');
    expect(cut.ms).toBeLessThan(3000);
    expect((await t.http.get('/api/v1/parts').set(auth)).status).toBe(200);

    // A parts-sync whose audit insert waits 800 ms on a lock still finishes: its transaction lifts the timeout.
    await t.ds.query(`INSERT INTO vendors (nama) VALUES ('Timeout vendor')`);
    await t.ds.query(`INSERT INTO parts (kode, nama, harga) VALUES ('TO-1', 'Timeout part', 1)`);
    await t.ds.query(`INSERT INTO orders (kind, order_number, order_date, status, subtotal, tax, total, vendor_id)
      SELECT 'purchase', 'PO-TO-1', date '2026-01-01', 'draft', 1, 0, 1, id FROM vendors WHERE nama = 'Timeout vendor'`);
    await t.ds.query(`INSERT INTO order_product_lines (order_id, product_id, line_number, description, qty, unit_price, discount, line_total)
      SELECT o.id, p.id, 1, 'x', 1, 1, 0, 1 FROM orders o, parts p WHERE o.order_number = 'PO-TO-1' AND p.kode = 'TO-1'`);
    const audit = await hold(t, 'LOCK TABLE audit_logs IN EXCLUSIVE MODE');
    const sync = t.http.post('/api/master/parts/sync-po').set(auth);
    const released = new Promise((r) => setTimeout(r, 800)).then(() => audit.release());
    const [res] = await Promise.all([sync, released]);
    expect(res.status).toBe(200);
    expect(res.body.data.syncedCount).toBe(1);
  });

  it('answers 503 at once when every pooled connection is busy and the wait queue is full, and a token stays valid', async () => {
    const t = await boot({ DB_POOL_SIZE: '2', DB_POOL_MAX_WAITING: '1', DB_POOL_WAIT_MS: '10000', DB_LIST_CONCURRENCY: '10' });
    const staff: TestUser = await t.loginAs('staff');
    const auth = { authorization: `Bearer ${staff.token}` };
    const pool = (t.ds.driver as PostgresDriver).master as Pool;
    const part = await t.http.post('/api/v1/parts').set({ authorization: `Bearer ${(await t.loginAs('admin')).token}` }).send({ kode: 'OV-1', nama: 'Overload', harga: 1 });
    expect(part.status).toBe(201);

    const lock = await hold(t, 'LOCK TABLE parts IN ACCESS EXCLUSIVE MODE');
    const get = () => t.http.get(`/api/v1/parts/${part.body.data.id}`).set(auth).then((x) => x);
    const stuck = [get(), get()]; // one connection each, both waiting on the lock
    await until(async () => (await lockWaiters(t)) === 2, 'both connections to wait on the lock');
    const waiting = get();
    await until(() => pool.waitingCount === 1, 'one request to wait for a connection');

    const refused = await timed(t.http.get('/api/v1/customers').set(auth));
    expectBusy(refused.res, 'DATABASE_BUSY'); // not a 401: the token is fine, the database is busy
    expect(refused.ms).toBeLessThan(500);

    await lock.release();
    for (const res of await Promise.all([...stuck, waiting])) expect(res.status).toBe(200);
    expect((await t.http.get('/api/v1/customers').set(auth)).status).toBe(200);
  });

  it('lets lists hold at most DB_LIST_CONCURRENCY slots: more lists queue, then get a fast 503; a record still opens at once', async () => {
    const t = await boot({ DB_LIST_CONCURRENCY: '1', DB_LIST_QUEUE_TARGET_MS: '200', DB_POOL_WAIT_MS: '10000' });
    const staff = await t.loginAs('staff');
    const auth = { authorization: `Bearer ${staff.token}` };
    const customer = await t.http.post('/api/v1/customers').set({ authorization: `Bearer ${(await t.loginAs('admin')).token}` }).send({ nama: 'PT Lancar' });
    expect(customer.status).toBe(201);

    const lock = await hold(t, 'LOCK TABLE parts IN ACCESS EXCLUSIVE MODE');
    const first = t.http.get('/api/v1/parts').set(auth).then((x) => x); // holds the only list slot, stuck on the lock
    await until(async () => (await lockWaiters(t)) === 2, 'the first list (its page and its count) to wait on the lock');
    // Lists that queue for the slot wait without touching the database.
    const queued = Array.from({ length: 2 }, () => t.http.get('/api/v1/customers').set(auth).then((x) => x));
    await new Promise((r) => setTimeout(r, 300)); // the list queue now stands
    const refused = await timed(t.http.get('/api/v1/customers?q=x').set(auth));
    expectBusy(refused.res, 'DATABASE_BUSY');
    expect(refused.ms).toBeLessThan(500);

    const record = await timed(t.http.get(`/api/v1/customers/${customer.body.data.id}`).set(auth));
    expect(record.res.status).toBe(200);
    expect(record.ms).toBeLessThan(1000);
    expect((await t.http.get('/api/health')).status).toBe(200);
    expect(await lockWaiters(t)).toBe(2); // the queued lists never reached the database

    await lock.release();
    for (const res of await Promise.all([first, ...queued])) expect(res.status).toBe(200);
  });

  it('plans the list search on trigram indexes and the offered sorts on btree indexes, at 50,000 parts', async () => {
    const t = await boot({});
    await t.ds.query(`INSERT INTO vendors (nama) VALUES ('Plan vendor')`);
    await t.ds.query(`INSERT INTO parts (kode, nama, harga) SELECT 'CK-' || g, 'Komponen ' || md5(g::text), g FROM generate_series(1, 50000) g`);
    await t.ds.query(`INSERT INTO customers (nama) SELECT 'Pelanggan ' || md5(g::text) FROM generate_series(1, 5000) g`);
    await t.ds.query(`INSERT INTO orders (kind, order_number, order_date, status, subtotal, tax, total, vendor_id)
      SELECT 'purchase', 'PO-PL-' || g, date '2026-01-01', 'draft', g, 0, g, (SELECT id FROM vendors LIMIT 1) FROM generate_series(1, 5000) g`);
    await t.ds.query('ANALYZE');
    const plan = async (sql: string) => {
      const runner = t.ds.createQueryRunner();
      try {
        // Small tables are still read whole (cheaper than any index); rule that out to see which index is usable.
        await runner.query('SET enable_seqscan = off');
        return ((await runner.query(`EXPLAIN ${sql}`)) as Array<{ 'QUERY PLAN': string }>).map((r) => r['QUERY PLAN']).join('\n');
      } finally {
        await runner.release();
      }
    };
    // The statements the list endpoints run (master-data.service.ts, order-query.ts), as the planner sees them.
    const search = await plan(
      `SELECT count(*) FROM parts r WHERE r.deleted_at IS NULL AND (r.kode ILIKE '%CK-4242%' OR r.nama ILIKE '%CK-4242%' OR r.po_number ILIKE '%CK-4242%')`,
    );
    for (const index of ['parts_kode_trgm_idx', 'parts_nama_trgm_idx', 'parts_po_number_trgm_idx']) expect(search).toContain(index);
    expect(await plan(`SELECT count(*) FROM customers r WHERE r.nama ILIKE '%a1b2c%'`)).toContain('customers_nama_trgm_idx');
    expect(await plan(`SELECT * FROM orders o WHERE o.kind = 'purchase' ORDER BY total DESC, id DESC LIMIT 20`)).toContain('orders_sort_total_idx');
    expect(await plan(`SELECT * FROM parts r WHERE r.deleted_at IS NULL ORDER BY r.harga DESC, r.id DESC LIMIT 20`)).toContain('parts_sort_harga_idx');
  });
});
