import type { PartResponse, PartySummary, SaleOrderResponse, SaleProductLineResponse, ServiceResponse } from '@simpul/contracts';

export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const customer: PartySummary = {
  id: uuid(101),
  nama: 'PT Maju Jaya',
  alamat: 'Jl. Industri 1, Bekasi',
  hp: '0812-1111',
  email: 'beli@majujaya.co.id',
};

export function part(n: number, patch: Partial<PartResponse> = {}): PartResponse {
  return {
    id: uuid(200 + n),
    kode: `P-${n}`,
    nama: `Part ${n}`,
    harga: '1500.50',
    stock: '10.00',
    unit: 'pcs',
    po_number: null,
    created_at: '2025-01-02T03:04:05.000Z',
    updated_at: '2025-01-02T03:04:05.000Z',
    ...patch,
  };
}

export function service(n: number, patch: Partial<ServiceResponse> = {}): ServiceResponse {
  return {
    id: uuid(300 + n),
    nama: `Service ${n}`,
    harga: '250000.00',
    created_at: '2025-01-02T03:04:05.000Z',
    updated_at: '2025-01-02T03:04:05.000Z',
    ...patch,
  };
}

/** Line 1 of a sale: two of part 1 at 1,500,000.50. */
export function saleProductLine(patch: Partial<SaleProductLineResponse> = {}): SaleProductLineResponse {
  return {
    id: uuid(501),
    line_number: 1,
    description: 'Part 1',
    qty: '2.00',
    unit_price: '1500000.50',
    discount: '0.00',
    line_total: '3000001.00',
    hpp: null,
    product_id: part(1).id,
    product: { id: part(1).id, kode: 'P-1', nama: 'Part 1', harga: '1500000.50' },
    ...patch,
  } as SaleProductLineResponse;
}

export function saleOrder(patch: Partial<SaleOrderResponse> = {}): SaleOrderResponse {
  return {
    id: uuid(900),
    order_number: 'SO-1',
    order_date: '2025-03-01',
    status: 'draft',
    subtotal: '0.00',
    tax: '0.00',
    total: '0.00',
    lines_total: '0.00',
    nama: customer.nama,
    alamat: customer.alamat,
    hp: customer.hp,
    keterangan: null,
    created_at: '2025-03-01T01:00:00.000Z',
    updated_at: '2025-03-01T01:00:00.000Z',
    customer_id: customer.id,
    customer,
    product_lines: [],
    service_lines: [],
    ...patch,
  };
}
