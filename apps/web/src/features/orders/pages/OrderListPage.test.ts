import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { h } from 'vue';
import { installFakeFetch, ok } from '@/shared/test/fake-fetch';
import { mountRoute, signedInTests } from '@/shared/test/mount';
import { customer, saleOrder } from '@/shared/test/order-fixtures';
import OrderListPage from './OrderListPage.vue';

const Blank = () => h('div');
const routes = [
  { path: '/sales', name: 'sales', component: OrderListPage, props: { kind: 'sale' } },
  { path: '/sales/new', name: 'sale-new', component: Blank },
  { path: '/sales/:id', name: 'sale-detail', component: Blank },
  { path: '/sales/:id/edit', name: 'sale-edit', component: Blank },
];

signedInTests();

describe('OrderListPage search box', () => {
  it('searches once typing pauses, and "reset filters" empties the box and drops the pending search', async () => {
    const net = installFakeFetch({
      'GET /api/v1/sale-orders': () => ok([saleOrder()], { page: 1, limit: 20, total: 1, pages: 1 }),
    });
    const { wrapper } = await mountRoute(routes, '/sales');
    const lists = () => net.callsTo('GET', '/api/v1/sale-orders');
    expect(lists()).toHaveLength(1);
    vi.useFakeTimers();

    const box = wrapper.find('[data-testid="orders-search"]');
    await box.setValue(' SO-1 ');
    await vi.advanceTimersByTimeAsync(299);
    expect(lists()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await flushPromises();
    expect(lists()).toHaveLength(2);
    expect(lists().at(-1)?.query.get('q')).toBe('SO-1');

    await box.setValue('SO-2');
    await wrapper.find('[data-testid="orders-filter-reset"]').trigger('click');
    await vi.advanceTimersByTimeAsync(1000);
    await flushPromises();
    expect((box.element as HTMLInputElement).value).toBe('');
    expect(lists().map((c) => c.query.get('q'))).not.toContain('SO-2');
    expect(lists().at(-1)?.query.get('q')).toBeNull();
  });
});

describe('OrderListPage address', () => {
  it('opens a shared link as the list it names, with the party by name, and puts changes back into the address', async () => {
    const net = installFakeFetch({
      'GET /api/v1/sale-orders': (req) => ok([saleOrder()], { page: Number(req.query.get('page')), limit: 20, total: 41, pages: 3 }),
      [`GET /api/v1/customers/${customer.id}`]: () => ok({ ...customer, created_at: '2025-01-01T00:00:00.000Z', updated_at: '2025-01-01T00:00:00.000Z' }),
    });
    const { wrapper, router } = await mountRoute(routes, `/sales?status=confirmed&party_id=${customer.id}&sort=total&order=asc&page=2`);
    const lists = () => net.callsTo('GET', '/api/v1/sale-orders');

    expect(lists()).toHaveLength(1);
    expect(Object.fromEntries(lists()[0]?.query ?? [])).toEqual({
      page: '2',
      limit: '20',
      status: 'confirmed',
      party_id: customer.id,
      sort: 'total',
      order: 'asc',
    });
    expect(wrapper.find<HTMLSelectElement>('[data-testid="orders-filter-status"]').element.value).toBe('confirmed');
    expect(wrapper.find<HTMLInputElement>('[data-testid="orders-filter-party-input"]').element.value).toBe(customer.nama);
    expect(wrapper.find('[data-testid="sort-total"]').text()).toContain('↑');

    await wrapper.find('[data-testid="orders-filter-status"]').setValue('paid');
    await flushPromises();
    expect(lists().at(-1)?.query.get('status')).toBe('paid');
    expect(lists().at(-1)?.query.get('page')).toBe('1');
    expect(router.currentRoute.value.query).toEqual({ status: 'paid', party_id: customer.id, sort: 'total', order: 'asc' });

    router.back();
    await vi.waitFor(() => expect(router.currentRoute.value.query['status']).toBe('confirmed'));
    await flushPromises();
    expect(lists().at(-1)?.query.get('status')).toBe('confirmed');
    expect(lists().at(-1)?.query.get('page')).toBe('2');
  });
});
