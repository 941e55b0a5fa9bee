import type { MoCacheItem } from '@simpul/contracts';
import { clearFaults, fault, ODOO_API_KEY, ODOO_DB, ODOO_LOGIN, odooCall, odooSince, odooUnlink, odooWrite, resetOdoo, startOdooProxy } from './support/odoo-sandbox';
import { RunningSandbox, startSandbox } from './support/sandbox';
import { createTestApp, TestApp, TestUser } from './support/test-app';

/** The cache's business columns of one MO, in the form Odoo's own record is compared with. */
type Mo = Omit<MoCacheItem, 'last_updated' | 'changed_at' | 'missing_since'>;

const TYPES: Array<[string, unknown[]]> = [
  ['liquid', [['product_id.categ_id.name', 'ilike', 'liquid']]],
  ['device', [['product_id.categ_id.name', 'ilike', 'device']]],
  ['cartridge', [['product_id.categ_id.name', 'ilike', 'cartridge']]],
];
/** Categories of the sandbox's seed: Device (5), Cartridge (6), Accessories (7, in no production type). */
const DEVICE = 5;
const ACCESSORIES = 7;

/**
 * What the MO cache must hold after a sync, checked against Odoo itself: each MO once per record (two companies'
 * MOs may share a number), deleted MOs and MOs moved out of every type marked missing, moved MOs under their new
 * type, a catch-all type's own MOs, one meaning of a search query in the cache and live, and the unknown database.
 */
describe('Odoo MO cache against what Odoo has (integration)', () => {
  let t: TestApp;
  let sandbox: RunningSandbox;
  let admin: TestUser;
  const auth = (u: TestUser) => ({ Authorization: `Bearer ${u.token}` });
  const put = (body: Record<string, unknown>) => t.http.put('/api/admin/odoo-config').set(auth(admin)).send(body);
  const sync = () => t.http.post('/api/admin/sync-mo').set(auth(admin));
  const keyMode = () => ({ baseUrl: `${sandbox.url}/odoo`, database: ODOO_DB, authMode: 'api_key', login: ODOO_LOGIN, apiKey: ODOO_API_KEY });
  const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : null);
  const odooIso = (v: unknown) => (typeof v === 'string' ? `${v.replace(' ', 'T')}.000Z` : null);
  const pairName = (v: unknown) => (Array.isArray(v) ? String(v[1]) : null);

  /** The cache's rows Odoo still has (not marked missing), by record id. */
  async function cached(): Promise<Mo[]> {
    const rows: Array<Record<string, unknown>> = await t.ds.query(
      `SELECT odoo_id, mo_number, production_type, sku_name, quantity::text AS quantity, uom, note, state, scheduled_start, create_date, company
       FROM odoo_mo_cache WHERE missing_since IS NULL ORDER BY odoo_id`,
    );
    return rows.map((r) => ({ ...(r as unknown as Mo), scheduled_start: iso(r['scheduled_start']), create_date: iso(r['create_date']) }));
  }

  /**
   * Odoo's own answer to "what should the cache hold": every MO created in the last sync's window, under the first
   * type (in the mapping's order) whose domain matches it, read field by field with `read`.
   */
  async function odooTruth(types = TYPES): Promise<Mo[]> {
    const [run] = await t.ds.query(`SELECT started_at FROM sync_runs WHERE kind = 'odoo-mo' ORDER BY started_at DESC LIMIT 1`);
    const since = odooSince(30, (run.started_at as Date).getTime());
    const owner = new Map<number, string>();
    for (const [type, domain] of types) {
      for (const id of await odooCall<number[]>(sandbox, 'search', [[['create_date', '>=', since], ...domain]])) if (!owner.has(id)) owner.set(id, type);
    }
    const fields = ['name', 'product_id', 'product_qty', 'product_uom_id', 'origin', 'state', 'date_planned_start', 'create_date', 'company_id'];
    const records = await odooCall<Array<Record<string, unknown>>>(sandbox, 'read', [[...owner.keys()], fields]);
    return records
      .map((r) => ({
        odoo_id: Number(r['id']),
        mo_number: String(r['name']),
        production_type: owner.get(Number(r['id'])) ?? '',
        sku_name: pairName(r['product_id']) ?? '',
        quantity: String(r['product_qty']),
        uom: pairName(r['product_uom_id']),
        note: typeof r['origin'] === 'string' ? r['origin'] : null,
        state: typeof r['state'] === 'string' ? r['state'] : null,
        scheduled_start: odooIso(r['date_planned_start']),
        create_date: odooIso(r['create_date']),
        company: pairName(r['company_id']),
      }))
      .sort((a, b) => a.odoo_id - b.odoo_id);
  }

  async function expectCacheIsOdoo(types = TYPES): Promise<Mo[]> {
    const truth = await odooTruth(types);
    expect(truth.length).toBeGreaterThan(50);
    expect(await cached()).toEqual(truth);
    return truth;
  }

  const missingRows = async (): Promise<Array<{ odoo_id: number; missing_since: Date }>> =>
    t.ds.query(`SELECT odoo_id, missing_since FROM odoo_mo_cache WHERE missing_since IS NOT NULL ORDER BY odoo_id`);
  const lastRun = async () => (await t.http.get('/api/sync-runs?kind=odoo-mo&limit=1').set(auth(admin)).expect(200)).body.data[0];
  const productId = async (code: string) => (await odooCall<Array<{ id: number }>>(sandbox, 'search_read', [[['default_code', '=', code]]], { fields: ['id'] }, 'product.product'))[0]?.id ?? 0;
  const idsOf = (rows: Mo[], type: string) => rows.filter((r) => r.production_type === type).map((r) => r.odoo_id);

  beforeAll(async () => {
    sandbox = await startSandbox();
    await resetOdoo(sandbox, { version: 16, count: 300, seed: 42 });
    t = await createTestApp();
    admin = await t.loginAs('admin');
    await put({ ...keyMode(), timeoutSeconds: 10, scheduleEnabled: false }).expect(200);
  });
  afterAll(async () => {
    await t.close();
    await sandbox.stop();
  });
  afterEach(async () => {
    await clearFaults(sandbox);
  });

  it("re-syncs: after each sync the cache reads back exactly as Odoo's records", async () => {
    const first = await sync().expect(200);
    const truth = await expectCacheIsOdoo();
    expect(first.body.totalUpdated).toBe(truth.length);

    const again = await sync().expect(200);
    expect(again.body.totalUpdated).toBe(0);
    await expectCacheIsOdoo();

    // Odoo changes between two syncs: quantities (one fractional), source documents, a state.
    const devices = idsOf(truth, 'device').slice(0, 3);
    const liquids = idsOf(truth, 'liquid').slice(0, 2);
    const cartridge = truth.find((r) => r.production_type === 'cartridge' && r.state !== 'done');
    expect(devices).toHaveLength(3);
    expect(liquids).toHaveLength(2);
    if (!cartridge) throw new Error('the seed has a cartridge MO that is not done');
    for (const [k, id] of devices.entries()) await odooWrite(sandbox, [id], { product_qty: k === 0 ? 12.5 : 1000 + k });
    await odooWrite(sandbox, liquids, { origin: 'S77777' });
    await odooWrite(sandbox, [cartridge.odoo_id], { state: 'done' });
    const changed = await sync().expect(200);
    const updated = new Map((changed.body.results as Array<{ production_type: string; updated: number }>).map((r) => [r.production_type, r.updated]));
    expect(Object.fromEntries(updated)).toEqual({ liquid: 2, device: 3, cartridge: 1 });
    const after = await expectCacheIsOdoo();
    expect(after.find((r) => r.odoo_id === devices[0])?.quantity).toBe('12.5');

    const rerun = await sync().expect(200);
    expect(rerun.body.totalUpdated).toBe(0);
    await expectCacheIsOdoo();
  });

  it('marks MOs deleted in Odoo or moved out of every type as missing, keeps them apart from the stats and the default search, and shows them with a filter', async () => {
    const truth = await odooTruth();
    const deleted = [idsOf(truth, 'liquid')[0], idsOf(truth, 'cartridge')[0]] as number[];
    await odooUnlink(sandbox, deleted);
    // A device product moved to a category no type matches; a cartridge product moved to Device.
    const novaBlack = await productId('DV-NOVA-BLK');
    const cartridge08 = await productId('CT-NOVA-08');
    const movedOut = (await odooCall<number[]>(sandbox, 'search', [[['product_id', '=', novaBlack], ['create_date', '>=', odooSince(30)]]])).filter((id) =>
      truth.some((r) => r.odoo_id === id),
    );
    const movedOver = truth.filter((r) => r.sku_name.startsWith('[CT-NOVA-08]')).map((r) => r.odoo_id);
    expect(movedOut.length).toBeGreaterThan(0);
    expect(movedOver.length).toBeGreaterThan(0);
    await odooWrite(sandbox, [novaBlack], { categ_id: ACCESSORIES }, 'product.product');
    await odooWrite(sandbox, [cartridge08], { categ_id: DEVICE }, 'product.product');

    const before = Date.now();
    const res = await sync().expect(200);
    const after = await expectCacheIsOdoo();
    expect(after.filter((r) => movedOver.includes(r.odoo_id)).every((r) => r.production_type === 'device')).toBe(true);
    expect(res.body.results.find((r: { production_type: string }) => r.production_type === 'device').updated).toBe(movedOver.length);

    const missing = await missingRows();
    const expected = [...deleted, ...movedOut].sort((a, b) => a - b);
    expect(missing.map((r) => r.odoo_id)).toEqual(expected);
    for (const r of missing) expect(r.missing_since.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect((await lastRun()).counts).toMatchObject({ missing: expected.length });

    // Stats count what Odoo has; the missing ones apart.
    const stats = (await t.http.get('/api/admin/mo-stats').set(auth(admin)).expect(200)).body.data;
    expect(stats).toMatchObject({ total: after.length, missing: expected.length });
    expect(stats.byType.reduce((n: number, b: { total: number }) => n + b.total, 0)).toBe(after.length);
    expect(stats.byType.find((b: { production_type: string }) => b.production_type === 'device').total).toBe(idsOf(after, 'device').length);

    // The default search leaves them out; the filter shows only them, or everything.
    const search = async (query: string) => (await t.http.get(`/api/search/mo?limit=200&${query}`).set(auth(admin)).expect(200)).body;
    const present = await search('');
    expect(present.meta.total).toBe(after.length);
    const gone = await search('presence=missing');
    expect(gone.data.map((r: { odoo_id: number }) => r.odoo_id).sort((a: number, b: number) => a - b)).toEqual(expected);
    expect(gone.data.every((r: { missing_since: string | null }) => typeof r.missing_since === 'string')).toBe(true);
    expect((await search('presence=all')).meta.total).toBe(after.length + expected.length);
    await t.http.get('/api/search/mo?presence=gone').set(auth(admin)).expect(400);

    // Still missing on the next sync: the first missed time stays, nothing is counted again.
    const again = await sync().expect(200);
    expect(again.body.totalUpdated).toBe(0);
    expect(await missingRows()).toEqual(missing);
    expect((await lastRun()).counts).toMatchObject({ missing: 0 });

    // Moved back into a type, the MOs are Odoo's again: no longer missing, and counted as updated.
    await odooWrite(sandbox, [novaBlack], { categ_id: DEVICE }, 'product.product');
    const back = await sync().expect(200);
    expect(back.body.results.find((r: { production_type: string }) => r.production_type === 'device').updated).toBe(movedOut.length);
    await expectCacheIsOdoo();
    expect((await missingRows()).map((r) => r.odoo_id)).toEqual([...deleted].sort((a, b) => a - b));
  });

  it('marks nothing when a type failed, nor below where a type cut off by its limit stopped reading', async () => {
    const truth = await odooTruth();
    const [oldest] = truth;
    const newest = truth[truth.length - 1];
    const liquid = idsOf(truth, 'liquid')[1] as number;
    if (!oldest || !newest) throw new Error('empty cache');
    await odooUnlink(sandbox, [liquid]);
    // device's count is the run's fourth request (version, liquid's count, its one page): it fails.
    await fault(sandbox, { kind: 'http500', pathIncludes: 'jsonrpc', after: 3, times: 1 });
    const partial = await sync().expect(200);
    expect(partial.body.results.map((r: { status: string }) => r.status)).toEqual(['success', 'error', 'success']);
    expect((await missingRows()).map((r) => r.odoo_id)).not.toContain(liquid);
    expect((await lastRun()).counts).toMatchObject({ missing: 0 });

    // With 5 MOs per type, each type stops after its newest 5: the newest MO of all is known gone, the oldest is not.
    await odooUnlink(sandbox, [oldest.odoo_id, newest.odoo_id]);
    await put({ syncLimit: 5 }).expect(200);
    await sync().expect(200);
    const cutOff = (await missingRows()).map((r) => r.odoo_id);
    expect(cutOff).toContain(newest.odoo_id);
    expect(cutOff).not.toContain(oldest.odoo_id);
    expect(cutOff).not.toContain(liquid);

    await put({ syncLimit: 1000 }).expect(200);
    await sync().expect(200);
    expect((await missingRows()).map((r) => r.odoo_id)).toEqual(expect.arrayContaining([oldest.odoo_id, newest.odoo_id, liquid]));
    await expectCacheIsOdoo();
  });

  it("keeps two companies' MOs of one number apart in the cache, its search and the live list", async () => {
    await resetOdoo(sandbox, { version: 16, count: 300, seed: 42 });
    await t.ds.query(`DELETE FROM odoo_mo_cache`);
    await sync().expect(200);
    const truth = await expectCacheIsOdoo();
    const items = (await t.http.get(`/api/sync-runs/${(await lastRun()).id}`).set(auth(admin)).expect(200)).body.data.items as Array<{
      details: { fetched: number; inserted: number; overlapping: number };
    }>;
    expect(items).toHaveLength(3);
    for (const item of items) expect(item.details).toMatchObject({ overlapping: 0, inserted: item.details.fetched });

    const byNumber = new Map<string, Mo[]>();
    for (const r of truth) byNumber.set(r.mo_number, [...(byNumber.get(r.mo_number) ?? []), r]);
    const shared = [...byNumber.values()].filter((rows) => rows.length === 2);
    expect(shared.length).toBeGreaterThan(3);
    for (const [a, b] of shared) expect(a?.company).not.toBe(b?.company);
    const [one, other] = shared.find(([a, b]) => a?.production_type !== b?.production_type) ?? [];
    if (!one || !other) throw new Error('the seed has two MOs of one number in different types');

    const search = await t.http.get(`/api/search/mo?q=${encodeURIComponent(one.mo_number)}`).set(auth(admin)).expect(200);
    expect(search.body.data.map((r: { odoo_id: number; company: string }) => [r.odoo_id, r.company]).sort()).toEqual(
      [
        [one.odoo_id, one.company],
        [other.odoo_id, other.company],
      ].sort(),
    );
    // Live, each record gets its own type from the cache, looked up by its id.
    const live = await t.http.get(`/api/odoo/mo-list?q=${encodeURIComponent(one.mo_number)}`).set(auth(admin)).expect(200);
    expect(live.body.data).toHaveLength(2);
    for (const mo of [one, other]) {
      expect(live.body.data.find((r: { odoo_id: number }) => r.odoo_id === mo.odoo_id)).toMatchObject({ production_type: mo.production_type, company: mo.company });
    }
  });

  it.each([16, 17] as const)('gives one query one meaning in the cache and live (Odoo %s)', async (version) => {
    await resetOdoo(sandbox, { version, count: 300, seed: 42 });
    await t.ds.query(`DELETE FROM odoo_mo_cache`);
    await sync().expect(200);
    const ids = (body: { data: Array<{ odoo_id: number }> }) => body.data.map((r) => r.odoo_id).sort((a, b) => a - b);
    const queries = ['%', '_', '\\', '[CT-NOVA-08]', '[CT-NOVA-08] Nova Cartridge', 'NOVA-08] Nova', '] Orbix', 'CT-', 'mango ice', 'WH/MO/0001', 'S00', 'OP/0'];
    let found = 0;
    for (const q of queries) {
      for (const [type] of TYPES) {
        const param = `q=${encodeURIComponent(q)}&production_type=${type}&limit=200`;
        const inCache = (await t.http.get(`/api/search/mo?${param}`).set(auth(admin)).expect(200)).body;
        const live = (await t.http.get(`/api/odoo/mo-list?${param}&days=30`).set(auth(admin)).expect(200)).body;
        expect({ q, type, ids: ids(live) }).toEqual({ q, type, ids: ids(inCache) });
        found += inCache.data.length;
      }
    }
    expect(found).toBeGreaterThan(100);
    const copied = (await t.http.get('/api/search/mo?q=%5BCT-NOVA-08%5D&limit=200').set(auth(admin)).expect(200)).body.data;
    expect(copied.length).toBeGreaterThan(0);
    expect((await t.http.get('/api/odoo/mo-list?q=%25').set(auth(admin)).expect(200)).body.meta.total).toBe(0);
  });

  it('takes over the rows migrated before the cache knew their database, instead of caching them twice', async () => {
    await sync().expect(200);
    const before = await cached();
    await t.ds.query(`UPDATE odoo_mo_cache SET odoo_db = ''`);
    await sync().expect(200);
    expect(await t.ds.query(`SELECT DISTINCT odoo_db FROM odoo_mo_cache`)).toEqual([{ odoo_db: ODOO_DB }]);
    expect(await cached()).toEqual(before);
  });

  it('says an unknown database does not exist, without Odoo’s PostgreSQL host, port or a raw newline', async () => {
    await put({ database: 'nope' }).expect(200);
    const sentence = 'Database "nope" does not exist on this Odoo server. Check the database name in Admin settings.';
    const res = await sync().expect(502);
    expect(res.body).toMatchObject({ success: false, code: 'ODOO_DATABASE_NOT_FOUND', error: sentence });
    const live = await t.http.get('/api/odoo/mo-list').set(auth(admin)).expect(502);
    expect(live.body).toMatchObject({ code: 'ODOO_DATABASE_NOT_FOUND', error: sentence });
    const test = await t.http.post('/api/admin/odoo-config/test').set(auth(admin)).send({}).expect(200);
    expect(test.body.data).toMatchObject({ ok: false, failure: 'database_not_found', error: sentence });
    const run = await lastRun();
    expect(run).toMatchObject({ status: 'failed', error: sentence });
    for (const text of [JSON.stringify(res.body), JSON.stringify(live.body), JSON.stringify(test.body), JSON.stringify(run)]) {
      expect(text).not.toMatch(/localhost|127\.0\.0\.1|5432|\\n|psycopg2/);
    }
    await put({ database: ODOO_DB }).expect(200);
  });

  it('sends back the session_id cookie Odoo hands back in API-key mode, on every later call and the next run', async () => {
    // The fake, like Odoo's /jsonrpc (save_session=False), sets no cookie; this proxy hands one back once, as the
    // Odoo 18 server the issue measured did.
    const sid = '0123456789abcdef0123456789abcdef01234567';
    const cookies: Array<string | null> = [];
    const proxy = await startOdooProxy(sandbox, (call) => {
      cookies.push(call.cookie ?? null);
      if (cookies.length === 1) call.setCookie = `session_id=${sid}; Expires=Sun, 29 Nov 2026 08:33:06 GMT; Max-Age=604800; HttpOnly; Path=/`;
    });
    try {
      await put({ baseUrl: proxy.baseUrl }).expect(200);
      await sync().expect(200);
      const firstRun = cookies.length;
      expect(firstRun).toBeGreaterThan(5);
      await sync().expect(200);
      expect(cookies.length).toBeGreaterThan(firstRun);
      expect(cookies[0]).toBeNull();
      expect(cookies.slice(1)).toEqual(cookies.slice(1).map(() => `session_id=${sid}`));
    } finally {
      await proxy.close();
      await put({ baseUrl: `${sandbox.url}/odoo` }).expect(200);
    }
  });
});
