import ExcelJS from 'exceljs';
import { AuditLogEntity } from '../src/audit/audit-log.entity';
import { createMasterData, stockOf } from './support/orders-fixtures';
import { createTestApp, TestApp, TestUser } from './support/test-app';

describe('master data (integration)', () => {
  let t: TestApp;
  let spv: TestUser;
  let staff: TestUser;
  let admin: TestUser;
  const auth = (u: TestUser) => ({ Authorization: `Bearer ${u.token}` });

  beforeAll(async () => {
    t = await createTestApp();
    spv = await t.loginAs('spv');
    staff = await t.loginAs('staff');
    admin = await t.loginAs('admin');
  });
  afterAll(() => t.close());

  it.each(['customers', 'vendors'])('%s: CRUD with the seed field names, search and validation', async (res) => {
    const created = await t.http
      .post(`/api/v1/${res}`)
      .set(auth(spv))
      .send({ nama: 'PT. Sinar Jaya', alamat: 'Jl. Sudirman 1', hp: '0812-3456-7890', email: 'Sales@SinarJaya.co.id' })
      .expect(201);
    expect(created.body.data).toMatchObject({ nama: 'PT. Sinar Jaya', email: 'sales@sinarjaya.co.id' });
    const id = created.body.data.id;
    await t.http.patch(`/api/v1/${res}/${id}`).set(auth(spv)).send({ alamat: 'Jl. Thamrin 2' }).expect(200);
    const list = await t.http.get(`/api/v1/${res}?q=sinar&limit=5`).set(auth(staff)).expect(200);
    expect(list.body.data).toEqual([expect.objectContaining({ id, alamat: 'Jl. Thamrin 2' })]);
    const tooLong = await t.http.post(`/api/v1/${res}`).set(auth(spv)).send({ nama: 'X', hp: '1'.repeat(31) }).expect(400);
    expect(tooLong.body.fields[0].field).toBe('hp');
    await t.http.post(`/api/v1/${res}`).set(auth(staff)).send({ nama: 'No rights' }).expect(403);
    await t.http.delete(`/api/v1/${res}/${id}`).set(auth(admin)).expect(200);
    await t.http.get(`/api/v1/${res}/${id}`).set(auth(admin)).expect(404);
  });

  it('parts: unique kode, opening stock in the ledger, stock not editable by PATCH, soft delete', async () => {
    const p = await t.http.post('/api/v1/parts').set(auth(spv)).send({ kode: 'BRG-001', nama: 'Kompresor', harga: '1250000.50', stock: 7, unit: 'unit' }).expect(201);
    expect(p.body.data).toMatchObject({ kode: 'BRG-001', harga: '1250000.50', stock: '7.00', unit: 'unit', po_number: null });
    const dup = await t.http.post('/api/v1/parts').set(auth(spv)).send({ kode: 'BRG-001', nama: 'Lain', harga: 1 }).expect(409);
    expect(dup.body.error).toBe('A part with kode BRG-001 already exists.');
    await t.http.patch(`/api/v1/parts/${p.body.data.id}`).set(auth(spv)).send({ stock: 100 }).expect(400);
    const moves = await t.http.get(`/api/v1/parts/${p.body.data.id}/stock-moves`).set(auth(staff)).expect(200);
    expect(moves.body.data).toEqual([expect.objectContaining({ reason: 'initial', quantity: '7.00', balance_after: '7.00' })]);

    const adj = await t.http.post(`/api/v1/parts/${p.body.data.id}/adjust-stock`).set(auth(spv)).send({ quantity: -2, note: 'stock opname' }).expect(200);
    expect(adj.body.data.stock).toBe('5.00');
    await t.http.post(`/api/v1/parts/${p.body.data.id}/adjust-stock`).set(auth(spv)).send({ quantity: -6, note: 'too much' }).expect(409);

    await t.http.delete(`/api/v1/parts/${p.body.data.id}`).set(auth(admin)).expect(200);
    await t.http.get(`/api/v1/parts/${p.body.data.id}`).set(auth(admin)).expect(404);
    // The code is free again, and the old row (and its ledger) still exists.
    await t.http.post('/api/v1/parts').set(auth(spv)).send({ kode: 'BRG-001', nama: 'Kompresor baru', harga: 1 }).expect(201);
    expect(await stockOf(t, p.body.data.id)).toBe('5.00');
  });

  it('refuses to delete a customer or service that orders use', async () => {
    const m = await createMasterData(t, admin.token, { parts: 1 });
    await t.http
      .post('/api/v1/sale-orders')
      .set(auth(staff))
      .send({
        order_number: 'SO-MD-1',
        order_date: '2026-11-03',
        status: 'draft',
        subtotal: 100000,
        tax: 0,
        total: 100000,
        customer_id: m.customerId,
        service_lines: [{ service_id: m.serviceIds[0], line_number: 1, description: 'Servis', qty: 1, unit_price: 100000, discount: 0, line_total: 100000 }],
      })
      .expect(201);
    const c = await t.http.delete(`/api/v1/customers/${m.customerId}`).set(auth(admin)).expect(409);
    expect(c.body.error).toBe('Customer is used by 1 orders and cannot be deleted.');
    await t.http.delete(`/api/v1/services/${m.serviceIds[0]}`).set(auth(admin)).expect(409);
  });

  describe('import', () => {
    const csv = (text: string) => Buffer.from(text, 'utf8');

    it('previews creates, updates and row errors without writing, then refuses to commit a file with errors', async () => {
      await t.http.post('/api/v1/parts').set(auth(spv)).send({ kode: 'IMP-1', nama: 'Lama', harga: 1, stock: 5 }).expect(201);
      const file = csv('kode;nama;harga;stock\nIMP-1;Baru;2000;8\nIMP-2;"Mur, M8";150.5;10\nIMP-3;;abc;\nIMP-2;Dobel;1;1\n');
      const before = await t.ds.query(`SELECT count(*)::int AS n FROM parts`);
      const res = await t.http.post('/api/v1/import/parts').set(auth(spv)).attach('file', file, 'parts.csv').expect(200);
      expect(res.body.data.counts).toEqual({ create: 1, update: 1, error: 2 });
      expect(res.body.data.rows).toEqual([
        { row: 1, action: 'update', key: 'IMP-1', errors: [] },
        { row: 2, action: 'create', key: 'IMP-2', errors: [] },
        { row: 3, action: 'error', key: 'IMP-3', errors: expect.arrayContaining([expect.stringContaining('nama'), expect.stringContaining('harga')]) },
        { row: 4, action: 'error', key: 'IMP-2', errors: ['kode "IMP-2" appears more than once in the file'] },
      ]);
      expect(await t.ds.query(`SELECT count(*)::int AS n FROM parts`)).toEqual(before);
      const commit = await t.http.post('/api/v1/import/parts?commit=true').set(auth(spv)).attach('file', file, 'parts.csv').expect(422);
      expect(commit.body.details.preview.counts.error).toBe(2);
      expect(await t.ds.query(`SELECT count(*)::int AS n FROM parts`)).toEqual(before);
    });

    it('commits a clean XLSX in one transaction, applying stock counts through the ledger', async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Parts');
      ws.addRow(['kode', 'nama', 'harga', 'stock']);
      ws.addRow(['IMP-1', 'Baru', 2000, 8]);
      ws.addRow(['IMP-9', 'Sekrup', 75, 40]);
      const file = Buffer.from(await wb.xlsx.writeBuffer());
      const res = await t.http.post('/api/v1/import/parts?commit=true').set(auth(spv)).attach('file', file, 'parts.xlsx').expect(200);
      expect(res.body.data).toMatchObject({ committed: true, counts: { create: 1, update: 1, error: 0 } });
      const [updated] = await t.ds.query(`SELECT nama, harga, stock, id FROM parts WHERE kode = 'IMP-1' AND deleted_at IS NULL`);
      expect(updated).toMatchObject({ nama: 'Baru', harga: '2000.00', stock: '8.00' });
      const check = await t.http.get('/api/v1/stock/check').set(auth(admin)).expect(200);
      expect(check.body.data.ok).toBe(true);
      expect(await t.ds.getRepository(AuditLogEntity).countBy({ action: 'IMPORT', resourceType: 'PART' })).toBe(1);
    });

    it('explains unreadable files and missing key columns', async () => {
      const noKey = await t.http.post('/api/v1/import/customers').set(auth(spv)).attach('file', csv('name,city\nA,B\n'), 'c.csv').expect(400);
      expect(noKey.body.error).toBe('The header must include "nama". Expected columns: nama, alamat, hp, email.');
      await t.http.post('/api/v1/import/customers').set(auth(spv)).expect(400);
      await t.http.post('/api/v1/import/widgets').set(auth(spv)).attach('file', csv('a\n1\n'), 'w.csv').expect(400);
      const tpl = await t.http.get('/api/v1/import/vendors/template.csv').set(auth(staff)).expect(200);
      expect(tpl.text).toBe('nama,alamat,hp,email\n');
    });
  });
});
