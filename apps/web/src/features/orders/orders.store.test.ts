import { describe, expect, it } from 'vitest';
import { ApiError } from '@/shared/api/client';
import { applyParty, applyPickedItem, emptyLine, emptyOrderForm, formFromOrder, type OrderFormState } from './order-form';
import { fail, installFakeFetch, json, ok, type FakeFetch } from '@/shared/test/fake-fetch';
import { customer, part, saleOrder, service, uuid } from '@/shared/test/order-fixtures';
import { useOrdersStore } from './orders.store';
import { storeTests } from '@/shared/test/mount';

let net: FakeFetch | null = null;

storeTests();

/** A sale with 3 × 1500.50 − 1.50 of a part and 1 × 0.10 + 2 × 0.10 of a service (float traps on purpose). */
function saleForm(): OrderFormState {
  const form = emptyOrderForm('sale', new Date('2025-03-01T03:00:00Z'));
  form.number = 'SO-TEST-1';
  applyParty(form, customer);
  const p = emptyLine();
  applyPickedItem(p, { id: part(1).id, nama: 'Part 1', kode: 'P-1', harga: '1500.50', stock: '10.00' });
  p.qty = '3';
  p.discount = '1.5';
  p.hpp = '1000';
  const s = emptyLine();
  applyPickedItem(s, { id: service(1).id, nama: 'Service 1', harga: '0.10' });
  s.qty = '3';
  form.product_lines.push(p);
  form.service_lines.push(s);
  form.tax = '0.2';
  return form;
}

describe('orders store', () => {
  it('creates a draft with lines whose totals follow the shared math', async () => {
    net = installFakeFetch({
      'POST /api/v1/sale-orders': () => json(201, { success: true, data: saleOrder({ id: uuid(901) }) }),
    });
    const store = useOrdersStore('sale');

    const order = await store.create(saleForm());

    expect(order.id).toBe(uuid(901));
    expect(net.callsTo('POST', '/api/v1/sale-orders')[0]?.body).toEqual({
      order_number: 'SO-TEST-1',
      order_date: '2025-03-01',
      status: 'draft',
      customer_id: customer.id,
      nama: customer.nama,
      alamat: customer.alamat,
      hp: customer.hp,
      // 4500.00 + 0.30 exactly (floats would give 4500.3000000000002 somewhere along the way)
      subtotal: '4500.30',
      tax: '0.20',
      total: '4500.50',
      product_lines: [
        {
          product_id: part(1).id,
          line_number: 1,
          description: 'Part 1',
          qty: '3',
          unit_price: '1500.50',
          discount: '1.5',
          line_total: '4500.00',
          hpp: '1000',
        },
      ],
      service_lines: [
        { service_id: service(1).id, line_number: 1, description: 'Service 1', qty: '3', unit_price: '0.10', discount: '0', line_total: '0.30' },
      ],
    });
  });

  it('sends a typed subtotal as is and a purchase without service lines or HPP', async () => {
    net = installFakeFetch({
      'POST /api/v1/purchase-orders': () => json(201, { success: true, data: { id: uuid(902) } }),
    });
    const store = useOrdersStore('purchase');
    const form = emptyOrderForm('purchase', new Date('2025-03-01T03:00:00Z'));
    form.number = 'PO-1';
    applyParty(form, { ...customer, id: uuid(102) });
    const line = emptyLine();
    applyPickedItem(line, { id: part(2).id, nama: 'Part 2', kode: 'P-2', harga: '100' });
    line.qty = '2';
    line.hpp = '50'; // ignored for purchases
    form.product_lines.push(line);
    form.subtotalManual = true;
    form.subtotal = '150';
    form.tax = '';

    await store.create(form);

    const body = net.callsTo('POST', '/api/v1/purchase-orders')[0]?.body as Record<string, unknown>;
    expect(body).toMatchObject({ po_number: 'PO-1', vendor_id: uuid(102), subtotal: '150.00', tax: '0.00', total: '150.00' });
    expect(body).not.toHaveProperty('service_lines');
    expect(body['product_lines']).toEqual([
      { product_id: part(2).id, line_number: 1, description: 'Part 2', qty: '2', unit_price: '100', discount: '0', line_total: '200.00' },
    ]);
  });

  it('exposes the stock shortages of a refused confirmation and rethrows the error', async () => {
    const shortages = [{ product_id: part(1).id, kode: 'P-1', nama: 'Part 1', requested: '12.00', available: '10.00' }];
    net = installFakeFetch({
      [`POST /api/v1/sale-orders/${uuid(900)}/confirm`]: () =>
        json(409, {
          success: false,
          error: 'Not enough stock for 1 part.',
          code: 'STOCK_INSUFFICIENT',
          details: { shortages },
        }),
    });
    const store = useOrdersStore('sale');

    const err = await store.transition(uuid(900), 'confirmed').catch((e: unknown) => e);

    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('STOCK_INSUFFICIENT');
    expect(store.shortages).toEqual(shortages);
  });

  it('keeps shortages empty for other refusals and clears them on success', async () => {
    let refuse = true;
    net = installFakeFetch({
      [`POST /api/v1/sale-orders/${uuid(900)}/pay`]: () =>
        refuse
          ? fail(409, 'Cannot change a Sale Order from draft to paid.', 'ORDER_INVALID_TRANSITION')
          : ok(saleOrder({ status: 'paid' })),
    });
    const store = useOrdersStore('sale');
    store.shortages = [{ product_id: 'x', kode: 'x', nama: 'x', requested: '1', available: '0' }];

    const err = await store.transition(uuid(900), 'paid').catch((e: unknown) => e);
    expect((err as ApiError).code).toBe('ORDER_INVALID_TRANSITION');
    expect(store.shortages).toEqual([]);

    refuse = false;
    const order = await store.transition(uuid(900), 'paid');
    expect(order.status).toBe('paid');
    expect(store.current?.status).toBe('paid');
  });

  it('saves an edited draft through the header and line endpoints', async () => {
    const original = saleOrder({
      subtotal: '3001.00',
      total: '3001.00',
      lines_total: '3001.00',
      product_lines: [
        {
          id: uuid(501), sale_order_id: uuid(900), product_id: part(1).id, line_number: 1, description: 'Part 1', qty: '2.00',
          unit_price: '1500.50', discount: '0.00', line_total: '3001.00', hpp: null, created_at: '', updated_at: '',
          product: { id: part(1).id, kode: 'P-1', nama: 'Part 1', harga: '1500.50' },
        },
        {
          id: uuid(502), sale_order_id: uuid(900), product_id: part(2).id, line_number: 2, description: 'Part 2', qty: '1.00',
          unit_price: '0.00', discount: '0.00', line_total: '0.00', hpp: null, created_at: '', updated_at: '',
          product: { id: part(2).id, kode: 'P-2', nama: 'Part 2', harga: '0.00' },
        },
      ],
      service_lines: [],
    });
    net = installFakeFetch({
      [`GET /api/v1/sale-orders/${uuid(900)}`]: () => ok(original),
      [`DELETE /api/v1/sale-orders/product-lines/${uuid(502)}`]: () => ok({}),
      [`PATCH /api/v1/sale-orders/product-lines/${uuid(501)}`]: () => ok({}),
      [`POST /api/v1/sale-orders/${uuid(900)}/service-lines`]: () => json(201, { success: true, data: { id: uuid(601) } }),
      [`PATCH /api/v1/sale-orders/${uuid(900)}`]: () => ok(original),
    });
    const store = useOrdersStore('sale');
    await store.load(uuid(900));
    const form = formFromOrder(original);
    form.product_lines.splice(1, 1); // remove line 2
    const first = form.product_lines[0];
    if (!first) throw new Error('missing line');
    first.qty = '3'; // 4501.50
    const s = emptyLine();
    applyPickedItem(s, { id: service(1).id, nama: 'Service 1', harga: '100' });
    form.service_lines.push(s);
    form.keterangan = 'Urgent';
    const created: string[] = [];

    await store.saveDraft(uuid(900), form, (key, line) => created.push(`${key}:${line.id}`));

    expect(net.callsTo('DELETE', `/api/v1/sale-orders/product-lines/${uuid(502)}`)).toHaveLength(1);
    expect(net.callsTo('PATCH', `/api/v1/sale-orders/product-lines/${uuid(501)}`)[0]?.body).toMatchObject({
      line_number: 1,
      qty: '3',
      line_total: '4501.50',
    });
    expect(net.callsTo('POST', `/api/v1/sale-orders/${uuid(900)}/service-lines`)[0]?.body).toMatchObject({
      service_id: service(1).id,
      line_number: 1,
      line_total: '100.00',
    });
    expect(created).toEqual([`${s.key}:${uuid(601)}`]);
    // Only what changed: the subtotal followed the lines (4501.50 + 100) and the note.
    expect(net.callsTo('PATCH', `/api/v1/sale-orders/${uuid(900)}`)[0]?.body).toEqual({
      subtotal: '4601.50',
      total: '4601.50',
      keterangan: 'Urgent',
    });
  });

  it('lists with the filters as query parameters', async () => {
    net = installFakeFetch({
      'GET /api/v1/sale-orders': () => ok([saleOrder()], { page: 1, limit: 20, total: 1, pages: 1 }),
    });
    const store = useOrdersStore('sale');
    await store.setPartyFilter(customer);
    await store.setQuery({ status: 'confirmed', date_from: '2025-03-01', q: ' SO ' });
    await store.toggleSort('total');

    const q = net.calls.at(-1)?.query;
    expect(Object.fromEntries(q ?? [])).toEqual({
      page: '1',
      limit: '20',
      q: 'SO',
      status: 'confirmed',
      party_id: customer.id,
      date_from: '2025-03-01',
      sort: 'total',
      order: 'asc',
    });
  });
});
