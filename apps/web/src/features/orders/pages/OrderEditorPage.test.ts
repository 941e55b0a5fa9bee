import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { h } from 'vue';
import type { AppLocale } from '@/shared/i18n';
import { installFakeFetch, ok, type FakeFetch } from '@/shared/test/fake-fetch';
import { mountRoute, signedInTests } from '@/shared/test/mount';
import { saleOrder, saleProductLine, uuid } from '@/shared/test/order-fixtures';
import { useOrdersStore } from '@/features/orders/orders.store';
import OrderEditorPage from './OrderEditorPage.vue';

let net: FakeFetch | null = null;
const Blank = () => h('div', { 'data-testid': 'elsewhere' });
const ORDER_ID = uuid(900);
const LINE_ID = uuid(501);

function draft(qty = '2.00', lineTotal = '3000001.00') {
  const line = saleProductLine({ id: LINE_ID, qty, line_total: lineTotal });
  return saleOrder({ subtotal: lineTotal, lines_total: lineTotal, total: lineTotal, product_lines: [line] });
}

function mountEditor(locale: AppLocale) {
  return mountRoute(
    [
      { path: '/sales', name: 'sales', component: Blank },
      { path: '/sales/:id', name: 'sale-detail', component: Blank },
      { path: '/sales/:id/edit', name: 'sale-edit', component: OrderEditorPage, props: (to) => ({ kind: 'sale', id: String(to.params['id']) }) },
    ],
    `/sales/${ORDER_ID}/edit`,
    locale,
  );
}

const leaveDialog = () => document.body.querySelector('[role="dialog"]');

signedInTests();

describe('OrderEditorPage', () => {
  it('leaves an untouched draft without asking', async () => {
    net = installFakeFetch({ [`GET /api/v1/sale-orders/${ORDER_ID}`]: () => ok(draft()) });
    const { wrapper, router } = await mountEditor('id');

    await wrapper.find('.form-actions .btn:not(.btn-primary)').trigger('click');
    await flushPromises();

    expect(leaveDialog()).toBeNull();
    expect(router.currentRoute.value.name).toBe('sale-detail');
  });

  it('reads Indonesian amounts, asks before leaving with unsaved changes and not after saving', async () => {
    let saved = draft();
    net = installFakeFetch({
      [`GET /api/v1/sale-orders/${ORDER_ID}`]: () => ok(saved),
      [`PATCH /api/v1/sale-orders/product-lines/${LINE_ID}`]: () => {
        saved = draft('1500.00', '2250000750.00');
        return ok({});
      },
      [`PATCH /api/v1/sale-orders/${ORDER_ID}`]: () => ok(saved),
    });
    const { wrapper, router } = await mountEditor('id');
    expect(wrapper.find<HTMLInputElement>('[data-testid="line-price"]').element.value).toBe('1500000.50');

    await wrapper.find('[data-testid="line-qty"]').setValue('1.500');
    expect(wrapper.find('[data-testid="line-total"]').attributes('data-value')).toBe('2250000750.00');

    await wrapper.find('.form-actions .btn:not(.btn-primary)').trigger('click');
    await flushPromises();
    expect(leaveDialog()).not.toBeNull();
    (document.body.querySelector('[data-testid="confirm-cancel"]') as HTMLButtonElement).click();
    await flushPromises();
    expect(leaveDialog()).toBeNull();
    expect(router.currentRoute.value.name).toBe('sale-edit');

    await wrapper.find('[data-testid="order-form"]').trigger('submit');
    await flushPromises();

    expect(net.callsTo('PATCH', `/api/v1/sale-orders/product-lines/${LINE_ID}`)[0]?.body).toMatchObject({
      qty: '1500',
      unit_price: '1500000.50',
      line_total: '2250000750.00',
    });
    expect(leaveDialog()).toBeNull();
    expect(router.currentRoute.value.name).toBe('sale-detail');
  });

  it('leaves with unsaved changes when the person confirms', async () => {
    net = installFakeFetch({ [`GET /api/v1/sale-orders/${ORDER_ID}`]: () => ok(draft()) });
    const { wrapper, router } = await mountEditor('en');

    await wrapper.find('[data-testid="order-keterangan"]').setValue('Call before delivery');
    const leaving = router.push({ name: 'sales' });
    await flushPromises();
    expect(leaveDialog()?.textContent).toContain('Leave this page?');
    (document.body.querySelector('[data-testid="confirm-ok"]') as HTMLButtonElement).click();
    await leaving;
    expect(router.currentRoute.value.name).toBe('sales');
  });

  it('leads back to the list as it was left, its filters and page in the link', async () => {
    net = installFakeFetch({ [`GET /api/v1/sale-orders/${ORDER_ID}`]: () => ok(draft()) });
    const { wrapper } = await mountEditor('en');
    expect(wrapper.find('.crumbs a').attributes('href')).toBe('/sales');

    Object.assign(useOrdersStore('sale').query, { status: 'confirmed', page: 2 });
    await flushPromises();
    expect(wrapper.find('.crumbs a').attributes('href')).toBe('/sales?status=confirmed&page=2');
  });
});
