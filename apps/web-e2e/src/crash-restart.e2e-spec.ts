import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import { apiPid, databaseUrl, freePort, RunningApp, startApp } from './support/app-server';

const PARTS = 300;

/**
 * A crash as it happens to a small firm: the API is SIGKILLed (OOM killer, power button) in the middle of a parts-sync,
 * and someone runs `npm start` again. It must come up by itself, with the run marked interrupted and none of it applied.
 */
describe('crash and restart (npm start)', () => {
  let app: RunningApp | null = null;
  const clients: Client[] = [];

  const connect = async (a: RunningApp) => {
    const c = new Client({ connectionString: databaseUrl(a) });
    c.on('error', () => undefined); // the orphan's shutdown ends these connections
    await c.connect();
    clients.push(c);
    return c;
  };
  const loginToken = async (a: RunningApp) => {
    const res = await fetch(`${a.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(a.login),
    });
    return ((await res.json()) as { data: { accessToken: string } }).data.accessToken;
  };
  const postmasterPid = (a: RunningApp) => Number(readFileSync(path.join(a.dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  /** Running: not gone, and not a zombie that the reaper of orphans has yet to collect. */
  const alive = (pid: number) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
    } catch {
      return false;
    }
  };
  const waitFor = async <T>(probe: () => Promise<T | null | undefined>, what: string, timeoutMs = 30_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    for (const c of clients) await c.end().catch(() => undefined);
    await app?.stop();
  });

  it('refuses a second npm start on the same data folder with a sentence naming the first one’s process and port', async () => {
    const first = app as RunningApp;
    const second = startApp({ reuse: { ...first, port: await freePort() } });
    await expect(second).rejects.toThrow(
      new RegExp(
        `App exited with 1[\\s\\S]*in use by another Simpul \\(process ${apiPid(first)}, serving port ${first.port}; ` +
          `its PostgreSQL is process ${postmasterPid(first)} on port ${first.pgPort}\\)\\. Stop that one first`,
      ),
    );
    expect((await fetch(`${first.baseUrl}/api/health`)).status).toBe(200); // the first one is untouched
  });

  it('comes up by itself after a SIGKILL during a parts-sync execute, with the run marked interrupted and nothing of it applied', async () => {
    const first = app as RunningApp;
    const db = await connect(first);
    await db.query(`INSERT INTO vendors (nama) VALUES ('Crash vendor')`);
    await db.query(`INSERT INTO parts (kode, nama, harga) SELECT 'CR-' || g, 'Crash part ' || g, 100 FROM generate_series(1, ${PARTS}) g`);
    await db.query(`
      INSERT INTO orders (kind, order_number, order_date, status, subtotal, tax, total, vendor_id)
      SELECT 'purchase', 'PO-CR-' || g, date '2026-01-01', 'draft', 100, 0, 100, (SELECT id FROM vendors WHERE nama = 'Crash vendor')
      FROM generate_series(1, ${PARTS}) g`);
    await db.query(`
      INSERT INTO order_product_lines (order_id, product_id, line_number, description, qty, unit_price, discount, line_total)
      SELECT o.id, p.id, 1, 'crash', 1, 100, 0, 100
      FROM orders o JOIN parts p ON p.kode = 'CR-' || substr(o.order_number, 7) WHERE o.order_number LIKE 'PO-CR-%'`);
    const token = await loginToken(first);

    // Hold the audit log so the sync stops right after it has updated every part, inside its open transaction.
    const holder = await connect(first);
    await holder.query('BEGIN; LOCK TABLE audit_logs IN EXCLUSIVE MODE');
    const execute = fetch(`${first.baseUrl}/api/master/parts/sync-po`, { method: 'POST', headers: { authorization: `Bearer ${token}` } }).catch(
      (err: unknown) => err,
    );
    await waitFor(async () => {
      const { rows } = await db.query(
        `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE '%INSERT INTO%audit_logs%'`,
      );
      return rows.length > 0;
    }, 'the sync to wait on the audit log');
    const { rows: running } = await db.query(`SELECT id FROM sync_runs WHERE kind = 'parts-po' AND status = 'running'`);
    expect(running).toHaveLength(1);
    const runId = running[0].id as string;

    const orphan = postmasterPid(first);
    const api = apiPid(first);
    const npmExit = new Promise((resolve) => first.process.once('exit', resolve));
    process.kill(api, 'SIGKILL');
    await npmExit;
    await execute;
    expect(alive(orphan)).toBe(true); // left running, as a crash leaves it

    // `npm start` again, on the same data and ports, with no one cleaning up in between.
    app = await startApp({ reuse: first });
    const restarted = app;
    expect(restarted.output()).toContain(`was left running by Simpul process ${api}, which is gone; stopping it cleanly and starting again.`);
    expect(alive(orphan)).toBe(false);
    expect(postmasterPid(restarted)).not.toBe(orphan);

    const after = await connect(restarted);
    const count = async (sql: string, params: unknown[] = []) => Number((await after.query(sql, params)).rows[0].count);
    expect(await count(`SELECT count(*) FROM parts WHERE kode LIKE 'CR-%'`)).toBe(PARTS);
    expect(await count(`SELECT count(*) FROM parts WHERE kode LIKE 'CR-%' AND po_number IS NOT NULL`)).toBe(0);
    expect(await count(`SELECT count(*) FROM sync_run_items WHERE run_id = $1`, [runId])).toBe(0);
    expect(await count(`SELECT count(*) FROM audit_logs WHERE action = 'SYNC_PO_NUMBERS'`)).toBe(0);

    const newToken = await loginToken(restarted);
    const runRes = await fetch(`${restarted.baseUrl}/api/sync-runs/${runId}`, { headers: { authorization: `Bearer ${newToken}` } });
    const run = ((await runRes.json()) as { data: { status: string; error: string; finishedAt: string | null } }).data;
    expect(run).toMatchObject({ status: 'failed', error: expect.stringMatching(/^Interrupted: the server stopped/) });
    expect(run.finishedAt).not.toBeNull();

    // And the sync works again, whole.
    const again = await fetch(`${restarted.baseUrl}/api/master/parts/sync-po`, { method: 'POST', headers: { authorization: `Bearer ${newToken}` } });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { data: { syncedCount: number } }).data.syncedCount).toBe(PARTS);
    expect(await count(`SELECT count(*) FROM parts WHERE kode LIKE 'CR-%' AND po_number = 'PO-CR-' || substr(kode, 4)`)).toBe(PARTS);
  });
});
