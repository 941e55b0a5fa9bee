import { AuditLogEntity } from '../src/audit/audit-log.entity';
import { createMasterData, MasterFixture, stockOf, withIds } from './support/orders-fixtures';
import * as seed from './support/seed-004-examples';
import { createTestApp, TestApp, TestUser } from './support/test-app';

const DECIMAL = /^-?\d+\.\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

describe('sale orders: the seed contract (integration)', () => {
  let t: TestApp;
  let user: TestUser;
  let m: MasterFixture;
  let ids: Record<string, string>;
  const auth = () => ({ Authorization: `Bearer ${user.token}` });

  beforeAll(async () => {
    t = await createTestApp();
    user = await t.loginAs('staff');
    const admin = await t.loginAs('admin');
    m = await createMasterData(t, admin.token);
    ids = {
      'uuid-customer-id-here': m.customerId,
      'uuid-product-id-here': m.partIds[0] as string,
      'uuid-product-id-here-2': m.partIds[1] as string,
      'uuid-service-id-here': m.serviceIds[0] as string,
    };
  });
  afterAll(() => t.close());

  it('creates the full example and returns the documented shape', async () => {
    const res = await t.http.post('/orders/sale').set(auth()).send(withIds(seed.CREATE_FULL, ids)).expect(201);
    const o = res.body.data;
    expect(res.body.success).toBe(true);
    expect(o).toMatchObject({
      order_number: 'SO-2025-001',
      order_date: '2025-01-15',
      status: 'draft',
      subtotal: '1500000.00',
      tax: '150000.00',
      total: '1650000.00',
      customer_id: m.customerId,
      // The header subtotal is accepted as sent; the computed lines total shows the difference.
      lines_total: '1750000.00',
      customer: { id: m.customerId, nama: expect.any(String), email: expect.any(String) },
    });
    expect(o.created_at).toMatch(TIMESTAMP);
    expect(o.product_lines).toHaveLength(2);
    expect(o.product_lines[0]).toMatchObject({
      sale_order_id: o.id,
      product_id: m.partIds[0],
      line_number: 1,
      description: 'AC Split 1 PK',
      qty: '2.00',
      unit_price: '500000.00',
      discount: '0.00',
      line_total: '1000000.00',
      hpp: null,
      product: { id: m.partIds[0], kode: expect.any(String), nama: expect.any(String), harga: '450000.00' },
    });
    expect(o.service_lines[0]).toMatchObject({
      sale_order_id: o.id,
      service_id: m.serviceIds[0],
      qty: '1.00',
      discount: '50000.00',
      line_total: '250000.00',
      service: { id: m.serviceIds[0], harga: '100000.00' },
    });
    for (const v of [o.subtotal, o.tax, o.total, o.product_lines[1].qty]) expect(v).toMatch(DECIMAL);
  });

  it('creates the minimal and the snapshot examples', async () => {
    await t.http.post('/orders/sale').set(auth()).send(withIds(seed.CREATE_MINIMAL, ids)).expect(201);
    const res = await t.http.post('/orders/sale').set(auth()).send(withIds(seed.CREATE_WITH_SNAPSHOT, ids)).expect(201);
    expect(res.body.data).toMatchObject({
      nama: 'PT. Mitra Usaha',
      alamat: 'Jl. Merdeka No. 123, Jakarta',
      hp: '021-12345678',
      keterangan: 'Customer korporat terpercaya',
    });
    expect(res.body.data.product_lines[0].hpp).toBe('300000.00');
  });

  it('reads one order and lists orders with the nested customer', async () => {
    const created = await t.http
      .post('/orders/sale')
      .set(auth())
      .send(withIds({ ...seed.CREATE_MINIMAL, order_number: 'SO-READ-1' }, ids))
      .expect(201);
    const one = await t.http.get(`/orders/sale/${created.body.data.id}`).set(auth()).expect(200);
    expect(one.body.data).toMatchObject({ id: created.body.data.id, product_lines: [], service_lines: [] });
    const list = await t.http.get('/orders/sale').set(auth()).expect(200);
    expect(Array.isArray(list.body.data)).toBe(true);
    const row = list.body.data.find((r: { id: string }) => r.id === created.body.data.id);
    expect(row.customer).toMatchObject({ id: m.customerId });
    expect(row.product_lines).toBeUndefined();
  });

  it('applies every update example, confirming and taking stock exactly once', async () => {
    const partBefore = await stockOf(t, m.partIds[0] as string);
    const created = await t.http
      .post('/orders/sale')
      .set(auth())
      .send(withIds({ ...seed.CREATE_FULL, order_number: 'SO-UPD-1' }, ids))
      .expect(201);
    const id = created.body.data.id;
    const res = await t.http.post(`/orders/update/sale/${id}`).set(auth()).send(withIds(seed.UPDATE_FULL, ids)).expect(200);
    expect(res.body.data).toMatchObject({ order_number: 'SO-2025-001-UPDATED', order_date: '2025-01-16', status: 'confirmed' });
    expect(await stockOf(t, m.partIds[0] as string)).toBe((Number(partBefore) - 2).toFixed(2));

    // Re-sending the status-only and snapshot examples changes no stock: confirmed → confirmed is not a transition.
    await t.http.post(`/orders/update/sale/${id}`).set(auth()).send(seed.UPDATE_STATUS_ONLY).expect(200);
    const snap = await t.http.post(`/orders/update/sale/${id}`).set(auth()).send(seed.UPDATE_WITH_SNAPSHOT).expect(200);
    expect(snap.body.data.keterangan).toBe('Konfirmasi dari customer');
    expect(await stockOf(t, m.partIds[0] as string)).toBe((Number(partBefore) - 2).toFixed(2));
  });

  it('adds and deletes lines with the documented payloads and responses, while draft', async () => {
    const created = await t.http.post('/orders/sale').set(auth()).send(withIds({ ...seed.CREATE_MINIMAL, order_number: 'SO-LINES' }, ids)).expect(201);
    const id = created.body.data.id;
    const pl = await t.http.post(`/orders/add/sale/product-lines/${id}`).set(auth()).send(withIds(seed.ADD_PRODUCT_LINE, ids)).expect(201);
    expect(pl.body.data).toMatchObject({ sale_order_id: id, line_number: 2, qty: '2.00', line_total: '800000.00', hpp: '250000.00' });
    const sl = await t.http.post(`/orders/add/sale/service-lines/${id}`).set(auth()).send(withIds(seed.ADD_SERVICE_LINE, ids)).expect(201);
    expect(sl.body.data).toMatchObject({ sale_order_id: id, service_id: m.serviceIds[0], line_total: '250000.00' });

    const delP = await t.http.post(`/orders/delete/sale/product-lines/${pl.body.data.id}`).set(auth()).send({}).expect(200);
    expect(delP.body.data).toMatchObject({ id: pl.body.data.id, description: 'AC Split 1.5 PK' });
    const delS = await t.http.post(`/orders/delete/sale/service-lines/${sl.body.data.id}`).set(auth()).expect(200);
    expect(delS.body.data.id).toBe(sl.body.data.id);
    const after = await t.http.get(`/orders/sale/${id}`).set(auth()).expect(200);
    expect(after.body.data.product_lines).toEqual([]);
  });

  it('deletes a draft order with the documented response (managers)', async () => {
    const manager = await t.loginAs('manager');
    const created = await t.http.post('/orders/sale').set(auth()).send(withIds({ ...seed.CREATE_MINIMAL, order_number: 'SO-DEL' }, ids)).expect(201);
    const res = await t.http.post(`/orders/delete/sale/${created.body.data.id}`).set('Authorization', `Bearer ${manager.token}`).expect(200);
    expect(res.body).toEqual({ success: true, data: { message: 'Sale Order deleted successfully' } });
    const gone = await t.http.get(`/orders/sale/${created.body.data.id}`).set(auth()).expect(404);
    expect(gone.body).toMatchObject({ success: false, error: 'Sale Order not found' });
  });

  describe('error responses', () => {
    it('400 "Invalid data provided" naming the field and the expected value for a wrong line_total', async () => {
      const bad = withIds({ ...seed.CREATE_FULL, order_number: 'SO-BAD-1' }, ids);
      bad.product_lines[0] = { ...(bad.product_lines[0] as (typeof bad.product_lines)[0]), line_total: 999 };
      const res = await t.http.post('/orders/sale').set(auth()).send(bad).expect(400);
      expect(res.body.error).toMatch(/^Invalid data provided: product_lines\.0\.line_total must equal qty × unit_price − discount = 1000000\.00/);
      expect(res.body.fields[0].field).toBe('product_lines.0.line_total');
    });

    it('400 when total is not subtotal + tax', async () => {
      const res = await t.http
        .post('/orders/sale')
        .set(auth())
        .send(withIds({ ...seed.CREATE_MINIMAL, order_number: 'SO-BAD-2', total: 5 }, ids))
        .expect(400);
      expect(res.body.error).toContain('total must equal subtotal + tax = 0.00');
    });

    it('400 with a sentence for unknown customer, product and service ids; 404 for an unknown path id', async () => {
      const ghost = '00000000-0000-4000-8000-000000000000';
      const c = await t.http.post('/orders/sale').set(auth()).send({ ...withIds(seed.CREATE_MINIMAL, ids), order_number: 'SO-G1', customer_id: ghost }).expect(400);
      expect(c.body.error).toBe('customer_id does not match any customer.');
      const p = withIds({ ...seed.CREATE_FULL, order_number: 'SO-G2' }, { ...ids, 'uuid-product-id-here-2': ghost });
      const pr = await t.http.post('/orders/sale').set(auth()).send(p).expect(400);
      expect(pr.body.fields).toEqual([{ field: 'product_lines.1.product_id', messages: [`product_id ${ghost} does not match any product`] }]);
      const s = withIds({ ...seed.CREATE_FULL, order_number: 'SO-G3' }, { ...ids, 'uuid-service-id-here': ghost });
      await t.http.post('/orders/sale').set(auth()).send(s).expect(400);
      await t.http.post(`/orders/add/sale/product-lines/${ghost}`).set(auth()).send(withIds(seed.ADD_PRODUCT_LINE, ids)).expect(404);
      await t.http.post(`/orders/update/sale/${ghost}`).set(auth()).send({ status: 'confirmed' }).expect(404);
      await t.http.post(`/orders/delete/sale/product-lines/${ghost}`).set(auth()).expect(404);
    });

    it('401 "Unauthorized" without a token, reads included', async () => {
      const res = await t.http.get('/orders/sale').expect(401);
      expect(res.body).toMatchObject({ success: false, error: 'Unauthorized' });
      await t.http.post('/orders/sale').send(withIds(seed.CREATE_MINIMAL, ids)).expect(401);
    });

    it('409 for a duplicate order number, and nothing half-written', async () => {
      await t.http.post('/orders/sale').set(auth()).send(withIds({ ...seed.CREATE_FULL, order_number: 'SO-DUP' }, ids)).expect(201);
      const before = await t.ds.query(`SELECT count(*)::int AS n FROM order_product_lines`);
      const res = await t.http.post('/orders/sale').set(auth()).send(withIds({ ...seed.CREATE_FULL, order_number: 'SO-DUP' }, ids)).expect(409);
      expect(res.body.error).toBe('Sale Order number SO-DUP already exists.');
      expect(await t.ds.query(`SELECT count(*)::int AS n FROM order_product_lines`)).toEqual(before);
    });

    it('rejects unknown properties and malformed decimals', async () => {
      const res = await t.http.post('/orders/sale').set(auth()).send({ ...withIds(seed.CREATE_MINIMAL, ids), order_number: 'SO-X', foo: 1 }).expect(400);
      expect(res.body.error).toContain('property foo should not exist');
      const dec = await t.http.post('/orders/sale').set(auth()).send({ ...withIds(seed.CREATE_MINIMAL, ids), order_number: 'SO-Y', tax: 1.234 }).expect(400);
      expect(dec.body.fields[0].field).toBe('tax');
    });
  });

  it('writes the audit log in the same transaction as each change', async () => {
    const created = await t.http.post('/orders/sale').set(auth()).send(withIds({ ...seed.CREATE_MINIMAL, order_number: 'SO-AUD' }, ids)).expect(201);
    const rows = await t.ds.getRepository(AuditLogEntity).findBy({ resourceId: created.body.data.id });
    expect(rows.map((r) => r.action)).toEqual(['ORDER_CREATED']);
    expect(rows[0]).toMatchObject({ resourceType: 'SALE_ORDER', actorId: user.id });
  });
});
