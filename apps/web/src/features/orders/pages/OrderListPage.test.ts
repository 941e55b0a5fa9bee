import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { h } from 'vue';
import { installFakeFetch, ok } from '@/shared/test/fake-fetch';
import { mountRoute, signedInTests } from '@/shared/test/mount';
import { saleOrder } from '@/shared/test/order-fixtures';
import OrderListPage from './OrderListPage.vue';

const Blank = () => h('div');

signedInTests();

describe('OrderListPage search box', () => {
  it('searches once typing pauses, and "reset filters" empties the box and drops the pending search', async () => {
    const net = installFakeFetch({
      'GET /api/v1/sale-orders': () => ok([saleOrder()], { page: 1, limit: 20, total: 1, pages: 1 }),
    });
    const { wrapper } = await mountRoute(
      [
        { path: '/sales', name: 'sales', component: OrderListPage, props: { kind: 'sale' } },
        { path: '/sales/new', name: 'sale-new', component: Blank },
        { path: '/sales/:id', name: 'sale-detail', component: Blank },
        { path: '/sales/:id/edit', name: 'sale-edit', component: Blank },
      ],
      '/sales',
    );
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
