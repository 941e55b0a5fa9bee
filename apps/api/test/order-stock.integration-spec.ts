import ExcelJS from 'exceljs';
import { createMasterData, MasterFixture, stockOf } from './support/orders-fixtures';
import { createTestApp, TestApp, TestUser } from './support/test-app';

describe('order state machine and stock ledger (integration)', () => {
  let t: TestApp;
  let user: TestUser;
  let admin: TestUser;
  let m: MasterFixture;
  const auth = (u: TestUser = user) => ({ Authorization: `Bearer ${u.token}` });
  let seq = 0;

  async function saleOrder(lines: { part: string; qty: number }[], status = 'draft') {
    seq += 1;
    const product_lines = lines.map((l, i) => ({
      product_id: l.part,
      line_number: i + 1,
      description: 'Part',
      qty: l.qty,
      unit_price: 1000,
      discount: 0,
      line_total: l.qty * 1000,
    }));
    const subtotal = lines.reduce((s, l) => s + l.qty * 1000, 0);
    const res = await t.http
      .post('/api/v1/sale-orders')
      .set(auth())
      .send({ order_number: `SO-ST-${seq}`, order_date: '2026-11-01', status, subtotal, tax: 0, total: subtotal, customer_id: m.customerId, product_lines })
      .expect(201);
    return res.body.data.id as string;
  }

  async function ledgerOk() {
    const res = await t.http.get('/api/v1/stock/check').set(auth(admin)).expect(200);
    expect(res.body.data).toMatchObject({ ok: true, mismatches: [] });
  }

  beforeAll(async () => {
    t = await createTestApp();
    user = await t.loginAs('staff');
    admin = await t.loginAs('admin');
    m = await createMasterData(t, admin.token, { parts: 5, stock: '1000' });
  });
  afterAll(() => t.close());

  it.each([
    ['draft', 'confirmed', 200],
    ['draft', 'cancelled', 200],
    ['draft', 'paid', 409],
    ['confirmed', 'paid', 200],
    ['confirmed', 'cancelled', 200],
    ['confirmed', 'draft', 409],
    ['paid', 'confirmed', 409],
    ['paid', 'cancelled', 409],
    ['paid', 'draft', 409],
    ['cancelled', 'confirmed', 409],
    ['cancelled', 'draft', 409],
    ['cancelled', 'paid', 409],
  ])('%s → %s answers %i', async (from, to, status) => {
    const id = await saleOrder([{ part: m.partIds[0] as string, qty: 1 }]);
    const path: Record<string, string[]> = { draft: [], confirmed: ['confirmed'], paid: ['confirmed', 'paid'], cancelled: ['cancelled'] };
    for (const step of path[from] ?? []) await t.http.post(`/orders/update/sale/${id}`).set(auth()).send({ status: step }).expect(200);
    const res = await t.http.post(`/orders/update/sale/${id}`).set(auth()).send({ status: to });
    expect(res.status).toBe(status);
    if (status === 409) {
      expect(res.body).toMatchObject({ success: false, code: 'ORDER_INVALID_TRANSITION', details: { current: from, requested: to } });
      expect(res.body.error).toContain(`from ${from} to ${to}`);
    }
    await ledgerOk();
  });

  it('applies stock exactly once through confirm, pay, and refused re-confirm; cancel reverses it', async () => {
    const part = m.partIds[1] as string;
    const before = Number(await stockOf(t, part));
    const id = await saleOrder([{ part, qty: 4 }, { part, qty: 1 }]);
    await t.http.post(`/api/v1/sale-orders/${id}/confirm`).set(auth()).expect(200);
    expect(Number(await stockOf(t, part))).toBe(before - 5);
    await t.http.post(`/api/v1/sale-orders/${id}/confirm`).set(auth()).expect(409);
    await t.http.post(`/api/v1/sale-orders/${id}/pay`).set(auth()).expect(200);
    // The seed's bug: paid → confirmed applied stock again. Here it is refused and stock is unchanged.
    await t.http.post(`/orders/update/sale/${id}`).set(auth()).send({ status: 'confirmed' }).expect(409);
    expect(Number(await stockOf(t, part))).toBe(before - 5);

    const other = await saleOrder([{ part, qty: 2 }]);
    await t.http.post(`/api/v1/sale-orders/${other}/confirm`).set(auth()).expect(200);
    await t.http.post(`/api/v1/sale-orders/${other}/cancel`).set(auth()).expect(200);
    expect(Number(await stockOf(t, part))).toBe(before - 5);
    const moves = await t.http.get(`/api/v1/parts/${part}/stock-moves?limit=3`).set(auth()).expect(200);
    expect(moves.body.data.map((mv: { reason: string; quantity: string }) => [mv.reason, mv.quantity])).toEqual([
      ['sale_cancelled', '2.00'],
      ['sale_confirmed', '-2.00'],
      ['sale_confirmed', '-1.00'],
    ]);
    expect(moves.body.data[0].balance_after).toBe((before - 5).toFixed(2));
    await ledgerOk();
  });

  it('refuses a confirm that would drive stock below zero, listing each short part, unless backorders are allowed', async () => {
    const low = await t.http.post('/api/v1/parts').set(auth(admin)).send({ kode: 'LOW-1', nama: 'Low stock', harga: 10, stock: 3 }).expect(201);
    const low2 = await t.http.post('/api/v1/parts').set(auth(admin)).send({ kode: 'LOW-2', nama: 'No stock', harga: 10 }).expect(201);
    const id = await saleOrder([
      { part: low.body.data.id, qty: 5 },
      { part: low2.body.data.id, qty: 1 },
    ]);
    const res = await t.http.post(`/api/v1/sale-orders/${id}/confirm`).set(auth()).expect(409);
    expect(res.body.code).toBe('STOCK_INSUFFICIENT');
    expect(res.body.details.shortages).toEqual(
      expect.arrayContaining([
        { product_id: low.body.data.id, kode: 'LOW-1', nama: 'Low stock', requested: '5.00', available: '3.00' },
        { product_id: low2.body.data.id, kode: 'LOW-2', nama: 'No stock', requested: '1.00', available: '0.00' },
      ]),
    );
    // Nothing moved and the order is still a draft.
    expect(await stockOf(t, low.body.data.id)).toBe('3.00');
    expect((await t.http.get(`/api/v1/sale-orders/${id}`).set(auth()).expect(200)).body.data.status).toBe('draft');

    await t.http.put('/api/settings/orders.allowBackorders').set(auth(admin)).send({ value: true }).expect(200);
    await t.http.post(`/api/v1/sale-orders/${id}/confirm`).set(auth()).expect(200);
    expect(await stockOf(t, low.body.data.id)).toBe('-2.00');
    await t.http.put('/api/settings/orders.allowBackorders').set(auth(admin)).send({ value: false }).expect(200);
    await ledgerOk();
  });

  it('changes lines only while draft, and deletes only draft or cancelled orders', async () => {
    const id = await saleOrder([{ part: m.partIds[2] as string, qty: 1 }]);
    const detail = await t.http.get(`/api/v1/sale-orders/${id}`).set(auth()).expect(200);
    const lineId = detail.body.data.product_lines[0].id;
    await t.http
      .patch(`/api/v1/sale-orders/product-lines/${lineId}`)
      .set(auth())
      .send({ product_id: m.partIds[2], line_number: 1, description: 'Part', qty: 2, unit_price: 1000, discount: 0, line_total: 2000 })
      .expect(200);
    await t.http.post(`/api/v1/sale-orders/${id}/confirm`).set(auth()).expect(200);
    const add = await t.http
      .post(`/api/v1/sale-orders/${id}/product-lines`)
      .set(auth())
      .send({ product_id: m.partIds[2], line_number: 2, description: 'Part', qty: 1, unit_price: 1, discount: 0, line_total: 1 })
      .expect(409);
    expect(add.body.error).toContain('lines change only while draft');
    await t.http.delete(`/api/v1/sale-orders/product-lines/${lineId}`).set(auth()).expect(409);
    await t.http.patch(`/api/v1/sale-orders/${id}`).set(auth()).send({ subtotal: 1, total: 1 }).expect(409);
    const manager = await t.loginAs('manager');
    const del = await t.http.delete(`/api/v1/sale-orders/${id}`).set(auth(manager)).expect(409);
    expect(del.body.error).toContain('Cancel it first');
    await t.http.delete(`/api/v1/sale-orders/${id}`).set(auth()).expect(403);
    await t.http.post(`/api/v1/sale-orders/${id}/cancel`).set(auth()).expect(200);
    await t.http.delete(`/api/v1/sale-orders/${id}`).set(auth(manager)).expect(200);
    await ledgerOk();
  });

  it('keeps stock exact under 200 simultaneous confirms of different orders sharing 5 parts', async () => {
    const parts = m.partIds.slice(0, 5);
    const before = await Promise.all(parts.map((p) => stockOf(t, p)));
    const ids: string[] = [];
    for (let i = 0; i < 200; i += 1) {
      ids.push(await saleOrder(parts.map((p, j) => ({ part: p, qty: ((i + j) % 3) + 1 }))));
    }
    const results = await Promise.all(ids.map((id) => t.http.post(`/api/v1/sale-orders/${id}/confirm`).set(auth())));
    expect(results.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
    const expected = parts.map((_, j) => ids.reduce((sum, _id, i) => sum + ((i + j) % 3) + 1, 0));
    const after = await Promise.all(parts.map((p) => stockOf(t, p)));
    after.forEach((s, j) => expect(Number(s)).toBe(Number(before[j]) - (expected[j] as number)));
    await ledgerOk();
  });

  it('purchase orders add stock on confirm and need a JWT to create', async () => {
    const part = m.partIds[3] as string;
    const before = Number(await stockOf(t, part));
    const body = {
      po_number: 'PO-2026-001',
      order_date: '2026-11-02',
      status: 'draft',
      subtotal: 50000,
      tax: 5500,
      total: 55500,
      vendor_id: m.vendorId,
      product_lines: [{ product_id: part, line_number: 1, description: 'Restock', qty: 10, unit_price: 5000, discount: 0, line_total: 50000 }],
    };
    await t.http.post('/orders/purchase').send(body).expect(401);
    const res = await t.http.post('/orders/purchase').set(auth()).send(body).expect(201);
    expect(res.body.data).toMatchObject({ po_number: 'PO-2026-001', vendor_id: m.vendorId, vendor: { id: m.vendorId } });
    expect(res.body.data.product_lines[0]).toMatchObject({ purchase_order_id: res.body.data.id, qty: '10.00' });
    expect(res.body.data.product_lines[0].hpp).toBeUndefined();
    expect(res.body.data.service_lines).toBeUndefined();
    await t.http.post('/orders/purchase').set(auth()).send(body).expect(409);
    await t.http.post(`/orders/update/purchase/${res.body.data.id}`).set(auth()).send({ status: 'confirmed' }).expect(200);
    expect(Number(await stockOf(t, part))).toBe(before + 10);
    const list = await t.http.get('/api/v1/purchase-orders?status=confirmed').set(auth()).expect(200);
    expect(list.body.data.map((o: { po_number: string }) => o.po_number)).toContain('PO-2026-001');
    // A sale order id is not a purchase order.
    const saleId = await saleOrder([{ part, qty: 1 }]);
    await t.http.get(`/orders/purchase/${saleId}`).set(auth()).expect(404);
    await ledgerOk();
  });

  it('filters, sorts and paginates the list, and exports the filtered list as XLSX', async () => {
    const page = await t.http.get('/api/v1/sale-orders?status=draft&limit=2&page=1&sort=order_number&order=asc').set(auth()).expect(200);
    expect(page.body.data).toHaveLength(2);
    expect(page.body.meta).toMatchObject({ page: 1, limit: 2 });
    expect(page.body.data.every((o: { status: string }) => o.status === 'draft')).toBe(true);
    const numbers = page.body.data.map((o: { order_number: string }) => o.order_number);
    expect([...numbers].sort()).toEqual(numbers);

    const xlsx = await t.http
      .get('/api/v1/sale-orders/export.xlsx?status=paid')
      .set(auth())
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const paid = await t.http.get('/api/v1/sale-orders?status=paid&limit=200').set(auth()).expect(200);
    expect(sheet?.rowCount).toBe(1 + paid.body.meta.total);
    expect(sheet?.getRow(2).getCell(3).value).toBe('paid');
  });
});
