import type { OdooConfigResponse, OdooConnectionTestResponse } from '@simpul/contracts';
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { h } from 'vue';
import { installFakeFetch, ok, type FakeFetch } from '@/shared/test/fake-fetch';
import { mountRoute, signedInTests } from '@/shared/test/mount';
import OdooSettingsPage from './OdooSettingsPage.vue';

let net: FakeFetch | null = null;

const config: OdooConfigResponse = {
  baseUrl: 'https://odoo.example.com',
  database: 'mrpdemo',
  authMode: 'api_key',
  login: 'admin',
  sessionIdSet: false,
  sessionIdMasked: null,
  apiKeySet: true,
  apiKeyMasked: '••••abcd',
  timeoutSeconds: 30,
  syncWindowDays: 90,
  syncLimit: 1000,
  schedule: '*/15 * * * *',
  timezone: 'Asia/Jakarta',
  scheduleEnabled: false,
  productionTypes: { liquid: [['product_id.categ_id.name', '=', 'Liquid']] },
  complete: true,
  usingEnvironmentDefaults: false,
  updatedAt: null,
};

const failedTest = (failure: string, error: string): OdooConnectionTestResponse => ({
  ok: false,
  serverVersion: '18.0',
  serverVersionInfo: null,
  authMode: 'api_key',
  user: null,
  scheduledStartField: null,
  productionTypes: [],
  error,
  failure,
});

signedInTests();

describe('OdooSettingsPage connection test', () => {
  it('marks the database field when the test finds no such database, and clears it once another test passes that point', async () => {
    let answer = failedTest('database_not_found', 'Database "mrpdem" does not exist on this Odoo server.');
    net = installFakeFetch({
      'GET /api/admin/odoo-config': () => ok(config),
      'POST /api/admin/odoo-config/test': () => ok(answer),
    });
    const { wrapper } = await mountRoute(
      [
        { path: '/admin/odoo', name: 'odoo-settings', component: OdooSettingsPage },
        { path: '/mo', name: 'odoo-mo', component: () => h('div') },
      ],
      '/admin/odoo',
    );
    const database = () => wrapper.find('#odoo-db');

    expect(database().attributes('aria-invalid')).toBe('false');
    expect(wrapper.find('[data-testid="odoo-db-not-found"]').exists()).toBe(false);

    await wrapper.find('[data-testid="odoo-test"]').trigger('click');
    await flushPromises();
    expect(net.callsTo('POST', '/api/admin/odoo-config/test')).toHaveLength(1);
    const note = wrapper.find('[data-testid="odoo-db-not-found"]');
    expect(note.text()).toBe(
      'This Odoo server has no database of that name. Check the spelling (it is case-sensitive).',
    );
    expect(database().attributes('aria-invalid')).toBe('true');
    expect(database().attributes('aria-describedby')).toBe(note.attributes('id'));

    // Another failure is not the database's: the field is no longer marked.
    answer = failedTest('auth_failed', 'Odoo refused the login or API key.');
    await wrapper.find('[data-testid="odoo-test"]').trigger('click');
    await flushPromises();
    expect(net.callsTo('POST', '/api/admin/odoo-config/test')).toHaveLength(2);
    expect(wrapper.find('[data-testid="odoo-db-not-found"]').exists()).toBe(false);
    expect(database().attributes('aria-invalid')).toBe('false');
  });
});
