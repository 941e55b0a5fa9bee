import type { TestApp } from './test-app';

export interface MasterFixture {
  customerId: string;
  vendorId: string;
  partIds: string[];
  serviceIds: string[];
}

/** Creates master data through the public API, as a client would. */
export async function createMasterData(t: TestApp, token: string, opts: { parts?: number; stock?: string } = {}): Promise<MasterFixture> {
  const auth = { Authorization: `Bearer ${token}` };
  const tag = Math.random().toString(36).slice(2, 8);
  const customer = await t.http
    .post('/api/v1/customers')
    .set(auth)
    .send({ nama: `PT. Mitra Usaha ${tag}`, alamat: 'Jl. Merdeka No. 123, Jakarta', hp: '021-12345678', email: `info-${tag}@mitrausaha.com` })
    .expect(201);
  const vendor = await t.http.post('/api/v1/vendors').set(auth).send({ nama: `CV. Pemasok ${tag}`, hp: '0812' }).expect(201);
  const partIds: string[] = [];
  for (let i = 0; i < (opts.parts ?? 2); i += 1) {
    const res = await t.http
      .post('/api/v1/parts')
      .set(auth)
      .send({ kode: `AC-${tag}-${i}`, nama: `AC Split ${i + 1} PK`, harga: 450000, stock: opts.stock ?? '100', unit: 'unit' })
      .expect(201);
    partIds.push(res.body.data.id);
  }
  const serviceIds: string[] = [];
  for (const nama of ['Instalasi AC', 'Garansi Extended 2 Tahun']) {
    const res = await t.http.post('/api/v1/services').set(auth).send({ nama: `${nama} ${tag}`, harga: 100000 }).expect(201);
    serviceIds.push(res.body.data.id);
  }
  return { customerId: customer.body.data.id, vendorId: vendor.body.data.id, partIds, serviceIds };
}

/** Replaces the seed's placeholder ids ("uuid-customer-id-here", …) with real ones, leaving everything else as written. */
export function withIds<T>(payload: T, ids: Record<string, string>): T {
  let json = JSON.stringify(payload);
  for (const [placeholder, id] of Object.entries(ids)) json = json.split(`"${placeholder}"`).join(`"${id}"`);
  return JSON.parse(json) as T;
}

export async function stockOf(t: TestApp, partId: string): Promise<string> {
  const [{ stock }] = (await t.ds.query(`SELECT stock FROM parts WHERE id = $1`, [partId])) as [{ stock: string }];
  return stock;
}
