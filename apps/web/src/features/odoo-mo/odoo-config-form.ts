import {
  MAX_PRODUCTION_TYPES,
  PRODUCTION_TYPE_NAME,
  validateOdooDomain,
  type OdooAuthMode,
  type OdooConfigResponse,
  type OdooDomain,
  type ProductionTypeMapping,
  type UpdateOdooConfigDto,
} from '@simpul/contracts';

/** One production type being edited: its name and its Odoo domain as JSON text. */
export interface TypeRow {
  id: number;
  name: string;
  domain: string;
}

/** The Odoo settings form. Secrets start empty: empty = keep the stored one; `clear…` deletes it. */
export interface OdooConfigForm {
  baseUrl: string;
  database: string;
  authMode: OdooAuthMode;
  login: string;
  sessionId: string;
  apiKey: string;
  clearSessionId: boolean;
  clearApiKey: boolean;
  timeoutSeconds: string;
  syncWindowDays: string;
  syncLimit: string;
  schedule: string;
  timezone: string;
  scheduleEnabled: boolean;
  types: TypeRow[];
}

/** Field → i18n key (with named values) of a problem found before sending. */
export type FormErrors = Record<string, { key: string; values?: Record<string, unknown> } | { text: string }>;

/** A problem in words: the i18n sentence it names, or its own text. */
export function problemText(entry: FormErrors[string] | undefined, t: (key: string, values: Record<string, unknown>) => string): string | null {
  if (!entry) return null;
  return 'text' in entry ? entry.text : t(entry.key, entry.values ?? {});
}

let nextRowId = 1;

export function typeRow(name = '', domain: OdooDomain | string = []): TypeRow {
  return { id: nextRowId++, name, domain: typeof domain === 'string' ? domain : JSON.stringify(domain) };
}

export function formFromConfig(cfg: OdooConfigResponse): OdooConfigForm {
  return {
    baseUrl: cfg.baseUrl ?? '',
    database: cfg.database ?? '',
    authMode: cfg.authMode,
    login: cfg.login ?? '',
    sessionId: '',
    apiKey: '',
    clearSessionId: false,
    clearApiKey: false,
    timeoutSeconds: String(cfg.timeoutSeconds),
    syncWindowDays: String(cfg.syncWindowDays),
    syncLimit: String(cfg.syncLimit),
    schedule: cfg.schedule,
    timezone: cfg.timezone,
    scheduleEnabled: cfg.scheduleEnabled,
    types: Object.entries(cfg.productionTypes).map(([name, domain]) => typeRow(name, domain)),
  };
}

/** Reads the type rows into a mapping, with one problem per row (the shared validator's sentence for domains). */
export function parseTypes(rows: TypeRow[]): { mapping: ProductionTypeMapping | null; rowErrors: Record<number, FormErrors[string]>; error: FormErrors[string] | null } {
  const rowErrors: Record<number, FormErrors[string]> = {};
  const mapping: ProductionTypeMapping = {};
  const seen = new Set<string>();
  for (const row of rows) {
    const name = row.name.trim();
    if (!PRODUCTION_TYPE_NAME.test(name)) {
      rowErrors[row.id] = { key: 'odoo.settings.errors.typeName' };
      continue;
    }
    if (seen.has(name)) {
      rowErrors[row.id] = { key: 'odoo.settings.errors.typeDuplicate', values: { name } };
      continue;
    }
    seen.add(name);
    let domain: unknown;
    try {
      domain = JSON.parse(row.domain.trim() === '' ? '[]' : row.domain);
    } catch (err) {
      rowErrors[row.id] = { key: 'odoo.settings.errors.domainJson', values: { problem: (err as Error).message } };
      continue;
    }
    const problem = validateOdooDomain(domain);
    if (problem) {
      rowErrors[row.id] = { text: `The Odoo domain ${problem}.` };
      continue;
    }
    mapping[name] = domain as OdooDomain;
  }
  let error: FormErrors[string] | null = null;
  if (rows.length === 0) error = { key: 'odoo.settings.errors.typesEmpty' };
  else if (rows.length > MAX_PRODUCTION_TYPES) error = { key: 'odoo.settings.errors.typesTooMany', values: { max: MAX_PRODUCTION_TYPES } };
  const ok = error === null && Object.keys(rowErrors).length === 0;
  return { mapping: ok ? mapping : null, rowErrors, error };
}

const INT_RANGES = {
  timeoutSeconds: [1, 300],
  syncWindowDays: [1, 3650],
  syncLimit: [1, 100000],
} as const;

function text(value: string): string | null {
  const v = value.trim();
  return v === '' ? null : v;
}

function sameMapping(a: ProductionTypeMapping, b: ProductionTypeMapping): boolean {
  return JSON.stringify(Object.entries(a)) === JSON.stringify(Object.entries(b));
}

/**
 * The `PUT` body: only what differs from the saved configuration. Secrets go only when typed (or cleared), so an
 * untouched masked key is never sent back. Returns the problems found instead when there are any.
 */
export function buildConfigUpdate(form: OdooConfigForm, saved: OdooConfigResponse): { dto: UpdateOdooConfigDto; errors: FormErrors; rowErrors: Record<number, FormErrors[string]> } {
  const dto: UpdateOdooConfigDto = {};
  const errors: FormErrors = {};

  const baseUrl = text(form.baseUrl)?.replace(/\/+$/, '') ?? null;
  if (baseUrl !== null && !/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(baseUrl)) errors['baseUrl'] = { key: 'odoo.settings.errors.baseUrl' };
  if (baseUrl !== saved.baseUrl || saved.usingEnvironmentDefaults) dto.baseUrl = baseUrl;
  const database = text(form.database);
  if (database !== saved.database || saved.usingEnvironmentDefaults) dto.database = database;
  if (form.authMode !== saved.authMode) dto.authMode = form.authMode;
  const login = text(form.login);
  if (login !== saved.login || saved.usingEnvironmentDefaults) dto.login = login;

  if (form.clearSessionId) dto.sessionId = null;
  else if (form.sessionId.trim()) dto.sessionId = form.sessionId.trim();
  if (form.clearApiKey) dto.apiKey = null;
  else if (form.apiKey.trim()) dto.apiKey = form.apiKey.trim();

  for (const field of Object.keys(INT_RANGES) as (keyof typeof INT_RANGES)[]) {
    const [min, max] = INT_RANGES[field];
    const raw = form[field].trim();
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < min || n > max) {
      errors[field] = { key: 'odoo.settings.errors.intRange', values: { min, max } };
      continue;
    }
    if (n !== saved[field]) dto[field] = n;
  }

  const schedule = form.schedule.trim();
  if (!schedule) errors['schedule'] = { key: 'odoo.settings.errors.required' };
  else if (schedule !== saved.schedule) dto.schedule = schedule;
  const timezone = form.timezone.trim();
  if (!timezone) errors['timezone'] = { key: 'odoo.settings.errors.required' };
  else if (timezone !== saved.timezone) dto.timezone = timezone;
  if (form.scheduleEnabled !== saved.scheduleEnabled) dto.scheduleEnabled = form.scheduleEnabled;

  const types = parseTypes(form.types);
  if (types.error) errors['productionTypes'] = types.error;
  if (types.mapping && !sameMapping(types.mapping, saved.productionTypes)) dto.productionTypes = types.mapping;

  return { dto, errors, rowErrors: types.rowErrors };
}
