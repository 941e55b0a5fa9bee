import { describe, expect, it } from 'vitest';
import { ApiError } from '@/shared/api/client';
import { fail, installFakeFetch, json, ok, type FakeFetch } from '@/shared/test/fake-fetch';
import { customer, part } from '@/shared/test/order-fixtures';
import { useMasterDataStore } from './master-data.store';
import { storeTests } from '@/shared/test/mount';

let net: FakeFetch | null = null;

function lastQuery(): Record<string, string> {
  const call = net?.calls.at(-1);
  if (!call) throw new Error('no request was made');
  return Object.fromEntries(call.query);
}

storeTests();

describe('master-data store', () => {
  it("lists with each resource's default sort and the query state", async () => {
    net = installFakeFetch({
      'GET /api/v1/parts': (req) =>
        ok([part(1), part(2)], { page: Number(req.query.get('page') ?? 1), limit: 20, total: 45, pages: 3 }),
      'GET /api/v1/customers': () => ok([], { page: 1, limit: 20, total: 0, pages: 1 }),
    });
    const parts = useMasterDataStore('parts');
    const customers = useMasterDataStore('customers');

    await parts.fetch();
    expect(lastQuery()).toEqual({ page: '1', limit: '20', sort: 'kode', order: 'asc' });
    expect(parts.items).toHaveLength(2);
    expect(parts.meta.pages).toBe(3);

    await customers.fetch();
    expect(net.calls.at(-1)?.path).toBe('/api/v1/customers');
    expect(lastQuery()).toEqual({ page: '1', limit: '20', sort: 'nama', order: 'asc' });
    expect(customers.items).toEqual([]);
    expect(parts.items).toHaveLength(2); // one store per resource
  });

  it('sends config filters (parts: po_out_of_date) and drops them when turned off', async () => {
    net = installFakeFetch({
      'GET /api/v1/parts': (req) => ok([part(1)], { page: Number(req.query.get('page') ?? 1), limit: 20, total: 45, pages: 3 }),
    });
    const store = useMasterDataStore('parts');
    await store.fetch();
    await store.goToPage(2);

    await store.setFilter('po_out_of_date', 'true');
    expect(lastQuery()).toEqual({ page: '1', limit: '20', sort: 'kode', order: 'asc', po_out_of_date: 'true' });
    await store.setQuery({ q: 'bearing' });
    expect(lastQuery()).toMatchObject({ q: 'bearing', po_out_of_date: 'true' });

    await store.setFilter('po_out_of_date', '');
    expect(lastQuery()).toEqual({ page: '1', limit: '20', sort: 'kode', order: 'asc', q: 'bearing' });
  });

  it('goes back to page 1 on a new search and flips the order on the same column', async () => {
    net = installFakeFetch({
      'GET /api/v1/parts': (req) => ok([part(1)], { page: Number(req.query.get('page') ?? 1), limit: 20, total: 45, pages: 3 }),
    });
    const store = useMasterDataStore('parts');
    await store.fetch();
    await store.goToPage(3);
    expect(lastQuery()['page']).toBe('3');

    await store.setQuery({ q: '  bearing ' });
    expect(lastQuery()).toMatchObject({ page: '1', q: 'bearing' });

    await store.toggleSort('stock');
    expect(lastQuery()).toMatchObject({ sort: 'stock', order: 'asc', q: 'bearing' });
    await store.toggleSort('stock');
    expect(lastQuery()).toMatchObject({ sort: 'stock', order: 'desc' });

    await store.goToPage(99);
    expect(lastQuery()['page']).toBe('3'); // clamped to the last page
  });

  it('creates, updates in place and reports a refused delete', async () => {
    const updated = { ...customer, nama: 'PT Maju Jaya Baru', created_at: '', updated_at: '' };
    net = installFakeFetch({
      'GET /api/v1/customers': () => ok([{ ...customer, created_at: '', updated_at: '' }], { page: 1, limit: 20, total: 1, pages: 1 }),
      'POST /api/v1/customers': () => json(201, { success: true, data: { ...customer, id: 'new' } }),
      [`PATCH /api/v1/customers/${customer.id}`]: () => ok(updated),
      [`DELETE /api/v1/customers/${customer.id}`]: () =>
        fail(409, 'This customer is used by 3 orders and cannot be deleted.', 'MASTER_DATA_IN_USE'),
    });
    const store = useMasterDataStore('customers');
    await store.create({ nama: 'PT Baru' });
    expect(net.callsTo('POST', '/api/v1/customers')[0]?.body).toEqual({ nama: 'PT Baru' });
    expect(net.callsTo('GET', '/api/v1/customers')).toHaveLength(1);

    await store.update(customer.id, { nama: 'PT Maju Jaya Baru' });
    expect(store.items[0]?.nama).toBe('PT Maju Jaya Baru');

    const err = await store.remove(customer.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(409);
    expect((err as ApiError).message).toContain('cannot be deleted');
  });
});
