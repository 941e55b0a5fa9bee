import {
  DEFAULT_PRODUCTION_TYPES,
  ODOO_AUTH_MODES,
  ODOO_MO_DEFAULTS,
  httpBaseUrlProblem,
  ODOO_SECRET_PATTERN,
  OdooAuthMode,
  OdooDomain,
  ProductionTypeMapping,
  validateProductionTypes,
} from '@simpul/contracts';
import { validateCronExpression } from 'cron';
import { registerSetting, SettingDefinition } from '../settings/settings.registry';

/**
 * The Odoo connection and MO sync settings. Each is an ordinary setting (stored in `settings`, audited on change,
 * editable one by one through `PUT /api/settings/:key` too); `GET/PUT /api/admin/odoo-config` edits them together.
 */
const nullableString = (key: string, max: number, pattern?: RegExp, hint?: string) => (v: unknown) => {
  if (v === null || v === '') return null;
  if (typeof v !== 'string' || v.length > max) return `${key} must be text of at most ${max} characters, or null`;
  if (pattern && !pattern.test(v)) return `${key} ${hint ?? 'has an invalid format'}`;
  return null;
};

const prefixed = (key: string, problem: string | null) => (problem ? `${key} ${problem}` : null);

const intBetween = (key: string, min: number, max: number) => (v: unknown) =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? null : `${key} must be a whole number from ${min} to ${max}`;

export function cronProblem(v: unknown): string | null {
  if (typeof v !== 'string' || v.trim() === '') return 'The schedule must be a cron expression such as "0 0,6,12,18 * * *"';
  const check = validateCronExpression(v);
  return check.valid ? null : `The schedule "${v}" is not a valid cron expression${check.error ? `: ${check.error.message}` : ''}`;
}

export function timezoneProblem(v: unknown): string | null {
  if (typeof v !== 'string' || v === '') return 'The timezone must be an IANA name such as Asia/Jakarta';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: v });
    return null;
  } catch {
    return `The timezone "${v}" is not a known IANA timezone (e.g. Asia/Jakarta)`;
  }
}

export const ODOO_BASE_URL: SettingDefinition<string | null> = {
  key: 'odoo.baseUrl',
  description: 'Odoo base URL, e.g. https://odoo.example.com (the JSON-RPC paths are appended to it).',
  defaultValue: null,
  validate: (v) => nullableString('odoo.baseUrl', 500)(v) ?? (v === null || v === '' ? null : prefixed('odoo.baseUrl', httpBaseUrlProblem(v))),
};

export const ODOO_DATABASE: SettingDefinition<string | null> = {
  key: 'odoo.database',
  description: 'Odoo database name (needed for login + API key authentication).',
  defaultValue: null,
  validate: nullableString('odoo.database', 100),
};

export const ODOO_AUTH_MODE: SettingDefinition<OdooAuthMode> = {
  key: 'odoo.authMode',
  description: 'How to authenticate to Odoo: "session" (a browser session id, expires) or "api_key" (login + API key, Odoo 14+).',
  defaultValue: ODOO_MO_DEFAULTS.authMode,
  validate: (v) => ((ODOO_AUTH_MODES as readonly unknown[]).includes(v) ? null : `odoo.authMode must be one of ${ODOO_AUTH_MODES.join(', ')}`),
};

export const ODOO_LOGIN: SettingDefinition<string | null> = {
  key: 'odoo.login',
  description: 'Odoo user login for API key authentication.',
  defaultValue: null,
  validate: nullableString('odoo.login', 200),
};

export const ODOO_SESSION_ID: SettingDefinition<string | null> = {
  key: 'odoo.sessionId',
  description: 'Odoo session_id cookie (session authentication). Encrypted at rest, never shown.',
  defaultValue: null,
  secret: true,
  validate: nullableString('odoo.sessionId', 256, ODOO_SECRET_PATTERN, 'must be the session_id cookie value'),
};

export const ODOO_API_KEY: SettingDefinition<string | null> = {
  key: 'odoo.apiKey',
  description: 'Odoo API key (login + API key authentication). Encrypted at rest, never shown.',
  defaultValue: null,
  secret: true,
  validate: nullableString('odoo.apiKey', 256, ODOO_SECRET_PATTERN, 'must be an Odoo API key'),
};

export const ODOO_TIMEOUT_SECONDS: SettingDefinition<number> = {
  key: 'odoo.timeoutSeconds',
  description: 'Timeout of each request to Odoo, in seconds.',
  defaultValue: ODOO_MO_DEFAULTS.timeoutSeconds,
  validate: intBetween('odoo.timeoutSeconds', 1, 300),
};

export const ODOO_SYNC_WINDOW_DAYS: SettingDefinition<number> = {
  key: 'odoo.sync.windowDays',
  description: 'The MO sync reads MOs created in the last N days.',
  defaultValue: ODOO_MO_DEFAULTS.syncWindowDays,
  validate: intBetween('odoo.sync.windowDays', 1, 3650),
};

export const ODOO_SYNC_LIMIT: SettingDefinition<number> = {
  key: 'odoo.sync.limit',
  description: 'At most this many MOs per production type per sync (newest first).',
  defaultValue: ODOO_MO_DEFAULTS.syncLimit,
  validate: intBetween('odoo.sync.limit', 1, 100000),
};

export const ODOO_SYNC_SCHEDULE: SettingDefinition<string> = {
  key: 'odoo.sync.schedule',
  description: 'Cron expression of the scheduled MO sync (minute hour day month weekday).',
  defaultValue: ODOO_MO_DEFAULTS.schedule,
  validate: cronProblem,
};

export const ODOO_SYNC_TIMEZONE: SettingDefinition<string> = {
  key: 'odoo.sync.timezone',
  description: 'Timezone the schedule is read in.',
  defaultValue: ODOO_MO_DEFAULTS.timezone,
  validate: timezoneProblem,
};

export const ODOO_SYNC_ENABLED: SettingDefinition<boolean> = {
  key: 'odoo.sync.enabled',
  description: 'Run the scheduled MO sync. Switched off automatically after 5 consecutive failed scheduled runs.',
  defaultValue: ODOO_MO_DEFAULTS.scheduleEnabled,
  validate: (v) => (typeof v === 'boolean' ? null : 'odoo.sync.enabled must be true or false'),
};

/**
 * Stored as a list of `{ type, domain }` (jsonb does not keep object key order, and the types' order is the order
 * of the sync's results); the odoo-config API shows and takes it as an object `{ type: domain }`.
 */
export interface StoredProductionType {
  type: string;
  domain: OdooDomain;
}

export function toStoredProductionTypes(mapping: ProductionTypeMapping): StoredProductionType[] {
  return Object.entries(mapping).map(([type, domain]) => ({ type, domain }));
}

export function fromStoredProductionTypes(list: StoredProductionType[]): ProductionTypeMapping {
  // fromEntries defines own properties, whatever the names.
  return Object.fromEntries(list.map(({ type, domain }) => [type, domain]));
}

export function storedProductionTypesProblem(v: unknown): string | null {
  if (!Array.isArray(v)) return 'odoo.productionTypes must be a list of {"type": name, "domain": Odoo domain}';
  const seen = new Set<string>();
  for (const entry of v) {
    if (typeof entry !== 'object' || entry === null || typeof (entry as StoredProductionType).type !== 'string' || !('domain' in entry)) {
      return 'odoo.productionTypes must be a list of {"type": name, "domain": Odoo domain}';
    }
    const type = (entry as StoredProductionType).type;
    if (seen.has(type)) return `Production type "${type}" is listed twice.`;
    seen.add(type);
  }
  return validateProductionTypes(fromStoredProductionTypes(v as StoredProductionType[]));
}

export const ODOO_PRODUCTION_TYPES: SettingDefinition<StoredProductionType[]> = {
  key: 'odoo.productionTypes',
  description: 'Production types in sync order, each an Odoo domain on mrp.production, e.g. [{"type": "liquid", "domain": [["product_id.categ_id.name","ilike","liquid"]]}].',
  defaultValue: toStoredProductionTypes(DEFAULT_PRODUCTION_TYPES),
  validate: storedProductionTypesProblem,
};

/** API field of `odoo-config` → its setting. */
export const ODOO_CONFIG_SETTINGS = {
  baseUrl: ODOO_BASE_URL,
  database: ODOO_DATABASE,
  authMode: ODOO_AUTH_MODE,
  login: ODOO_LOGIN,
  sessionId: ODOO_SESSION_ID,
  apiKey: ODOO_API_KEY,
  timeoutSeconds: ODOO_TIMEOUT_SECONDS,
  syncWindowDays: ODOO_SYNC_WINDOW_DAYS,
  syncLimit: ODOO_SYNC_LIMIT,
  schedule: ODOO_SYNC_SCHEDULE,
  timezone: ODOO_SYNC_TIMEZONE,
  scheduleEnabled: ODOO_SYNC_ENABLED,
  productionTypes: ODOO_PRODUCTION_TYPES,
} as const;

export type OdooConfigField = keyof typeof ODOO_CONFIG_SETTINGS;

for (const def of Object.values(ODOO_CONFIG_SETTINGS)) registerSetting(def as SettingDefinition);
