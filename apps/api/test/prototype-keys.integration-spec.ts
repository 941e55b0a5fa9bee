import {
  ApiFixtures,
  ApiOperation,
  concretePath,
  createApiFixtures,
  isEnvelope,
  loadOperations,
  Schema,
} from './support/openapi-walk';
import { createTestApp, TEST_PASSWORD, TestApp, TestUser } from './support/test-app';

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

/** A parameter whose values come from a closed set or a format: a prototype key is never one of them. */
function isKeyed(schema: Schema | undefined): boolean {
  if (!schema) return false;
  return Boolean(schema.enum || schema.format || schema.pattern || (schema.type && schema.type !== 'string'));
}

/**
 * `sort=__proto__` once reached a plain-object lookup and poisoned Object.prototype: every later login was a 500
 * and every token a 401 until a restart. This sends prototype keys in every query parameter of every list endpoint
 * (and both exports), and as body property names to every JSON body route, then checks the server still works.
 */
describe('prototype keys (integration)', () => {
  let t: TestApp;
  let admin: TestUser;
  let bystander: TestUser;
  let fixtures: ApiFixtures;
  let operations: ApiOperation[];
  const auth = () => ({ Authorization: `Bearer ${admin.token}` });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.loginAs('admin');
    bystander = await t.loginAs('staff');
    fixtures = await createApiFixtures(t, admin.token);
    operations = (await loadOperations(t)).operations;
  });
  afterAll(() => t.close());

  it('answers 400 to a prototype key in every keyed query parameter, and never harms the server through a free-text one', async () => {
    const lists = operations.filter((o) => o.method === 'get' && o.query.length > 0);
    expect(lists.length).toBeGreaterThanOrEqual(15);
    expect(lists.map((o) => o.path)).toEqual(
      expect.arrayContaining([
        '/api/v1/parts',
        '/api/v1/sale-orders/export.xlsx',
        '/api/v1/purchase-orders/export.xlsx',
      ]),
    );
    const wrong: string[] = [];
    let keyedChecks = 0;
    for (const list of lists) {
      for (const param of list.query) {
        const keyed = isKeyed(param.schema as Schema);
        for (const key of PROTOTYPE_KEYS) {
          const url = `${concretePath(list.path, fixtures)}?${param.name}=${encodeURIComponent(key)}`;
          const res = await t.http.get(url).set(auth());
          if (keyed) keyedChecks += 1;
          // A search for the text "constructor" is a fine 200 (the live Odoo list is a 400 here: no Odoo is set up);
          // anything else, a 401 for the valid token above all, means the key did harm.
          const expected = keyed || list.path === '/api/odoo/mo-list' ? [400] : [200];
          if (!expected.includes(res.status)) wrong.push(`GET ${url} -> ${res.status}`);
          else if (res.status === 400 && !isEnvelope(res.body))
            wrong.push(`GET ${url} -> ${res.status} without the envelope`);
        }
      }
    }
    expect(keyedChecks).toBeGreaterThan(300);
    expect(wrong).toEqual([]);
  });

  it('counts nothing for a free-text filter that names a prototype key', async () => {
    for (const key of PROTOTYPE_KEYS) {
      const run = await t.http.get(`/api/sync-runs/${fixtures.syncRunId}?status=${key}`).set(auth()).expect(200);
      expect(run.body.data.itemsMeta).toEqual({ page: 1, limit: 50, total: 0, pages: 1 });
    }
  });

  it('counts MO states Odoo reports, whatever their names', async () => {
    // States come from Odoo, an outside system: names such as these must be counted, not looked up.
    await t.ds.query(
      `INSERT INTO odoo_mo_cache (odoo_db, odoo_id, mo_number, production_type, sku_name, state) VALUES
         ('', 1, 'MO/P/1', 'liquid', 'x', 'constructor'), ('', 2, 'MO/P/2', 'liquid', 'x', 'constructor'), ('', 3, 'MO/P/3', 'liquid', 'x', 'toString')`,
    );
    const stats = await t.http.get('/api/admin/mo-stats').set(auth()).expect(200);
    expect(stats.body.data.byState).toEqual({ constructor: 2, toString: 1 });
    expect(
      stats.body.data.byType.find((b: { production_type: string }) => b.production_type === 'liquid').byState,
    ).toEqual({ constructor: 2, toString: 1 });
  });

  it('answers 400 to prototype keys as query parameter names', async () => {
    for (const key of PROTOTYPE_KEYS.slice(0, 3)) {
      const res = await t.http.get(`/api/v1/parts?${key}=1`).set(auth()).expect(400);
      expect(isEnvelope(res.body)).toBe(true);
    }
  });

  it('answers 400 to prototype keys as body property names, at the top and nested', async () => {
    const writes = operations.filter((o) => o.body);
    expect(writes.length).toBeGreaterThan(30);
    const wrong: string[] = [];
    for (const write of writes) {
      for (const key of PROTOTYPE_KEYS) {
        for (const raw of [
          `{"${key}": {"polluted": true}}`,
          `{"value": {"${key}": {"polluted": true}}, "product_lines": [{"${key}": {"polluted": true}}]}`,
        ]) {
          const res = await t.http[write.method](concretePath(write.path, fixtures))
            .set(auth())
            .set('Content-Type', 'application/json')
            .send(raw);
          if (res.status !== 400 || !isEnvelope(res.body))
            wrong.push(`${write.method.toUpperCase()} ${write.path} ${raw} -> ${res.status}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('leaves Object.prototype alone, and login and an existing token still work', async () => {
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.keys(Object.prototype)).toEqual([]);
    await t.http.post('/api/auth/login').send({ email: admin.email, password: TEST_PASSWORD }).expect(200);
    await t.http.get('/api/auth/me').set('Authorization', `Bearer ${bystander.token}`).expect(200);
    const parts = await t.http.get('/api/v1/parts?sort=stock&order=desc').set(auth()).expect(200);
    expect(parts.body.data.length).toBeGreaterThan(0);
  });
});
