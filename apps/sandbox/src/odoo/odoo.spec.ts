import request from 'supertest';
import type { Express } from 'express';
import { createSandboxApp } from '../app';
import { FaultRegistry } from '../faults';
import { odooDatetime } from './seed';
import { DEFAULT_API_KEY, OdooSystemOptions, createOdooSystem } from './server';

interface RpcAnswer {
  id: unknown;
  result?: unknown;
  error?: { code: number; message: string; data: { name: string; message: string; arguments: unknown[]; debug: string } };
  cookies: string[];
}

let nextId = 1;

async function rpc(app: Express, path: string, params: Record<string, unknown>, cookie?: string): Promise<RpcAnswer> {
  const id = nextId++;
  let call = request(app).post(`/odoo${path}`);
  if (cookie) call = call.set('Cookie', cookie);
  const res = await call.send({ jsonrpc: '2.0', method: 'call', id, params });
  expect(res.status).toBe(200);
  const raw = res.headers['set-cookie'];
  const cookies = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
  return { ...(res.body as Omit<RpcAnswer, 'cookies'>), cookies };
}

function sessionOf(answer: RpcAnswer): string {
  const cookie = answer.cookies[0]?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

async function login(app: Express, password = 'admin'): Promise<string> {
  return sessionOf(await rpc(app, '/web/session/authenticate', { db: 'mrpdemo', login: 'admin', password }));
}

function callKw(app: Express, cookie: string, model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}): Promise<RpcAnswer> {
  return rpc(app, `/web/dataset/call_kw/${model}/${method}`, { model, method, args, kwargs }, cookie);
}

function executeKw(app: Express, secret: string, model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}): Promise<RpcAnswer> {
  return rpc(app, '/jsonrpc', { service: 'object', method: 'execute_kw', args: ['mrpdemo', 2, secret, model, method, args, kwargs] });
}

function records(answer: RpcAnswer): Array<Record<string, unknown>> {
  if (answer.error) throw new Error(`${answer.error.data.name}: ${answer.error.data.message}`);
  if (!Array.isArray(answer.result)) throw new Error('result is not a list');
  return answer.result as Array<Record<string, unknown>>;
}

function setup(options: OdooSystemOptions = {}) {
  const system = createOdooSystem({ moCount: 300, seed: 7, ...options });
  const faults = new FaultRegistry();
  const app = createSandboxApp([system], faults);
  return { system, faults, app };
}

describe('Odoo fake', () => {
  describe('Odoo 17 field naming', () => {
    const { app } = setup({ version: 17 });

    it('reports 17.0 and names the planned start date_start', async () => {
      const version = await rpc(app, '/jsonrpc', { service: 'common', method: 'version', args: [] });
      expect(version.result).toEqual({ server_version: '17.0', server_version_info: [17, 0, 0, 'final', 0, ''], server_serie: '17.0', protocol_version: 1 });
      const cookie = await login(app);
      const [first] = records(await callKw(app, cookie, 'mrp.production', 'search_read', [[['id', '=', 1]]], { fields: ['name', 'date_start'] }));
      expect(first).toEqual({ id: 1, name: 'WH/MO/00001', date_start: '2026-11-22 08:32:10' });
    });

    it('rejects date_planned_start as an invalid field, and fields_get does not list it', async () => {
      const cookie = await login(app);
      const answer = await callKw(app, cookie, 'mrp.production', 'search_read', [], { fields: ['name', 'date_planned_start'], limit: 1 });
      expect(answer.error?.code).toBe(200);
      expect(answer.error?.data.name).toBe('builtins.ValueError');
      expect(answer.error?.data.message).toBe("Invalid field 'date_planned_start' on model 'mrp.production'");
      const fields = await callKw(app, cookie, 'mrp.production', 'fields_get', [], { attributes: ['type', 'string'] });
      const described = fields.result as Record<string, unknown>;
      expect(described['date_planned_start']).toBeUndefined();
      expect(described['date_start']).toEqual({ string: 'Start', type: 'datetime' });
      expect(described['product_id']).toEqual({ string: 'Product', type: 'many2one' });
    });

    it('rejects date_planned_start in a domain too', async () => {
      const answer = await executeKw(app, 'admin', 'mrp.production', 'search_count', [[['date_planned_start', '>=', '2026-01-01']]]);
      expect(answer.error?.data.message).toBe("Invalid field mrp.production.date_planned_start in leaf ('date_planned_start', '>=', '2026-01-01')");
    });
  });

  describe('Odoo 16 fields', () => {
    const { app } = setup();

    it('describes date_planned_start (planned) and date_start (actual) with relations for many2one', async () => {
      const cookie = await login(app);
      const answer = await callKw(app, cookie, 'mrp.production', 'fields_get', [['date_planned_start', 'date_start', 'product_id', 'state']], { attributes: ['type', 'string', 'relation', 'selection'] });
      expect(answer.result).toEqual({
        product_id: { type: 'many2one', string: 'Product', relation: 'product.product' },
        state: { type: 'selection', string: 'State', selection: expect.arrayContaining([['done', 'Done'], ['to_close', 'To Close']]) },
        date_planned_start: { type: 'datetime', string: 'Scheduled Date' },
        date_start: { type: 'datetime', string: 'Start Date' },
      });
    });

    it('returns every field when fields is empty, and many2one names agree with the related models', async () => {
      const cookie = await login(app);
      const [mo] = records(await callKw(app, cookie, 'mrp.production', 'read', [[10], []]));
      expect(mo).toMatchObject({ id: 10, name: expect.stringMatching(/^WH\/MO\/\d{5}$/), company_id: [expect.any(Number), expect.stringMatching(/^My Company/)] });
      const product = mo?.['product_id'];
      if (!Array.isArray(product)) throw new Error('product_id is not a many2one pair');
      const [productRow] = records(await callKw(app, cookie, 'product.product', 'read', [[product[0]], ['display_name', 'categ_id', 'default_code']]));
      expect(productRow?.['display_name']).toBe(product[1]);
      expect(product[1]).toMatch(/^\[[A-Z0-9_-]+\] /);
      const categ = productRow?.['categ_id'];
      if (!Array.isArray(categ)) throw new Error('categ_id is not a many2one pair');
      const [category] = records(await callKw(app, cookie, 'product.category', 'search_read', [[['id', '=', categ[0]]]], { fields: ['complete_name'] }));
      expect(category?.['complete_name']).toBe(categ[1]);
      const [uom] = records(await callKw(app, cookie, 'uom.uom', 'search_read', [[['name', '=', 'Units']]], { fields: ['name'] }));
      expect(uom).toEqual({ id: 1, name: 'Units' });
    });

    it('raises MissingError when reading an id that does not exist', async () => {
      const cookie = await login(app);
      const answer = await callKw(app, cookie, 'mrp.production', 'read', [[999999], ['name']]);
      expect(answer.error?.data.name).toBe('odoo.exceptions.MissingError');
    });

    it('has recent MOs for liquid, device and cartridge products', async () => {
      const since = odooDatetime(new Date(Date.now() - 30 * 86_400_000));
      for (const kind of ['liquid', 'device', 'cartridge']) {
        const answer = await executeKw(app, 'admin', 'mrp.production', 'search_count', [[['create_date', '>=', since], ['product_id.categ_id.name', 'ilike', kind]]]);
        expect(answer.result).toEqual(expect.any(Number));
        expect(answer.result).toBeGreaterThan(0);
      }
      const all = await executeKw(app, 'admin', 'mrp.production', 'search_count', [[]]);
      const recent = await executeKw(app, 'admin', 'mrp.production', 'search_count', [[['create_date', '>=', since]]]);
      expect(all.result).toBe(304);
      expect(recent.result).toBeLessThan(304);
    });

    it('selects MOs by category tree with child_of, as a production type mapping may', async () => {
      const count = async (domain: unknown[]) => (await executeKw(app, 'admin', 'mrp.production', 'search_count', [domain])).result as number;
      // Saleable holds Liquid, Office Furniture and Accessories; All holds every category but Device and Cartridge.
      const byName = async (name: string) => count([['product_id.categ_id.name', '=', name]]);
      const saleable = (await byName('Saleable')) + (await byName('Liquid')) + (await byName('Office Furniture')) + (await byName('Accessories'));
      expect(saleable).toBeGreaterThan(0);
      expect(await count([['product_id.categ_id', 'child_of', 'Saleable']])).toBe(saleable);
      expect(await count([['product_id.categ_id', 'child_of', 2]])).toBe(saleable);
      expect(await count([['product_id.categ_id', 'child_of', 'Liquid']])).toBe(await byName('Liquid'));
      expect(await count(['!', ['product_id.categ_id', 'child_of', 1]])).toBe((await byName('Device')) + (await byName('Cartridge')));
    });
  });

  describe('paging', () => {
    it('pages with limit/offset consistently with search_count', async () => {
      const { app } = setup();
      const cookie = await login(app);
      const since = odooDatetime(new Date(Date.now() - 30 * 86_400_000));
      const domain = [['create_date', '>=', since], '|', ['state', '=', 'done'], ['product_id.categ_id.name', 'ilike', 'liquid']];
      const count = (await callKw(app, cookie, 'mrp.production', 'search_count', [domain])).result;
      if (typeof count !== 'number') throw new Error('count is not a number');
      expect(count).toBeGreaterThan(20);
      const seen: number[] = [];
      for (let offset = 0; offset < count + 20; offset += 20) {
        const page = records(await callKw(app, cookie, 'mrp.production', 'search_read', [], { domain, fields: ['name', 'create_date'], order: 'create_date desc, id desc', limit: 20, offset }));
        seen.push(...page.map((r) => Number(r['id'])));
      }
      expect(seen).toHaveLength(count);
      expect(new Set(seen).size).toBe(count);
      const all = records(await callKw(app, cookie, 'mrp.production', 'search_read', [domain, ['create_date']], { order: 'create_date desc, id desc' }));
      expect(all.map((r) => r['id'])).toEqual(seen);
      const dates = all.map((r) => String(r['create_date']));
      expect([...dates].sort().reverse()).toEqual(dates);
    });

    it('reseeds through the control endpoint and serves 3 × 1000 rows quickly', async () => {
      const { app } = setup();
      const state = await request(app).post('/odoo/__control/reset').send({ version: 16, count: 10_000, seed: 42 }).expect(200);
      expect(state.body).toMatchObject({ version: 16, moCount: 10_000, seed: 42, productions: 10_004 });
      const again = await request(app).get('/odoo/__control/state').expect(200);
      expect(again.body).toMatchObject({ productions: 10_004, db: 'mrpdemo' });
      await request(app).post('/odoo/__control/reset').send({ version: 18 }).expect(400);

      const started = Date.now();
      const ids: number[] = [];
      for (const offset of [0, 1000, 2000]) {
        const domain = [['product_id.categ_id.name', 'ilike', 'i']];
        const page = records(await executeKw(app, DEFAULT_API_KEY, 'mrp.production', 'search_read', [domain], { fields: ['name', 'product_id', 'create_date'], order: 'id asc', limit: 1000, offset }));
        expect(page).toHaveLength(1000);
        ids.push(...page.map((r) => Number(r['id'])));
      }
      expect(Date.now() - started).toBeLessThan(5000);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(new Set(ids).size).toBe(3000);
    });

    it('is deterministic for a given seed', async () => {
      const a = setup({ seed: 99 }).system.database.mustTable('mrp.production').rows.slice(4, 20);
      const b = setup({ seed: 99 }).system.database.mustTable('mrp.production').rows.slice(4, 20);
      const c = setup({ seed: 100 }).system.database.mustTable('mrp.production').rows.slice(4, 20);
      expect(a.map((r) => [r['product_id'], r['state'], r['product_qty']])).toEqual(b.map((r) => [r['product_id'], r['state'], r['product_qty']]));
      expect(a.map((r) => r['product_id'])).not.toEqual(c.map((r) => r['product_id']));
    });
  });

  describe('two companies, deletes and moved products', () => {
    it('numbers MOs per company, so both companies have the same MO names', async () => {
      const { app } = setup();
      const all = records(await executeKw(app, DEFAULT_API_KEY, 'mrp.production', 'search_read', [[]], { fields: ['name', 'company_id'], order: 'id asc' }));
      const byCompany = new Map<number, string[]>();
      for (const mo of all) {
        const company = (mo['company_id'] as [number, string])[0];
        byCompany.set(company, [...(byCompany.get(company) ?? []), String(mo['name'])]);
      }
      const first = byCompany.get(1) ?? [];
      const second = byCompany.get(2) ?? [];
      expect(second.length).toBeGreaterThan(10);
      // Each company counts from 00001 in creation order, unique within the company only.
      expect(first.slice(0, 4)).toEqual(['WH/MO/00001', 'WH/MO/00002', 'WH/MO/00003', 'WH/MO/00004']);
      expect(second.slice(0, 2)).toEqual(['WH/MO/00001', 'WH/MO/00002']);
      expect(new Set(first).size).toBe(first.length);
      expect(new Set(second).size).toBe(second.length);
      const repeated = await executeKw(app, DEFAULT_API_KEY, 'mrp.production', 'search_count', [[['name', '=', second[5]]]]);
      expect(repeated.result).toBe(2);
    });

    it('deletes records and writes fields through the control routes', async () => {
      const { app } = setup();
      const count = async (domain: unknown[]) => (await executeKw(app, DEFAULT_API_KEY, 'mrp.production', 'search_count', [domain])).result as number;
      expect((await request(app).post('/odoo/__control/unlink').send({ model: 'mrp.production', ids: [5, 6, 999999] }).expect(200)).body).toEqual({ deleted: 2 });
      expect(await count([])).toBe(302);
      expect((await executeKw(app, DEFAULT_API_KEY, 'mrp.production', 'read', [[5], ['name']])).error?.data.name).toBe('odoo.exceptions.MissingError');

      // A product moved to another category takes its MOs from one production type's domain to another's.
      const devices = await count([['product_id.categ_id.name', 'ilike', 'device']]);
      const [nova] = records(await executeKw(app, DEFAULT_API_KEY, 'product.product', 'search_read', [[['default_code', '=', 'DV-NOVA-BLK']]], { fields: ['id'] }));
      const novaMos = await count([['product_id.default_code', '=', 'DV-NOVA-BLK']]);
      expect(novaMos).toBeGreaterThan(0);
      await request(app).post('/odoo/__control/write').send({ model: 'product.product', ids: [nova?.['id']], values: { categ_id: 6 } }).expect(200);
      expect(await count([['product_id.categ_id.name', 'ilike', 'device']])).toBe(devices - novaMos);

      await request(app).post('/odoo/__control/write').send({ model: 'mrp.production', ids: [7], values: { product_qty: 12.5, origin: 'S99999' } }).expect(200);
      const [mo] = records(await executeKw(app, DEFAULT_API_KEY, 'mrp.production', 'read', [[7], ['product_qty', 'origin']]));
      expect(mo).toEqual({ id: 7, product_qty: 12.5, origin: 'S99999' });

      await request(app).post('/odoo/__control/write').send({ model: 'mrp.production', ids: [7], values: { create_date: '2020-01-01 00:00:00' } }).expect(400);
      await request(app).post('/odoo/__control/write').send({ model: 'product.product', ids: [60], values: { categ_id: 999 } }).expect(400);
      await request(app).post('/odoo/__control/unlink').send({ model: 'no.model', ids: [1] }).expect(400);
    });

    it("searches products by reference or name, never by the whole display name, as each version's name search does", async () => {
      const found = async (version: 16 | 17, value: string, operator = 'ilike') => {
        const { app } = setup({ version });
        const rows = records(await executeKw(app, DEFAULT_API_KEY, 'mrp.production', 'search_read', [[['product_id', operator, value]]], { fields: ['product_id'] }));
        return new Set(rows.map((r) => (r['product_id'] as [number, string])[1]));
      };
      // 16.0 `_name_search` falls back to the reference inside the brackets; 17.0 on `_search_display_name` does not.
      expect([...(await found(16, '[CT-NOVA-08]'))]).toEqual(['[CT-NOVA-08] Nova Cartridge 0.8 ohm']);
      expect((await found(17, '[CT-NOVA-08]')).size).toBe(0);
      expect((await found(17, 'CT-NOVA-08] Nova')).size).toBe(0);
      expect([...(await found(17, 'nova cartridge 0.8'))]).toEqual(['[CT-NOVA-08] Nova Cartridge 0.8 ohm']);
      expect((await found(16, 'CT-NOVA')).size).toBe(2);
      // `%` and `_` stay wildcards unless escaped with a backslash, as PostgreSQL's ILIKE reads them.
      expect((await found(17, 'CT_NOVA')).size).toBe(2);
      expect((await found(17, 'CT\\_NOVA')).size).toBe(0);
    });
  });

  describe('credentials', () => {
    const { app } = setup();

    it('accepts the API key instead of the password on /jsonrpc', async () => {
      expect((await rpc(app, '/jsonrpc', { service: 'common', method: 'authenticate', args: ['mrpdemo', 'admin', DEFAULT_API_KEY, {}] })).result).toBe(2);
      expect((await rpc(app, '/jsonrpc', { service: 'common', method: 'login', args: ['mrpdemo', 'admin', DEFAULT_API_KEY] })).result).toBe(2);
      expect((await executeKw(app, DEFAULT_API_KEY, 'mrp.production', 'search_count', [[['state', '=', 'done']]])).result).toEqual(expect.any(Number));
      expect((await executeKw(app, 'not-a-key', 'mrp.production', 'search_count', [[]])).error?.data.name).toBe('odoo.exceptions.AccessDenied');
    });

    it('does not accept the API key for the interactive web login', async () => {
      const answer = await rpc(app, '/web/session/authenticate', { db: 'mrpdemo', login: 'admin', password: DEFAULT_API_KEY });
      expect(answer.error?.data.name).toBe('odoo.exceptions.AccessDenied');
      expect(answer.cookies).toHaveLength(0);
    });

    it('answers an unknown database with the PostgreSQL connection error', async () => {
      const answer = await rpc(app, '/jsonrpc', { service: 'common', method: 'authenticate', args: ['nodb', 'admin', 'admin', {}] });
      expect(answer.error?.code).toBe(200);
      expect(answer.error?.data.name).toBe('psycopg2.OperationalError');
      expect(answer.error?.data.message).toBe('connection to server at "localhost" (127.0.0.1), port 5432 failed: FATAL:  database "nodb" does not exist\n');
    });

    it('never sets a session cookie on /jsonrpc (save_session=False), with or without one', async () => {
      const cookie = await login(app);
      expect((await rpc(app, '/jsonrpc', { service: 'common', method: 'version', args: [] })).cookies).toEqual([]);
      expect((await executeKw(app, DEFAULT_API_KEY, 'mrp.production', 'search_count', [[]])).cookies).toEqual([]);
      expect((await rpc(app, '/jsonrpc', { service: 'common', method: 'version', args: [] }, cookie)).cookies).toEqual([]);
    });
  });

  describe('protocol faults from the fault registry', () => {
    const { app, faults } = setup();
    afterEach(() => faults.clear());

    it('protocol-error answers HTTP 200 with an Odoo Server Error, once', async () => {
      const cookie = await login(app);
      await request(app).post('/__sandbox/faults').send({ system: 'odoo', kind: 'protocol-error', times: 1, pathIncludes: 'call_kw' }).expect(201);
      const failed = await callKw(app, cookie, 'mrp.production', 'search_count', [[]]);
      expect(failed.id).toEqual(expect.any(Number));
      expect(failed.error).toMatchObject({ code: 200, message: 'Odoo Server Error' });
      expect(failed.error?.data.debug).toMatch(/^Traceback \(most recent call last\):/);
      expect((await callKw(app, cookie, 'mrp.production', 'search_count', [[]])).result).toBe(304);
    });

    it('session-expired answers code 100 with a null id, even with a live session', async () => {
      const cookie = await login(app);
      faults.add('odoo', { kind: 'session-expired', times: 1 });
      const failed = await callKw(app, cookie, 'mrp.production', 'search_count', [[]]);
      expect(failed.id).toBeNull();
      expect(failed.error).toMatchObject({ code: 100, message: 'Odoo Session Expired', data: { name: 'odoo.http.SessionExpiredException', message: 'Session expired' } });
      expect((await callKw(app, cookie, 'mrp.production', 'search_count', [[]])).result).toBe(304);
    });
  });

  describe('sessions', () => {
    it('the expire-sessions control makes the next call answer SessionExpiredException', async () => {
      const { app } = setup();
      const cookie = await login(app);
      expect((await callKw(app, cookie, 'mrp.production', 'search_count', [[]])).result).toBe(304);
      const expired = await request(app).post('/odoo/__control/expire-sessions').expect(200);
      expect(expired.body).toEqual({ expired: 1 });
      const answer = await callKw(app, cookie, 'mrp.production', 'search_count', [[]]);
      expect(answer.id).toBeNull();
      expect(answer.error?.code).toBe(100);
      expect((await rpc(app, '/web/session/get_session_info', {}, cookie)).error?.code).toBe(100);
    });

    it('expires a session 7 days after it was last saved; get_session_info saves it', async () => {
      let clock = Date.parse('2026-11-22T08:00:00Z');
      const { app } = setup({ now: () => new Date(clock), moCount: 0 });
      const cookie = await login(app);
      expect(cookie).toMatch(/^session_id=[0-9a-f]{40}$/);
      clock += 6 * 86_400_000;
      const info = await rpc(app, '/web/session/get_session_info', {}, cookie);
      expect(info.result).toMatchObject({ uid: 2, db: 'mrpdemo', username: 'admin' });
      expect(info.cookies[0]).toContain('Max-Age=604800; HttpOnly; Path=/');
      clock += 6 * 86_400_000;
      expect((await callKw(app, cookie, 'mrp.production', 'search_count', [[]])).result).toBe(4);
      clock += 2 * 86_400_000;
      expect((await callKw(app, cookie, 'mrp.production', 'search_count', [[]])).error?.code).toBe(100);
    });
  });

  describe('call_kw arguments', () => {
    const { app } = setup({ moCount: 0 });

    it('binds positional and keyword arguments like Python', async () => {
      const cookie = await login(app);
      const both = await callKw(app, cookie, 'mrp.production', 'search_read', [[]], { domain: [] });
      expect(both.error?.data).toMatchObject({ name: 'builtins.TypeError', message: "BaseModel.search_read() got multiple values for argument 'domain'" });
      const unknown = await callKw(app, cookie, 'mrp.production', 'search_read', [], { nope: 1 });
      expect(unknown.error?.data.name).toBe('builtins.TypeError');
      const method = await callKw(app, cookie, 'mrp.production', 'unlink_all', []);
      expect(method.error?.data).toMatchObject({ name: 'builtins.AttributeError', message: "type object 'mrp.production' has no attribute 'unlink_all'" });
    });

    it('applies the model default order (priority desc, date_planned_start asc, id) and rejects bad orders', async () => {
      const cookie = await login(app);
      const ids = records(await callKw(app, cookie, 'mrp.production', 'search_read', [[], ['name']])).map((r) => r['id']);
      expect(ids).toEqual([1, 3, 4, 2]);
      const bad = await callKw(app, cookie, 'mrp.production', 'search', [[]], { order: 'id; drop table' });
      expect(bad.error?.data.name).toBe('builtins.ValueError');
      expect((await callKw(app, cookie, 'mrp.production', 'search', [[]], { order: 'id desc', limit: 2 })).result).toEqual([4, 3]);
    });

    it('takes prototype keys for nothing: not as an order field, a keyword argument or a domain operator', async () => {
      const cookie = await login(app);
      for (const order of ['__proto__', 'constructor desc', 'tostring']) {
        const answer = await callKw(app, cookie, 'mrp.production', 'search', [[]], { order });
        expect(answer.error?.data).toMatchObject({ name: 'builtins.ValueError', message: expect.stringMatching(/Invalid (field|"order")/) });
      }
      const kwarg = await callKw(app, cookie, 'mrp.production', 'search_count', [], { constructor: 1 });
      expect(kwarg.error?.data.name).toBe('builtins.TypeError');
      // Odoo's normalize_domain counts an unknown string as a term, then the parser finds it is no leaf.
      const domain = await callKw(app, cookie, 'mrp.production', 'search_count', [['constructor', ['id', '>', 0]]]);
      expect(domain.error?.data).toMatchObject({ name: 'builtins.ValueError', message: 'Invalid leaf constructor' });
    });

    it('16.0 search_read reads only what it found, so an unknown field in an empty result is no error', async () => {
      const cookie = await login(app);
      const answer = await callKw(app, cookie, 'mrp.production', 'search_read', [[['id', '<', 0]]], { fields: ['no_such_field'] });
      expect(answer.result).toEqual([]);
    });
  });
});
