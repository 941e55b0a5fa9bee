import { DEFAULT_PRODUCTION_TYPES, type OdooConfigResponse } from '@simpul/contracts';
import { describe, expect, it } from 'vitest';
import { buildConfigUpdate, formFromConfig, typeRow } from './odoo-config-form';

const saved: OdooConfigResponse = {
  baseUrl: 'https://odoo.example.com',
  database: 'prod',
  authMode: 'api_key',
  login: 'admin',
  sessionIdSet: false,
  sessionIdMasked: null,
  apiKeySet: true,
  apiKeyMasked: '••••-key',
  timeoutSeconds: 30,
  syncWindowDays: 30,
  syncLimit: 1000,
  schedule: '0 0,6,12,18 * * *',
  timezone: 'Asia/Jakarta',
  scheduleEnabled: true,
  productionTypes: DEFAULT_PRODUCTION_TYPES,
  complete: true,
  usingEnvironmentDefaults: false,
  updatedAt: null,
};

describe('Odoo settings form', () => {
  it('sends nothing when nothing changed; the masked API key is never sent back', () => {
    const { dto, errors, rowErrors } = buildConfigUpdate(formFromConfig(saved), saved);
    expect(dto).toEqual({});
    expect(errors).toEqual({});
    expect(rowErrors).toEqual({});
  });

  it('sends only the changed fields, a typed secret, trimmed values and numbers', () => {
    const form = formFromConfig(saved);
    form.baseUrl = ' http://127.0.0.1:4010/odoo/ ';
    form.apiKey = ' new-key ';
    form.timeoutSeconds = '45';
    form.scheduleEnabled = false;
    expect(buildConfigUpdate(form, saved).dto).toEqual({
      baseUrl: 'http://127.0.0.1:4010/odoo',
      apiKey: 'new-key',
      timeoutSeconds: 45,
      scheduleEnabled: false,
    });

    const clearing = formFromConfig(saved);
    clearing.clearApiKey = true;
    clearing.database = '';
    expect(buildConfigUpdate(clearing, saved).dto).toEqual({ apiKey: null, database: null });
  });

  it('adds a fourth production type, keeping the order', () => {
    const form = formFromConfig(saved);
    form.types.push(typeRow('pod', '[["product_id.categ_id.name", "ilike", "pod"]]'));
    const { dto } = buildConfigUpdate(form, saved);
    expect(Object.keys(dto.productionTypes ?? {})).toEqual(['liquid', 'device', 'cartridge', 'pod']);
    expect(dto.productionTypes?.['pod']).toEqual([['product_id.categ_id.name', 'ilike', 'pod']]);
  });

  it('reports invalid JSON, invalid domains, bad names, duplicates and numbers out of range', () => {
    const form = formFromConfig(saved);
    const [liquid, device, cartridge] = form.types;
    if (!liquid || !device || !cartridge) throw new Error('types missing');
    liquid.domain = '[["state", "=", "done"]';
    device.domain = '["|", ["state", "=", "done"]]';
    cartridge.name = 'Cartridge!';
    form.types.push(typeRow('liquid', '[]'));
    form.syncLimit = '0';
    form.baseUrl = 'odoo.example.com';

    const { dto, errors, rowErrors } = buildConfigUpdate(form, saved);

    expect(rowErrors[liquid.id]).toMatchObject({ key: 'odoo.settings.errors.domainJson' });
    expect(rowErrors[device.id]).toEqual({
      text: "The Odoo domain is syntactically not correct: an operator is missing 1 operand (remember '&' and '|' take two, '!' takes one).",
    });
    expect(rowErrors[cartridge.id]).toEqual({ key: 'odoo.settings.errors.typeName' });
    expect(rowErrors[form.types[3]?.id ?? -1]).toEqual({ key: 'odoo.settings.errors.typeDuplicate', values: { name: 'liquid' } });
    expect(errors['syncLimit']).toEqual({ key: 'odoo.settings.errors.intRange', values: { min: 1, max: 100000 } });
    expect(errors['baseUrl']).toEqual({ key: 'odoo.settings.errors.baseUrl' });
    expect(dto.productionTypes).toBeUndefined();
  });

  it('flags a duplicate type name and an empty list', () => {
    const form = formFromConfig(saved);
    form.types.push(typeRow('device', '[]'));
    const dup = buildConfigUpdate(form, saved);
    expect(dup.rowErrors[form.types[3]?.id ?? -1]).toEqual({ key: 'odoo.settings.errors.typeDuplicate', values: { name: 'device' } });

    form.types = [];
    expect(buildConfigUpdate(form, saved).errors['productionTypes']).toEqual({ key: 'odoo.settings.errors.typesEmpty' });
  });
});
