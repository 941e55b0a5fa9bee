import { clearFaults, fault, ODOO_API_KEY, ODOO_DB, ODOO_LOGIN, odooSessionId, odooCall, odooSince, resetOdoo, startOdooProxy } from './support/odoo-sandbox';
import { RunningSandbox, startSandbox } from './support/sandbox';
import { createTestApp, TestApp, TestUser } from './support/test-app';

const CONFIG_MISSING = 'Odoo configuration is missing. Please configure Odoo Session ID and Base URL in Admin settings.';

describe('Odoo MO sync (integration, against the sandbox Odoo)', () => {
  let t: TestApp;
  let sandbox: RunningSandbox;
  let admin: TestUser;
  let manager: TestUser;
  let staff: TestUser;
  const auth = (u: TestUser) => ({ Authorization: `Bearer ${u.token}` });
  const put = (body: Record<string, unknown>) => t.http.put('/api/admin/odoo-config').set(auth(admin)).send(body);
  const sync = (u: TestUser = admin) => t.http.post('/api/admin/sync-mo').set(auth(u));
  const keyMode = () => ({ baseUrl: `${sandbox.url}/odoo`, database: ODOO_DB, authMode: 'api_key', login: ODOO_LOGIN, apiKey: ODOO_API_KEY, sessionId: null });

  async function cache(): Promise<Array<Record<string, unknown>>> {
    return t.ds.query(
      `SELECT mo_number, odoo_id, production_type, sku_name, quantity::text AS quantity, uom, note, state, scheduled_start, create_date, company, last_updated FROM odoo_mo_cache ORDER BY odoo_id`,
    );
  }

  beforeAll(async () => {
    sandbox = await startSandbox();
    t = await createTestApp();
    admin = await t.loginAs('admin');
    manager = await t.loginAs('manager');
    staff = await t.loginAs('staff');
  });
  afterAll(async () => {
    await t.close();
    await sandbox.stop();
  });
  beforeEach(async () => {
    await clearFaults(sandbox);
  });

  describe('configuration', () => {
    it('answers the seed sentence (400) when nothing is configured, before any run starts', async () => {
      const res = await sync().expect(400);
      expect(res.body).toMatchObject({ success: false, error: CONFIG_MISSING, code: 'ODOO_CONFIG_MISSING' });
      expect(await t.ds.query(`SELECT id FROM sync_runs WHERE kind = 'odoo-mo'`)).toEqual([]);
      // Refused before the lock, too: a configuration problem is not hidden behind a 409 while another run holds it.
      const holder = t.ds.createQueryRunner();
      await holder.connect();
      await holder.query(`SELECT pg_advisory_lock(hashtext('simpul:sync:odoo-mo'))`);
      try {
        await sync().expect(400);
      } finally {
        await holder.query(`SELECT pg_advisory_unlock(hashtext('simpul:sync:odoo-mo'))`);
        await holder.release();
      }
      const cfg = await t.http.get('/api/admin/odoo-config').set(auth(admin)).expect(200);
      expect(cfg.body.data).toMatchObject({
        baseUrl: null,
        authMode: 'api_key',
        complete: false,
        syncWindowDays: 30,
        syncLimit: 1000,
        schedule: '0 0,6,12,18 * * *',
        timezone: 'Asia/Jakarta',
        scheduleEnabled: true,
        productionTypes: {
          liquid: [['product_id.categ_id.name', 'ilike', 'liquid']],
          device: [['product_id.categ_id.name', 'ilike', 'device']],
          cartridge: [['product_id.categ_id.name', 'ilike', 'cartridge']],
        },
      });
    });

    it('saves a partial update, masks secrets, keeps omitted ones and clears nulled ones', async () => {
      await put({ scheduleEnabled: false }).expect(200);
      const saved = await put({
        baseUrl: `${sandbox.url}/odoo/`,
        database: ODOO_DB,
        login: ODOO_LOGIN,
        apiKey: ODOO_API_KEY,
        sessionId: 'abcdef0123456789',
      }).expect(200);
      expect(saved.body.data).toMatchObject({
        baseUrl: `${sandbox.url}/odoo`,
        apiKeySet: true,
        apiKeyMasked: '••••-key',
        sessionIdSet: true,
        sessionIdMasked: '••••6789',
        complete: true,
        scheduleEnabled: false,
      });
      expect(JSON.stringify(saved.body)).not.toContain(ODOO_API_KEY);
      const kept = await put({ timeoutSeconds: 10 }).expect(200);
      expect(kept.body.data).toMatchObject({ apiKeySet: true, sessionIdSet: true, timeoutSeconds: 10 });
      const cleared = await put({ sessionId: null }).expect(200);
      expect(cleared.body.data).toMatchObject({ apiKeySet: true, sessionIdSet: false, sessionIdMasked: null });
      // Stored encrypted.
      const [row] = await t.ds.query(`SELECT value, secret_sealed FROM settings WHERE key = 'odoo.apiKey'`);
      expect(row.value).toBeNull();
      expect(row.secret_sealed).toMatch(/^v1\./);
      expect(row.secret_sealed).not.toContain(ODOO_API_KEY);
    });

    it('validates the production-type domains on save and accepts a fourth type', async () => {
      const bad = [
        { liquid: [['product_id.categ_id.name', 'ilike']] },
        { liquid: ['&', ['state', '=', 'done']] },
        { liquid: ['|', ['state', '=', 'done'], ['state', 'equals', 'x']] },
        { liquid: 'not a list' },
        { 'Bad Name': [] },
        {},
      ];
      for (const productionTypes of bad) {
        const res = await put({ productionTypes }).expect(400);
        expect(res.body.success).toBe(false);
        expect(res.body.error).toMatch(/domain|production type/i);
        // One sentence, one period: the domain's own sentence is not closed twice.
        expect(res.body.error).toMatch(/[^.]\.$/);
      }
      const four = {
        liquid: [['product_id.categ_id.name', 'ilike', 'liquid']],
        device: [['product_id.categ_id.name', 'ilike', 'device']],
        cartridge: ['|', ['product_id.categ_id.name', 'ilike', 'cartridge'], ['product_id.default_code', '=like', 'CT-%']],
        furniture: [['product_id.categ_id.name', 'ilike', 'furniture'], '!', ['state', '=', 'cancel']],
      };
      const ok = await put({ productionTypes: four }).expect(200);
      expect(Object.keys(ok.body.data.productionTypes)).toEqual(['liquid', 'device', 'cartridge', 'furniture']);
      const cron = await put({ schedule: 'every minute' }).expect(400);
      expect(cron.body.error).toMatch(/not a valid cron/);
      await put({ timezone: 'Mars/Olympus' }).expect(400);
      await put({ timeoutSeconds: 0 }).expect(400);
      await put({ authMode: 'password' }).expect(400);
      await put({ unknownField: 1 }).expect(400);
      await put({ productionTypes: { liquid: four.liquid, device: four.device, cartridge: [['product_id.categ_id.name', 'ilike', 'cartridge']] } }).expect(200);
    });

    it('lets admins write, managers read, others nothing', async () => {
      await t.http.get('/api/admin/odoo-config').set(auth(manager)).expect(200);
      await t.http.put('/api/admin/odoo-config').set(auth(manager)).send({ timeoutSeconds: 5 }).expect(403);
      await t.http.post('/api/admin/odoo-config/test').set(auth(manager)).send({}).expect(403);
      await t.http.get('/api/admin/odoo-config').set(auth(staff)).expect(403);
      await sync(staff).expect(403);
      await t.http.get('/api/admin/mo-stats').set(auth(staff)).expect(403);
      // A director reads the configuration and the stats, but the manual sync is for admins and managers only.
      const direktur = await t.loginAs('direktur');
      await t.http.get('/api/admin/mo-stats').set(auth(direktur)).expect(200);
      await sync(direktur).expect(403);
    });
  });

  describe('test connection', () => {
    it('reports version, user and per-type counts in API-key mode', async () => {
      await resetOdoo(sandbox);
      await put({ ...keyMode(), timeoutSeconds: 10 }).expect(200);
      const res = await t.http.post('/api/admin/odoo-config/test').set(auth(admin)).send({}).expect(200);
      expect(res.body.data).toMatchObject({
        ok: true,
        serverVersion: '16.0',
        authMode: 'api_key',
        user: { uid: 2, name: 'Mitchell Admin', login: 'admin' },
        scheduledStartField: 'date_planned_start',
        error: null,
      });
      expect(res.body.data.productionTypes.map((p: { production_type: string }) => p.production_type)).toEqual(['liquid', 'device', 'cartridge']);
      for (const p of res.body.data.productionTypes) expect(p.count).toBeGreaterThan(0);
      // No body at all tests the saved configuration too.
      const bare = await t.http.post('/api/admin/odoo-config/test').set(auth(admin)).expect(200);
      expect(bare.body.data.ok).toBe(true);
    });

    it('reports a wrong API key, an unknown database and an expired session exactly', async () => {
      const wrongKey = await t.http.post('/api/admin/odoo-config/test').set(auth(admin)).send({ apiKey: 'not-the-key' }).expect(200);
      expect(wrongKey.body.data).toMatchObject({ ok: false, serverVersion: '16.0', failure: 'auth_failed' });
      expect(wrongKey.body.data.error).toContain('common.authenticate returned false');
      const wrongDb = await t.http.post('/api/admin/odoo-config/test').set(auth(admin)).send({ database: 'nope' }).expect(200);
      expect(wrongDb.body.data).toMatchObject({
        ok: false,
        failure: 'database_not_found',
        error: 'Database "nope" does not exist on this Odoo server. Check the database name in Admin settings.',
      });
      const expired = await t.http
        .post('/api/admin/odoo-config/test')
        .set(auth(admin))
        .send({ authMode: 'session', sessionId: '0123456789abcdef0123456789abcdef01234567' })
        .expect(200);
      expect(expired.body.data).toMatchObject({ ok: false, failure: 'session_expired', user: null });
      expect(expired.body.data.error).toMatch(/session has expired/);
      const unreachable = await t.http.post('/api/admin/odoo-config/test').set(auth(admin)).send({ baseUrl: 'http://127.0.0.1:4599/odoo' }).expect(200);
      expect(unreachable.body.data).toMatchObject({ ok: false, failure: 'unreachable' });
      // An Odoo that does not answer in time: the test says so with the timeout it used (an unsaved 1 s here).
      await fault(sandbox, { kind: 'timeout' });
      const slow = await t.http.post('/api/admin/odoo-config/test').set(auth(admin)).send({ timeoutSeconds: 1 }).expect(200);
      expect(slow.body.data).toMatchObject({ ok: false, failure: 'timeout', serverVersion: null });
      expect(slow.body.data.error).toMatch(/^Request timeout: Odoo did not answer within 1 s\./);
    });

    it('works in session mode', async () => {
      const sid = await odooSessionId(sandbox);
      const res = await t.http.post('/api/admin/odoo-config/test').set(auth(admin)).send({ authMode: 'session', sessionId: sid }).expect(200);
      expect(res.body.data).toMatchObject({ ok: true, authMode: 'session', user: { uid: 2, name: 'Mitchell Admin', login: 'admin' } });
    });
  });

  describe('sync', () => {
    it('inserts, then a rerun changes nothing but refreshes last_updated (API-key mode, Odoo 16)', async () => {
      await resetOdoo(sandbox, { version: 16, count: 300, seed: 42 });
      await put(keyMode()).expect(200);
      const first = await sync(manager).expect(200);
      expect(Object.keys(first.body).sort()).toEqual(['message', 'results', 'success', 'timestamp', 'totalUpdated']);
      expect(first.body).toMatchObject({ success: true, message: 'MO sync completed successfully' });
      expect(first.body.results.map((r: { production_type: string; status: string }) => [r.production_type, r.status])).toEqual([
        ['liquid', 'success'],
        ['device', 'success'],
        ['cartridge', 'success'],
      ]);
      const rows = await cache();
      expect(first.body.totalUpdated).toBe(rows.length);
      expect(rows.length).toBeGreaterThan(50);
      for (const r of first.body.results) expect(r.updated).toBe(rows.filter((x) => x['production_type'] === r.production_type).length);
      const liquid = rows.find((r) => r['production_type'] === 'liquid') as Record<string, unknown>;
      expect(liquid['mo_number']).toMatch(/^WH\/MO\/\d{5}$/);
      expect(liquid['sku_name']).toMatch(/^\[LQ-/);
      expect(liquid['quantity']).toMatch(/^\d+$/);
      expect(liquid['uom']).toBe('Units');
      // Odoo 16: the planned start is date_planned_start (date_start is the actual start, often false).
      expect(rows.length).toBeGreaterThan(50);
      expect(rows.every((r) => r['scheduled_start'] instanceof Date)).toBe(true);
      const thirtyDaysAgo = Date.now() - 30 * 86_400_000 - 60_000;
      expect(rows.every((r) => (r['create_date'] as Date).getTime() >= thirtyDaysAgo)).toBe(true);

      const before = new Map(rows.map((r) => [r['odoo_id'], (r['last_updated'] as Date).getTime()]));
      const changedAt = async () =>
        new Map(
          ((await t.ds.query(`SELECT odoo_id, changed_at FROM odoo_mo_cache`)) as Array<{ odoo_id: number; changed_at: Date }>).map((r) => [
            r.odoo_id,
            r.changed_at.getTime(),
          ]),
        );
      const changedFirst = await changedAt();
      expect(changedFirst.size).toBe(rows.length);
      const second = await sync().expect(200);
      expect(second.body.totalUpdated).toBe(0);
      expect(second.body.results).toHaveLength(3);
      expect(second.body.results.every((r: { updated: number }) => r.updated === 0)).toBe(true);
      const after = await cache();
      expect(after.map(({ last_updated: _l, ...rest }) => rest)).toEqual(rows.map(({ last_updated: _l, ...rest }) => rest));
      expect(after).toHaveLength(rows.length);
      expect(after.every((r) => (r['last_updated'] as Date).getTime() > (before.get(r['odoo_id']) ?? Infinity))).toBe(true);

      // Rows that differ from Odoo are counted as updated (and put back), the others are not; only theirs changed_at moves.
      const changedBefore = await changedAt();
      expect(changedBefore).toEqual(changedFirst);
      const edited: Array<{ odoo_id: number }> = await t.ds
        .query(
          `UPDATE odoo_mo_cache SET quantity = quantity + 1, note = 'edited' WHERE odoo_id IN (SELECT odoo_id FROM odoo_mo_cache WHERE production_type = 'device' ORDER BY odoo_id LIMIT 3) RETURNING odoo_id`,
        )
        .then(([rows]: [Array<{ odoo_id: number }>]) => rows);
      const third = await sync().expect(200);
      expect(third.body.results.find((r: { production_type: string }) => r.production_type === 'device').updated).toBe(3);
      expect(third.body.totalUpdated).toBe(3);
      const changedAfter = await changedAt();
      const moved = [...changedAfter].filter(([n, ms]) => ms !== changedBefore.get(n)).map(([n]) => n);
      expect(moved.sort()).toEqual(edited.map((r) => r.odoo_id).sort());

      const run = await t.http.get('/api/sync-runs?kind=odoo-mo').set(auth(admin)).expect(200);
      expect(run.body.data[0]).toMatchObject({ kind: 'odoo-mo', trigger: 'manual', status: 'success', counts: { types: 3, failed: 0, updated: 3 } });
      const detail = await t.http.get(`/api/sync-runs/${run.body.data[0].id}`).set(auth(admin)).expect(200);
      expect(detail.body.data.items.map((i: { key: string }) => i.key)).toEqual(['liquid', 'device', 'cartridge']);
    });

    it('honours the per-type limit (paged reads, newest first)', async () => {
      await put({ syncLimit: 7 }).expect(200);
      await t.ds.query(`DELETE FROM odoo_mo_cache`);
      const res = await sync().expect(200);
      expect(res.body.results.map((r: { updated: number }) => r.updated)).toEqual([7, 7, 7]);
      await put({ syncLimit: 1000 }).expect(200);
    });

    it('reads date_start as the scheduled start from Odoo 17 (field detection per configuration)', async () => {
      await resetOdoo(sandbox, { version: 17, count: 300, seed: 7 });
      await t.ds.query(`DELETE FROM odoo_mo_cache`);
      const res = await sync().expect(200);
      expect(res.body.success).toBe(true);
      const rows = await cache();
      expect(rows.length).toBe(res.body.totalUpdated);
      expect(rows.length).toBeGreaterThan(50);
      expect(rows.every((r) => r['scheduled_start'] instanceof Date)).toBe(true);
      const test = await t.http.post('/api/admin/odoo-config/test').set(auth(admin)).send({}).expect(200);
      expect(test.body.data).toMatchObject({ serverVersion: '17.0', scheduledStartField: 'date_start' });
    });

    it('works in session mode', async () => {
      await resetOdoo(sandbox, { version: 16, count: 300, seed: 42 });
      const sid = await odooSessionId(sandbox);
      await put({ authMode: 'session', sessionId: sid }).expect(200);
      const res = await sync().expect(200);
      expect(res.body.success).toBe(true);
      expect(res.body.results).toHaveLength(3);
      expect(res.body.results.every((r: { status: string }) => r.status === 'success')).toBe(true);
    });

    it('answers 502 with what to do when the session expired, leaving the cache intact', async () => {
      const before = await cache();
      await sandbox.control('POST', '/odoo/__control/expire-sessions');
      const res = await sync().expect(502);
      expect(res.body).toMatchObject({ success: false, code: 'ODOO_SESSION_EXPIRED' });
      expect(res.body.error).toMatch(/session has expired.*Log in to Odoo again/);
      expect(res.body.details.results).toHaveLength(3);
      expect(res.body.details.results.every((r: { status: string; error: string }) => r.status === 'error' && /session expired/i.test(r.error))).toBe(true);
      expect(await cache()).toEqual(before);
      // The session-expired fault (code 100 on call_kw) is recognised the same way.
      await put({ sessionId: await odooSessionId(sandbox) }).expect(200);
      await fault(sandbox, { kind: 'session-expired', pathIncludes: 'call_kw' });
      const again = await sync().expect(502);
      expect(again.body.code).toBe('ODOO_SESSION_EXPIRED');
      const runs = await t.http.get('/api/sync-runs?kind=odoo-mo&limit=1').set(auth(admin)).expect(200);
      expect(runs.body.data[0]).toMatchObject({ status: 'failed', counts: { failed: 3 } });
      expect(runs.body.data[0].error).toMatch(/session has expired/);
    });

    it('answers 504 when Odoo times out, 502 on an Odoo error or HTTP 500, each leaving the cache intact', async () => {
      await put(keyMode()).expect(200);
      await sync().expect(200);
      const before = await cache();
      await put({ timeoutSeconds: 1 }).expect(200);
      await fault(sandbox, { kind: 'timeout', pathIncludes: 'jsonrpc' });
      const timeout = await sync().expect(504);
      expect(timeout.body).toMatchObject({ success: false, code: 'ODOO_TIMEOUT' });
      expect(timeout.body.error).toMatch(/^Request timeout: Odoo did not answer within 1 s\..*raise the request timeout/);
      await clearFaults(sandbox);

      await fault(sandbox, { kind: 'protocol-error' });
      const odooError = await sync().expect(502);
      expect(odooError.body.code).toBe('ODOO_API_ERROR');
      expect(odooError.body.error).toMatch(/^Odoo API error: .*builtins\.RuntimeError/);
      await clearFaults(sandbox);

      await fault(sandbox, { kind: 'http500' });
      const http500 = await sync().expect(502);
      expect(http500.body.error).toMatch(/HTTP 500/);
      await clearFaults(sandbox);

      const after = await cache();
      expect(after.map(({ last_updated: _l, ...rest }) => rest)).toEqual(before.map(({ last_updated: _l, ...rest }) => rest));
      expect(after.map((r) => r['last_updated'])).toEqual(before.map((r) => r['last_updated']));
      await put({ timeoutSeconds: 10 }).expect(200);
    });

    it('reports one failing type (timeout or Odoo error) as an error item without losing the others (200)', async () => {
      // Session mode, so that the fault can aim at the ORM calls (call_kw) and spare common.version (/jsonrpc).
      await put({ authMode: 'session', sessionId: await odooSessionId(sandbox) }).expect(200);
      await sync().expect(200);
      await t.ds.query(`DELETE FROM odoo_mo_cache`);
      await put({ timeoutSeconds: 1 }).expect(200);
      // The first ORM call of the run is liquid's search_count (fields_get is cached for this configuration).
      await fault(sandbox, { kind: 'timeout', times: 1, pathIncludes: 'call_kw' });
      const res = await sync().expect(200);
      expect(res.body.success).toBe(true);
      expect(res.body.message).toMatch(/completed with errors: 1 of 3 production types failed \(liquid\)/);
      expect(res.body.results[0]).toMatchObject({ production_type: 'liquid', updated: 0, status: 'error' });
      expect(res.body.results[0].error).toMatch(/did not answer within 1 s/);
      expect(res.body.results.slice(1).map((r: { status: string }) => r.status)).toEqual(['success', 'success']);
      const types = await t.ds.query(`SELECT DISTINCT production_type FROM odoo_mo_cache ORDER BY 1`);
      expect(types.map((r: { production_type: string }) => r.production_type)).toEqual(['cartridge', 'device']);
      await put({ ...keyMode(), timeoutSeconds: 10 }).expect(200);

      // A domain Odoo rejects (unknown field) fails only its own type.
      await put({
        productionTypes: {
          liquid: [['product_id.categ_id.name', 'ilike', 'liquid']],
          device: [['no_such_field', '=', 1]],
          cartridge: [['product_id.categ_id.name', 'ilike', 'cartridge']],
        },
      }).expect(200);
      const partial = await sync().expect(200);
      expect(partial.body.results.map((r: { status: string }) => r.status)).toEqual(['success', 'error', 'success']);
      expect(partial.body.results[1].error).toMatch(/Invalid field mrp\.production\.no_such_field/);
      const runs = await t.http.get('/api/sync-runs?kind=odoo-mo&limit=1').set(auth(admin)).expect(200);
      expect(runs.body.data[0]).toMatchObject({ status: 'partial', counts: { failed: 1, succeeded: 2 } });
      await put({
        productionTypes: {
          liquid: [['product_id.categ_id.name', 'ilike', 'liquid']],
          device: [['product_id.categ_id.name', 'ilike', 'device']],
          cartridge: [['product_id.categ_id.name', 'ilike', 'cartridge']],
        },
      }).expect(200);
    });

    it('runs one sync at a time: a second trigger while one runs answers 409', async () => {
      await fault(sandbox, { kind: 'latency', ms: 400 });
      const first = sync().then((r) => r);
      await new Promise((r) => setTimeout(r, 300));
      const second = await sync().expect(409);
      expect(second.body).toMatchObject({
        success: false,
        code: 'SYNC_ALREADY_RUNNING',
        error: 'An Odoo MO sync is already running. Wait for it to finish, then try again.',
      });
      expect((await first).status).toBe(200);
    });

    it('shows the progress of a running sync per type, at most twice a second, and clears it when the run ends', async () => {
      await put(keyMode()).expect(200);
      // About 700 liquid MOs in the window (two pages), and 300 ms per Odoo request: the run takes about three seconds.
      await resetOdoo(sandbox, { version: 16, count: 3000, seed: 42 });
      await fault(sandbox, { kind: 'latency', ms: 300 });
      const running = sync().then((r) => r);
      type Item = { key: string; status: string; done: number; total: number | null };
      const seen: Array<{ at: string; items: Item[] }> = [];
      let finished = false;
      void running.then(() => (finished = true));
      while (!finished) {
        const list = await t.http.get('/api/sync-runs?kind=odoo-mo&status=running&limit=1').set(auth(manager)).expect(200);
        const progress = list.body.data[0]?.progress;
        if (progress && seen[seen.length - 1]?.at !== progress.at) seen.push(progress);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect((await running).status).toBe(200);
      expect(seen.length).toBeGreaterThanOrEqual(3);
      for (const p of seen) {
        expect(p.items.map((i) => i.key)).toEqual(['liquid', 'device', 'cartridge']);
        for (const i of p.items) {
          expect(['pending', 'running', 'done', 'error']).toContain(i.status);
          if (i.total !== null) expect(i.done).toBeLessThanOrEqual(i.total);
        }
      }
      // Writes are at least PROGRESS_INTERVAL_MS apart, and each type only moves forward.
      const times = seen.map((p) => Date.parse(p.at));
      for (let k = 1; k < times.length; k += 1) expect((times[k] ?? 0) - (times[k - 1] ?? 0)).toBeGreaterThanOrEqual(450);
      for (let k = 1; k < seen.length; k += 1) {
        seen[k]?.items.forEach((item, n) => expect(item.done).toBeGreaterThanOrEqual(seen[k - 1]?.items[n]?.done ?? 0));
      }
      expect(seen.some((p) => p.items.some((i) => i.status === 'running' && i.done > 0))).toBe(true);
      expect(seen.some((p) => p.items[0]?.status === 'done' && p.items[2]?.status !== 'done')).toBe(true);
      const last = await t.http.get('/api/sync-runs?kind=odoo-mo&limit=1').set(auth(admin)).expect(200);
      expect(last.body.data[0]).toMatchObject({ status: 'success', progress: null });
      expect((await t.http.get('/api/sync-runs?kind=odoo-mo&status=running').set(auth(admin)).expect(200)).body.data).toEqual([]);
    });

    it('reads a type in several pages in one transaction: a failure on a later page keeps that type as it was', async () => {
      // 3000 MOs over 60 days: about 700 liquid ones in the 30-day window, so liquid takes two 500-row pages.
      await resetOdoo(sandbox, { version: 16, count: 3000, seed: 42 });
      await put({ ...keyMode(), authMode: 'session', sessionId: await odooSessionId(sandbox) }).expect(200);
      await t.ds.query(`DELETE FROM odoo_mo_cache`);
      const full = await sync().expect(200);
      const liquidCount = full.body.results[0].updated;
      expect(liquidCount).toBeGreaterThan(500);
      expect(liquidCount).toBeLessThanOrEqual(1000);

      // Edit the newest liquid MOs (the first page, id desc): a committed first page would put them back.
      await t.ds.query(
        `UPDATE odoo_mo_cache SET note = 'edited' WHERE odoo_id IN (SELECT odoo_id FROM odoo_mo_cache WHERE production_type = 'liquid' ORDER BY odoo_id DESC LIMIT 3)`,
      );
      const liquidBefore = await t.ds.query(`SELECT odoo_id, note, last_updated FROM odoo_mo_cache WHERE production_type = 'liquid' ORDER BY odoo_id`);
      // Session mode puts the method in the path: let liquid's first search_read through, fail its second.
      await fault(sandbox, { kind: 'http500', pathIncludes: 'search_read', after: 1, times: 1 });
      const res = await sync().expect(200);
      expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['error', 'success', 'success']);
      expect(res.body.results[0]).toMatchObject({ production_type: 'liquid', updated: 0 });
      expect(res.body.results[0].error).toMatch(/HTTP 500/);
      expect(await t.ds.query(`SELECT odoo_id, note, last_updated FROM odoo_mo_cache WHERE production_type = 'liquid' ORDER BY odoo_id`)).toEqual(
        liquidBefore,
      );

      // Without the fault the same run repairs the three edited rows.
      const repaired = await sync().expect(200);
      expect(repaired.body.results[0]).toMatchObject({ production_type: 'liquid', status: 'success', updated: 3 });
      await resetOdoo(sandbox, { version: 16, count: 300, seed: 42 });
      await put(keyMode()).expect(200);
    });

    it("asks Odoo one request at a time, in order: each type's count, then its pages, each below the last id read", async () => {
      await resetOdoo(sandbox, { version: 16, count: 3000, seed: 42 });
      // A recording proxy in front of the sandbox: what Odoo would see, and how many requests it had at once.
      const seen: string[] = [];
      /** Per search_read: the id it asked to read below (null for a type's first page) and the lowest id it got. */
      const pages: Array<{ below: number | null; lowest: number | null }> = [];
      const proxy = await startOdooProxy(sandbox, ({ params, answer }) => {
        const method = params.service === 'object' ? String(params.args?.[4]) : String(params.method);
        const domain = ((params.args?.[5] as unknown[][] | undefined)?.[0] ?? []) as unknown[];
        const bound = domain[domain.length - 1];
        const below = Array.isArray(bound) && bound[0] === 'id' && bound[1] === '<' ? Number(bound[2]) : null;
        seen.push(method === 'search_read' ? `search_read${below === null ? '' : '<'}` : method);
        if (method === 'search_read') {
          const ids = (JSON.parse(answer) as { result: Array<{ id: number }> }).result.map((r) => r.id);
          pages.push({ below, lowest: ids.length > 0 ? Math.min(...ids) : null });
        }
      });
      try {
        await put({ ...keyMode(), baseUrl: proxy.baseUrl }).expect(200);
        await t.ds.query(`DELETE FROM odoo_mo_cache`);
        const res = await sync().expect(200);
        const typePages = (n: number) => Array.from({ length: Math.ceil(n / 500) }, (_, k) => (k === 0 ? 'search_read' : 'search_read<'));
        const perType = res.body.results.flatMap((r: { updated: number }) => ['search_count', ...typePages(r.updated)]);
        expect(res.body.results[0].updated).toBeGreaterThan(500); // liquid takes two pages
        // A new configuration logs in and detects the fields once, after `version`.
        expect(seen).toEqual(['version', 'authenticate', 'fields_get', ...perType]);
        expect(proxy.mostInFlight()).toBe(1);
        // Keyset pages: a following page starts below the lowest id of the page before it, not at an offset.
        const following = pages.flatMap((page, k) => (page.below === null ? [] : [[page.below, pages[k - 1]?.lowest]]));
        expect(following.length).toBeGreaterThan(0);
        for (const [below, lowest] of following) expect(below).toBe(lowest);
      } finally {
        await proxy.close();
        await resetOdoo(sandbox, { version: 16, count: 300, seed: 42 });
        await put(keyMode()).expect(200);
      }
    });

    it('gives a catch-all type listed last its own MOs up to the limit, none that an earlier type matches', async () => {
      // 3000 MOs: about 1500 in the window, 700 of them liquid; 500 per type. Odoo counts and pages only what liquid
      // does not match, so the catch-all gets 500 of its own, reaching back past MOs liquid took.
      await resetOdoo(sandbox, { version: 16, count: 3000, seed: 42 });
      const liquidDomain = [['product_id.categ_id.name', 'ilike', 'liquid']];
      await put({ ...keyMode(), syncLimit: 500, productionTypes: { liquid: liquidDomain, other: [] } }).expect(200);
      await t.ds.query(`DELETE FROM odoo_mo_cache`);
      const res = await sync().expect(200);
      expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['success', 'success']);
      expect(res.body.results.map((r: { updated: number }) => r.updated)).toEqual([500, 500]);
      const rows = await cache();
      const otherRows = rows.filter((r) => r['production_type'] === 'other');
      expect(rows.filter((r) => r['production_type'] === 'liquid')).toHaveLength(500);
      expect(otherRows).toHaveLength(500);
      expect(otherRows.some((r) => String(r['sku_name']).startsWith('[LQ-'))).toBe(false);
      // The newest 500 MOs of the window hold liquid ones too: the catch-all's own 500 reach further back.
      const newest500 = await odooCall<number[]>(sandbox, 'search', [[['create_date', '>=', odooSince(30)]]], { limit: 500, order: 'id desc' });
      expect(newest500).toHaveLength(500);
      expect(Math.min(...otherRows.map((r) => Number(r['odoo_id'])))).toBeLessThan(Math.min(...newest500));

      const runs = await t.http.get('/api/sync-runs?kind=odoo-mo&limit=1').set(auth(admin)).expect(200);
      const detail = await t.http.get(`/api/sync-runs/${runs.body.data[0].id}`).set(auth(admin)).expect(200);
      const [liquidItem, otherItem] = detail.body.data.items as Array<{ details: { fetched: number; overlapping: number; updated: number; matched: number } }>;
      expect(liquidItem?.details).toMatchObject({ overlapping: 0, updated: 500, fetched: 500 });
      // matched is the catch-all's own count (every MO in the window but liquid's); it fetched no MO liquid had.
      const inWindow = await odooCall<number>(sandbox, 'search_count', [[['create_date', '>=', odooSince(30)]]]);
      expect(liquidItem?.details.matched).toBeGreaterThan(500);
      expect(otherItem?.details).toMatchObject({ fetched: 500, overlapping: 0, updated: 500, matched: inWindow - (liquidItem?.details.matched ?? 0) });

      // Listed first, the catch-all matches every MO and leaves liquid none; a rerun changes nothing.
      await put({ productionTypes: { other: [], liquid: liquidDomain } }).expect(200);
      await t.ds.query(`DELETE FROM odoo_mo_cache`);
      const swapped = await sync().expect(200);
      expect(swapped.body.results.map((r: { updated: number }) => r.updated)).toEqual([500, 0]);
      const again = await sync().expect(200);
      expect(again.body.totalUpdated).toBe(0);

      await resetOdoo(sandbox, { version: 16, count: 300, seed: 42 });
      await put({
        ...keyMode(),
        syncLimit: 1000,
        productionTypes: {
          liquid: [['product_id.categ_id.name', 'ilike', 'liquid']],
          device: [['product_id.categ_id.name', 'ilike', 'device']],
          cartridge: [['product_id.categ_id.name', 'ilike', 'cartridge']],
        },
      }).expect(200);
    });

    it('marks a run cut off by a crash as interrupted when the next run of its kind starts', async () => {
      const [{ id: crashed }] = await t.ds.query(`INSERT INTO sync_runs (kind, trigger, status) VALUES ('odoo-mo', 'schedule', 'running') RETURNING id`);
      const [{ id: otherKind }] = await t.ds.query(`INSERT INTO sync_runs (kind, trigger, status) VALUES ('parts-sync', 'manual', 'running') RETURNING id`);
      await sync().expect(200);
      const runs = await t.http.get('/api/sync-runs?kind=odoo-mo&limit=5').set(auth(admin)).expect(200);
      expect(runs.body.data[0]).toMatchObject({ status: 'success' });
      const old = await t.http.get(`/api/sync-runs/${crashed}`).set(auth(admin)).expect(200);
      expect(old.body.data).toMatchObject({ status: 'failed', finishedAt: expect.any(String) });
      expect(old.body.data.error).toMatch(/^Interrupted: the server stopped before this run finished/);
      // Another kind's run may belong to a live sync elsewhere: only its own next run may judge it.
      const [{ status }] = await t.ds.query(`SELECT status FROM sync_runs WHERE id = $1`, [otherKind]);
      expect(status).toBe('running');
      await t.ds.query(`DELETE FROM sync_runs WHERE id = $1`, [otherKind]);
    });

    it('answers 502 with the reason when the API key is wrong', async () => {
      await put({ apiKey: 'wrong-key' }).expect(200);
      const res = await sync().expect(502);
      expect(res.body.code).toBe('ODOO_AUTH_FAILED');
      expect(res.body.error).toMatch(/rejected login "admin".*Check the database name, login and API key/);
      await put({ apiKey: ODOO_API_KEY }).expect(200);
    });
  });

  describe('monitoring', () => {
    beforeAll(async () => {
      await resetOdoo(sandbox, { version: 16, count: 300, seed: 42 });
      await put(keyMode()).expect(200);
      await t.ds.query(`DELETE FROM odoo_mo_cache`);
      await sync().expect(200);
    });

    it('gives counts per type and state, the last sync and the schedule', async () => {
      const res = await t.http.get('/api/admin/mo-stats').set(auth(manager)).expect(200);
      const s = res.body.data;
      const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM odoo_mo_cache`);
      expect(s.total).toBe(n);
      expect(s.missing).toBe(0);
      expect(s.byType.map((b: { production_type: string }) => b.production_type)).toEqual(['liquid', 'device', 'cartridge']);
      expect(s.byType.reduce((sum: number, b: { total: number }) => sum + b.total, 0)).toBe(n);
      expect(Object.values(s.byState as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(n);
      expect(s.lastSync).toMatchObject({ trigger: 'manual', status: 'success', totalUpdated: n });
      expect(s.lastSync.results).toHaveLength(3);
      expect(s.lastSuccessfulSyncAt).not.toBeNull();
      expect(s.schedule).toMatchObject({ enabled: false, cron: '0 0,6,12,18 * * *', timezone: 'Asia/Jakarta', nextRunAt: null, consecutiveFailures: 0 });
    });

    it('searches the cache by MO number, SKU or note, paginated', async () => {
      const all = await t.http.get('/api/search/mo?limit=5').set(auth(staff)).expect(200);
      expect(all.body.data).toHaveLength(5);
      expect(all.body.meta.total).toBeGreaterThan(5);
      const first = all.body.data[0];
      expect(Object.keys(first).sort()).toEqual(
        [
          'changed_at',
          'company',
          'create_date',
          'last_updated',
          'missing_since',
          'mo_number',
          'note',
          'odoo_id',
          'production_type',
          'quantity',
          'scheduled_start',
          'sku_name',
          'state',
          'uom',
        ].sort(),
      );
      const byNumber = await t.http
        .get(`/api/search/mo?q=${encodeURIComponent(first.mo_number)}`)
        .set(auth(staff))
        .expect(200);
      // The number's MO, and another company's MO of the same number if there is one.
      expect(byNumber.body.data.map((r: { odoo_id: number }) => r.odoo_id)).toContain(first.odoo_id);
      expect(byNumber.body.data.length).toBeLessThanOrEqual(2);
      expect(byNumber.body.data.every((r: { mo_number: string }) => r.mo_number === first.mo_number)).toBe(true);
      const bySku = await t.http.get('/api/search/mo?q=mango%20ice&limit=200').set(auth(staff)).expect(200);
      expect(bySku.body.data.length).toBeGreaterThan(0);
      expect(bySku.body.data.every((r: { sku_name: string }) => /mango ice/i.test(r.sku_name))).toBe(true);
      // The seeded MOs have source documents (S…, OP/…): the note search has rows to look at.
      const [withNote] = await t.ds.query(`SELECT note FROM odoo_mo_cache WHERE note IS NOT NULL ORDER BY odoo_id LIMIT 1`);
      expect(withNote?.note).toEqual(expect.any(String));
      const byNote = await t.http
        .get(`/api/search/mo?q=${encodeURIComponent(withNote.note)}&limit=200`)
        .set(auth(staff))
        .expect(200);
      expect(byNote.body.data.length).toBeGreaterThan(0);
      expect(
        byNote.body.data.every((r: { note: string | null; mo_number: string; sku_name: string }) =>
          [r.note, r.mo_number, r.sku_name].some((v) => v?.toLowerCase().includes(String(withNote.note).toLowerCase())),
        ),
      ).toBe(true);
      const filtered = await t.http.get('/api/search/mo?production_type=device&state=done&limit=200').set(auth(staff)).expect(200);
      expect(filtered.body.data.length).toBeGreaterThan(0);
      expect(filtered.body.data.every((r: { production_type: string; state: string }) => r.production_type === 'device' && r.state === 'done')).toBe(true);
      const none = await t.http.get('/api/search/mo?q=%25_nothing').set(auth(staff)).expect(200);
      expect(none.body.data).toEqual([]);
    });

    it('lists MOs live from Odoo with filters, paginated', async () => {
      const page = await t.http.get('/api/odoo/mo-list?limit=10&page=2').set(auth(staff)).expect(200);
      expect(page.body.data).toHaveLength(10);
      expect(page.body.meta).toMatchObject({ page: 2, limit: 10, total: 304 });
      const filtered = await t.http.get('/api/odoo/mo-list?production_type=cartridge&state=confirmed&days=30&limit=50').set(auth(staff)).expect(200);
      expect(filtered.body.data.length).toBeGreaterThan(0);
      expect(
        filtered.body.data.every(
          (r: { production_type: string; state: string; sku_name: string }) =>
            r.production_type === 'cartridge' && r.state === 'confirmed' && r.sku_name.startsWith('[CT-'),
        ),
      ).toBe(true);
      // Company 1's demo MO and company 2's MO of the same number: both, each with its company.
      const q = await t.http.get('/api/odoo/mo-list?q=WH/MO/00002').set(auth(staff)).expect(200);
      expect(q.body.data.map((r: { company: string }) => r.company).sort()).toEqual(['My Company (Chicago)', 'My Company (San Francisco)']);
      expect(q.body.data.find((r: { odoo_id: number }) => r.odoo_id === 2)).toMatchObject({
        mo_number: 'WH/MO/00002',
        company: 'My Company (San Francisco)',
        sku_name: '[FURN_9666] Table',
        quantity: '1',
        uom: 'Units',
        state: 'confirmed',
        scheduled_start: '2026-11-23T08:32:00.000Z',
        production_type: null,
      });
      const known = await t.http.get('/api/odoo/mo-list?limit=5&days=30&q=LQ-').set(auth(staff)).expect(200);
      expect(known.body.data).toHaveLength(5);
      expect(known.body.data.every((r: { production_type: string | null }) => r.production_type === 'liquid')).toBe(true);
      await t.http.get('/api/odoo/mo-list?production_type=vape').set(auth(staff)).expect(400);
      await put({ timeoutSeconds: 1 }).expect(200);
      await fault(sandbox, { kind: 'timeout', times: 1 });
      const slow = await t.http.get('/api/odoo/mo-list').set(auth(staff)).expect(504);
      expect(slow.body.code).toBe('ODOO_TIMEOUT');
      await put({ timeoutSeconds: 10 }).expect(200);
    });
  });
});
