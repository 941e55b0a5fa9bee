import type { SaleServiceLineResponse } from '@simpul/contracts';
import { describe, expect, it } from 'vitest';
import { mountWithApp, routerAt, signedInTests } from '@/shared/test/mount';
import { part, saleProductLine, service, uuid } from '@/shared/test/order-fixtures';
import OrderLinesView from './OrderLinesView.vue';

signedInTests();

async function mountLines(props: Record<string, unknown>) {
  const router = await routerAt([{ path: '/', component: { render: () => null } }, { path: '/master/parts/:id', name: 'part-detail', component: { render: () => null } }], '/');
  return mountWithApp(OrderLinesView, { props, router }).wrapper;
}

describe('OrderLinesView', () => {
  it("shows a sale's part lines in line order with the HPP column, and marks a part that was short", async () => {
    const second = saleProductLine({ id: uuid(502), line_number: 2, product_id: part(2).id, product: { id: part(2).id, kode: 'P-2', nama: 'Part 2', harga: '10.00' }, hpp: '7.50' });
    const first = saleProductLine();
    const wrapper = await mountLines({
      kind: 'sale',
      lineKind: 'product',
      lines: [second, first],
      shortages: [{ product_id: part(2).id, kode: 'P-2', nama: 'Part 2', requested: '2.00', available: '1.00' }],
    });

    expect(wrapper.find('h2').text()).toBe('Parts');
    expect(wrapper.findAll('th').map((th) => th.text())).toEqual(['#', 'Part', 'Description', 'Qty', 'Unit price', 'Discount', 'COGS (HPP)', 'Amount']);
    const rows = wrapper.findAll('[data-testid="detail-line"]');
    expect(rows.map((r) => r.findAll('td')[0]?.text())).toEqual(['1', '2']);
    expect(rows[0]?.find('a').attributes('href')).toBe(`/master/parts/${part(1).id}`);
    expect(rows[1]?.classes()).toContain('short');
    expect(rows[0]?.classes()).not.toContain('short');
    expect(wrapper.findAll('[data-testid="stock-shortage"]')).toHaveLength(1);
    expect(wrapper.find('[data-testid="stock-shortage"] td').attributes('colspan')).toBe('8');
  });

  it("shows service lines without the HPP column, and says when there are none", async () => {
    const line: SaleServiceLineResponse = {
      id: uuid(601),
      line_number: 1,
      description: 'Install',
      qty: '1.00',
      unit_price: '250000.00',
      discount: '0.00',
      line_total: '250000.00',
      sale_order_id: uuid(900),
      created_at: '2025-03-01T01:00:00.000Z',
      updated_at: '2025-03-01T01:00:00.000Z',
      service_id: service(1).id,
      service: { id: service(1).id, nama: 'Service 1', harga: '250000.00' },
    };
    const wrapper = await mountLines({ kind: 'sale', lineKind: 'service', lines: [line] });
    expect(wrapper.find('table').attributes('data-testid')).toBe('detail-service-lines');
    expect(wrapper.findAll('th').map((th) => th.text())).not.toContain('COGS (HPP)');
    expect(wrapper.find('[data-testid="detail-line"]').findAll('td')[1]?.text()).toBe('Service 1');

    const empty = await mountLines({ kind: 'sale', lineKind: 'service', lines: [] });
    expect(empty.find('.state').text()).toBe('No service lines yet.');
  });
});
