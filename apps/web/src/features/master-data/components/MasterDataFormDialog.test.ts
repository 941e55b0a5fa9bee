import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { MasterRecord, MasterResource } from '@/features/master-data/master-data.api';
import { setLocale, type AppLocale } from '@/shared/i18n';
import { installFakeFetch, ok, type FakeFetch } from '@/shared/test/fake-fetch';
import { mountWithApp, signedInTests } from '@/shared/test/mount';
import { part, service } from '@/shared/test/order-fixtures';
import MasterDataFormDialog from './MasterDataFormDialog.vue';
import { MASTER_CONFIGS } from '@/features/master-data/resources';

let net: FakeFetch | null = null;

function mountForm(resource: MasterResource, locale: AppLocale, record: MasterRecord | null = null) {
  return mountWithApp(MasterDataFormDialog, { props: { config: MASTER_CONFIGS[resource], record }, locale, stubTeleport: true });
}

const box = (wrapper: ReturnType<typeof mountForm>['wrapper'], name: string) => wrapper.find<HTMLInputElement>(`[name="${name}"]`);

signedInTests();

describe('MasterDataFormDialog', () => {
  it('creates a part from Indonesian amounts as canonical decimal strings', async () => {
    net = installFakeFetch({
      'POST /api/v1/parts': (req) => ok(part(9, req.body as object)),
      'GET /api/v1/parts': () => ok([], { page: 1, limit: 20, total: 0, pages: 1 }), // the list reloads after a create
    });
    const { wrapper } = mountForm('parts', 'id');
    expect(wrapper.find('[data-testid="number-format-hint"]').text()).toContain('1.500.000,50');

    await box(wrapper, 'kode').setValue('P-9');
    await box(wrapper, 'nama').setValue('Seal');
    await box(wrapper, 'harga').setValue('1.500.000,50');
    await box(wrapper, 'stock').setValue('2,5');
    await wrapper.find('[data-testid="md-form"]').trigger('submit');
    await flushPromises();

    expect(net.callsTo('POST', '/api/v1/parts')[0]?.body).toEqual({
      kode: 'P-9',
      nama: 'Seal',
      harga: '1500000.50',
      stock: '2.5',
      unit: 'pcs',
    });
    expect(wrapper.emitted('saved')).toHaveLength(1);
  });

  it('refuses an amount that does not read as a number, without sending', async () => {
    net = installFakeFetch({});
    const { wrapper } = mountForm('services', 'id');
    await box(wrapper, 'nama').setValue('Tune-up');
    await box(wrapper, 'harga').setValue('1.50.000');
    await wrapper.find('[data-testid="md-form"]').trigger('submit');
    await flushPromises();

    expect(wrapper.find('[data-testid="md-error-harga"]').exists()).toBe(true);
    expect(net.calls).toHaveLength(0);
  });

  it('shows an existing price so it reads back unchanged and sends only a changed one, in English', async () => {
    const record = service(1, { harga: '250000.00' });
    net = installFakeFetch({ [`PATCH /api/v1/services/${record.id}`]: (req) => ok({ ...record, ...(req.body as object) }) });
    const { wrapper } = mountForm('services', 'en', record);
    expect(box(wrapper, 'harga').element.value).toBe('250000.00');
    expect(wrapper.find('[data-testid="number-format-hint"]').text()).toContain('1,500,000.50');

    await box(wrapper, 'harga').setValue('1,250,000.5');
    await wrapper.find('[data-testid="md-form"]').trigger('submit');
    await flushPromises();

    expect(net.callsTo('PATCH', `/api/v1/services/${record.id}`)[0]?.body).toEqual({ harga: '1250000.5' });
  });

  it('closes without a request when the amount is the same value in the other notation', async () => {
    const record = part(1, { harga: '1500.50' });
    net = installFakeFetch({});
    const { wrapper } = mountForm('parts', 'id', record);
    expect(box(wrapper, 'stock').exists()).toBe(false); // opening stock is create-only

    await box(wrapper, 'harga').setValue('1.500,5');
    await wrapper.find('[data-testid="md-form"]').trigger('submit');
    await flushPromises();

    expect(net.calls).toHaveLength(0);
    expect(wrapper.emitted('close')).toHaveLength(1);
  });

  it('rewrites typed amounts when the UI language changes', async () => {
    net = installFakeFetch({});
    const { wrapper, i18n } = mountForm('parts', 'id');
    await box(wrapper, 'harga').setValue('1.500.000,50');

    setLocale('en', i18n);
    await flushPromises();

    expect(box(wrapper, 'harga').element.value).toBe('1500000.50');
    expect(wrapper.find('[data-testid="number-format-hint"]').text()).toContain('1,500,000.50');
  });

  it('has no number-format hint on forms without amounts', () => {
    net = installFakeFetch({});
    const { wrapper } = mountForm('customers', 'en');
    expect(wrapper.find('[data-testid="number-format-hint"]').exists()).toBe(false);
  });
});
