import { SchedulerRegistry } from '@nestjs/schedule';
import request from 'supertest';
import { PARTS_SYNC_JOB } from '../src/parts-sync/parts-sync.scheduler';
import { ApiFixtures, createApiFixtures } from './support/openapi-walk';
import { createTestApp, TestApp, TestUser } from './support/test-app';

/** A 4xx in the error envelope, with the given status and code. */
function expectError(res: request.Response, status: number, code?: string): void {
  expect({ status: res.status, body: res.body }).toEqual({
    status,
    body: expect.objectContaining({ success: false, error: expect.any(String), code: code ?? expect.any(String) }),
  });
}

/** Each class of input that used to answer 500 (or 200 while ignoring the input), answered with a 4xx instead. */
describe('bad input is a 4xx (integration)', () => {
  let t: TestApp;
  let admin: TestUser;
  let f: ApiFixtures;
  const auth = () => ({ Authorization: `Bearer ${admin.token}` });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.loginAs('admin');
    f = await createApiFixtures(t, admin.token);
  });
  afterAll(() => t.close());

  describe('NUL characters and unpaired surrogates', () => {
    it('refuses a NUL in a body string, naming the field', async () => {
      const res = await t.http
        .post(`/api/v1/parts/${f.partId}/adjust-stock`)
        .set(auth())
        .send({ quantity: 1, note: 'stock\u0000opname' });
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.fields).toEqual([{ field: 'note', messages: ['note contains a NUL character'] }]);
    });

    it('refuses a NUL in a search query, also on both XLSX exports (an error, not a cut-off download)', async () => {
      for (const url of [
        '/api/v1/parts?q=a%00b',
        '/api/v1/sale-orders/export.xlsx?q=%00',
        '/api/v1/purchase-orders/export.xlsx?q=x%00',
      ]) {
        const res = await t.http.get(url).set(auth());
        expectError(res, 400, 'VALIDATION_FAILED');
        expect(res.headers['content-type']).toMatch(/^application\/json/);
      }
      await t.http.get('/api/users/%00').set(auth()).expect(400);
    });

    it('marks uploaded rows with a NUL as import errors, and previews the rest', async () => {
      const file = Buffer.from(
        'kode,nama,harga\nOK-1,Fine part,10\nBAD\u0000KODE,Bad part,10\nOK-2,Bad\u0000name,10\n',
      );
      const res = await t.http.post('/api/v1/import/parts').set(auth()).attach('file', file, 'parts.csv').expect(200);
      expect(res.body.data.rows).toEqual([
        expect.objectContaining({ row: 1, action: 'create', errors: [] }),
        expect.objectContaining({ row: 2, action: 'error', errors: ['kode contains a NUL character'] }),
        expect.objectContaining({ row: 3, action: 'error', errors: ['nama contains a NUL character'] }),
      ]);
      expectError(
        await t.http.post('/api/v1/import/parts?commit=true').set(auth()).attach('file', file, 'parts.csv'),
        422,
        'MASTER_DATA_IMPORT_INVALID',
      );
    });

    it('refuses unpaired surrogates in an email and in a note', async () => {
      const email = await t.http
        .post('/api/users')
        .set(auth())
        .set('Content-Type', 'application/json')
        .send('{"email":"a\\ud800@test.local","name":"X","role":"staff","password":"long-enough-1"}');
      expectError(email, 400, 'VALIDATION_FAILED');
      expect(email.body.fields[0].field).toBe('email');
      const note = await t.http
        .post(`/api/v1/parts/${f.partId}/adjust-stock`)
        .set(auth())
        .set('Content-Type', 'application/json')
        .send('{"quantity":1,"note":"x\\udc00"}');
      expectError(note, 400, 'VALIDATION_FAILED');
      // A surrogate pair (an emoji) is fine.
      await t.http
        .post(`/api/v1/parts/${f.partId}/adjust-stock`)
        .set(auth())
        .send({ quantity: 1, note: 'opname 📦' })
        .expect(200);
    });
  });

  describe('numbers and dates out of range', () => {
    it('refuses huge page numbers', async () => {
      expectError(await t.http.get('/api/v1/parts?page=99999999999999999999').set(auth()), 400, 'VALIDATION_FAILED');
      expectError(
        await t.http.get(`/api/v1/parts/${f.partId}/stock-moves?page=999999999999`).set(auth()),
        400,
        'VALIDATION_FAILED',
      );
      expectError(await t.http.get('/api/sync-runs?page=1000001').set(auth()), 400, 'VALIDATION_FAILED');
      await t.http.get('/api/sync-runs?page=1000000').set(auth()).expect(200);
    });

    it('refuses impossible dates in filters and bodies', async () => {
      for (const url of [
        '/api/audit-logs?to=2026-02-30',
        '/api/audit-logs?from=0000-01-01',
        '/api/audit-logs?from=2026-01-01T25:00:00Z',
        '/api/v1/sale-orders?date_from=0000-01-01',
      ]) {
        expectError(await t.http.get(url).set(auth()), 400, 'VALIDATION_FAILED');
      }
      await t.http.get('/api/audit-logs?from=2024-02-29&to=2026-02-01T10:00:00.000%2B07:00').set(auth()).expect(200);
      const res = await t.http
        .patch(`/api/v1/sale-orders/${f.saleOrderId}`)
        .set(auth())
        .send({ order_date: '2026-02-30' });
      expectError(res, 400, 'VALIDATION_FAILED');
    });

    it('refuses a sort field outside the allow-list', async () => {
      const res = await t.http.get('/api/v1/parts?sort=toString').set(auth());
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.error).toMatch(
        /sort must be one of the following values: kode, nama, harga, stock, po_number, created_at/,
      );
    });
  });

  describe('null for fields that cannot be cleared', () => {
    it('refuses null on PATCH for a user, an order and a part, and writes nothing', async () => {
      for (const body of [{ email: null }, { role: null }, { active: null }, { name: null }]) {
        expectError(await t.http.patch(`/api/users/${f.userId}`).set(auth()).send(body), 400, 'VALIDATION_FAILED');
      }
      for (const body of [{ order_date: null }, { subtotal: null }, { status: null }, { customer_id: null }]) {
        expectError(
          await t.http.patch(`/api/v1/sale-orders/${f.saleOrderId}`).set(auth()).send(body),
          400,
          'VALIDATION_FAILED',
        );
      }
      for (const body of [{ harga: null }, { kode: null }, { unit: null }]) {
        expectError(await t.http.patch(`/api/v1/parts/${f.partId}`).set(auth()).send(body), 400, 'VALIDATION_FAILED');
      }
      expectError(
        await t.http.post('/api/v1/parts').set(auth()).send({ kode: 'NULL-STOCK', nama: 'x', harga: 1, stock: null }),
        400,
        'VALIDATION_FAILED',
      );
      // Fields that can be cleared still take null.
      const cleared = await t.http
        .patch(`/api/v1/sale-orders/${f.saleOrderId}`)
        .set(auth())
        .send({ keterangan: null })
        .expect(200);
      expect(cleared.body.data.keterangan).toBeNull();
      const user = await t.http.get(`/api/users/${f.userId}`).set(auth()).expect(200);
      expect(user.body.data).toMatchObject({ role: 'staff', active: true });
    });
  });

  describe('bodies of the wrong type or shape', () => {
    it('answers 415 to a JSON route sent another media type or charset, instead of ignoring the body', async () => {
      const schedule = '/api/master/parts/sync-po/schedule';
      const body = JSON.stringify({ enabled: false });
      for (const type of [
        'application/octet-stream',
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/json; charset=latin1',
        'application/json; charset=utf-16',
      ]) {
        expectError(
          await t.http.put(schedule).set(auth()).set('Content-Type', type).send(body),
          415,
          'UNSUPPORTED_MEDIA_TYPE',
        );
      }
      expect((await t.http.get(schedule).set(auth()).expect(200)).body.data.enabled).toBe(true);
      await t.http
        .put(schedule)
        .set(auth())
        .set('Content-Type', 'application/json; charset=UTF-8')
        .send(body)
        .expect(200);
      expect((await t.http.get(schedule).set(auth()).expect(200)).body.data.enabled).toBe(false);
      expectError(
        await t.http.post('/api/auth/login').set('Content-Type', 'application/json; charset=latin1').send('{}'),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
    });

    it('answers 415 to an upload that is not multipart', async () => {
      expectError(
        await t.http.post('/api/v1/import/parts').set(auth()).send({ file: 'kode,nama\n' }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
    });

    it('refuses JSON nested 10,000 deep before parsing it', async () => {
      const deep = `{"note":${'['.repeat(10_000)}${']'.repeat(10_000)},"quantity":1}`;
      const res = await t.http
        .post(`/api/v1/parts/${f.partId}/adjust-stock`)
        .set(auth())
        .set('Content-Type', 'application/json')
        .send(deep);
      expectError(res, 400, 'JSON_TOO_DEEP');
      // Brackets inside strings are text, not nesting.
      await t.http
        .post(`/api/v1/parts/${f.partId}/adjust-stock`)
        .set(auth())
        .send({ quantity: 1, note: '['.repeat(100) })
        .expect(200);
    });

    it('refuses an Odoo base URL (and any URL setting) with a user name or password, and never shows one', async () => {
      const res = await t.http
        .put('/api/admin/odoo-config')
        .set(auth())
        .send({ baseUrl: 'http://admin:SECRET-KEY@odoo.example.com' });
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.error).toMatch(/must not contain a user name or password/);
      expectError(
        await t.http.put('/api/admin/odoo-config').set(auth()).send({ baseUrl: 'https://@odoo.example.com' }),
        400,
      );
      expectError(
        await t.http.put('/api/settings/odoo.baseUrl').set(auth()).send({ value: 'https://key@odoo.example.com/' }),
        400,
        'SETTING_INVALID_VALUE',
      );
      await t.http
        .put('/api/admin/odoo-config')
        .set(auth())
        .send({ baseUrl: 'https://odoo.example.com/erp@2' })
        .expect(200);
      const view = await t.http.get('/api/admin/odoo-config').set(auth()).expect(200);
      expect(view.body.data.baseUrl).toBe('https://odoo.example.com/erp@2');
      const audit = JSON.stringify(
        (await t.http.get('/api/audit-logs?resourceType=SETTING&limit=200').set(auth()).expect(200)).body,
      );
      expect(audit).not.toContain('SECRET-KEY');
    });
  });

  describe('the PO-number schedule', () => {
    it('registers idempotently and one change at a time: 10 parallel PUTs all answer 200, and one job remains', async () => {
      const crons = Array.from({ length: 10 }, (_, i) => `${i} 3 * * *`);
      const results = await Promise.all(
        crons.map((cron) => t.http.put('/api/master/parts/sync-po/schedule').set(auth()).send({ cron, enabled: true })),
      );
      expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
      const registry = t.app.get(SchedulerRegistry);
      expect([...registry.getCronJobs().keys()].filter((k) => k === PARTS_SYNC_JOB)).toHaveLength(1);
      // The job runs the schedule the last change saved.
      const saved = (await t.http.get('/api/master/parts/sync-po/schedule').set(auth()).expect(200)).body.data;
      expect(crons).toContain(saved.cron);
      expect(String(registry.getCronJob(PARTS_SYNC_JOB).cronTime.source)).toBe(saved.cron);
    });
  });
});
