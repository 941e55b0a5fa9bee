import { money, toMoneyString, type PartResponse, type StockAdjustmentDto } from '@simpul/contracts';
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { h } from 'vue';
import { setLocale, type AppLocale } from '@/shared/i18n';
import { installFakeFetch, ok, type FakeFetch } from '@/shared/test/fake-fetch';
import { mountRoute, signedInTests } from '@/shared/test/mount';
import { part } from '@/shared/test/order-fixtures';
import PartDetailPage from './PartDetailPage.vue';

let net: FakeFetch | null = null;
const Blank = () => h('div');
const PART = part(1, { stock: '10.00' });
const base = `/api/v1/parts/${PART.id}`;
const noMoves = () => ok([], { page: 1, limit: 20, total: 0, pages: 1 });

/** A fake part API whose stock follows the adjustments it is sent. */
function partApi() {
  let current: PartResponse = { ...PART };
  return installFakeFetch({
    [`GET ${base}`]: () => ok(current),
    [`GET ${base}/stock-moves`]: noMoves,
    [`POST ${base}/adjust-stock`]: (req) => {
      const { quantity } = req.body as StockAdjustmentDto;
      current = { ...current, stock: toMoneyString(money(current.stock).plus(money(quantity))) };
      return ok(current);
    },
  });
}

function mountPage(locale: AppLocale) {
  return mountRoute(
    [
      { path: '/master/parts', name: 'parts', component: Blank },
      { path: '/master/parts/:id', name: 'part-detail', component: PartDetailPage, props: (to) => ({ id: String(to.params['id']) }) },
      { path: '/sales/:id', name: 'sale-detail', component: Blank },
      { path: '/purchases/:id', name: 'purchase-detail', component: Blank },
    ],
    `/master/parts/${PART.id}`,
    locale,
  );
}

const adjustBody = () => net?.callsTo('POST', `${base}/adjust-stock`).map((c) => c.body);

signedInTests();

describe('PartDetailPage stock adjustment', () => {
  it('reads Indonesian separators and sends the exact decimal string', async () => {
    net = partApi();
    const { wrapper } = await mountPage('id');
    expect(wrapper.find('[data-testid="number-format-hint"]').text()).toContain('1.500.000,50');

    await wrapper.find('#adjust-qty').setValue('1.500,5');
    expect(wrapper.find('[data-testid="adjust-after"]').text()).toContain('1.510,5');
    await wrapper.find('#adjust-note').setValue('Stock opname');
    await wrapper.find('[data-testid="adjust-form"]').trigger('submit');
    await flushPromises();

    expect(adjustBody()).toEqual([{ quantity: '1500.5', note: 'Stock opname' }]);
    expect(wrapper.find('[data-testid="part-stock"]').attributes('data-value')).toBe('1510.50');
    expect(wrapper.find<HTMLInputElement>('#adjust-qty').element.value).toBe('');
  });

  it('reads English separators and negative amounts', async () => {
    net = partApi();
    const { wrapper } = await mountPage('en');
    expect(wrapper.find('[data-testid="number-format-hint"]').text()).toContain('1,500,000.50');

    await wrapper.find('#adjust-qty').setValue('-2.25');
    await wrapper.find('#adjust-note').setValue('Damaged');
    await wrapper.find('[data-testid="adjust-form"]').trigger('submit');
    await flushPromises();

    expect(adjustBody()).toEqual([{ quantity: '-2.25', note: 'Damaged' }]);
  });

  it('refuses malformed and zero amounts without sending', async () => {
    net = partApi();
    const { wrapper } = await mountPage('id');
    await wrapper.find('#adjust-note').setValue('Stock opname');

    // A comma in the wrong place is still not a number.
    await wrapper.find('#adjust-qty').setValue('1,5,0');
    expect(wrapper.find('[data-testid="adjust-after"]').exists()).toBe(false);
    await wrapper.find('[data-testid="adjust-form"]').trigger('submit');
    await flushPromises();
    expect(wrapper.find('.field-error').exists()).toBe(true);

    await wrapper.find('#adjust-qty').setValue('0,00');
    await wrapper.find('[data-testid="adjust-form"]').trigger('submit');
    await flushPromises();
    expect(wrapper.find('.field-error').text()).toBe('Jumlah tidak boleh nol.');

    expect(adjustBody()).toEqual([]);
  });

  it('rewrites the typed quantity when the UI language changes', async () => {
    net = partApi();
    const { wrapper, i18n } = await mountPage('id');
    await wrapper.find('#adjust-qty').setValue('1.500,5');

    setLocale('en', i18n);
    await flushPromises();

    expect(wrapper.find<HTMLInputElement>('#adjust-qty').element.value).toBe('1500.5');
    await wrapper.find('#adjust-note').setValue('Recount');
    await wrapper.find('[data-testid="adjust-form"]').trigger('submit');
    await flushPromises();
    expect(adjustBody()).toEqual([{ quantity: '1500.5', note: 'Recount' }]);
  });
});
