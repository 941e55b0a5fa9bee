import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
  ValidationOptions,
} from 'class-validator';
import { IsHttpBaseUrl, IsOptionalNotNull } from './input';
import { SearchQueryDto } from './pagination';

/* ------------------------------------------------------------------ Odoo domains */

/** A domain leaf `[field, operator, value]`; `[1, '=', 1]` / `[0, '=', 1]` are Odoo's TRUE/FALSE leaves. */
export type OdooDomainTerm = [string | number, string, unknown];
export type OdooDomainOperator = '&' | '|' | '!';
export type OdooDomain = Array<OdooDomainOperator | OdooDomainTerm>;

/** Leaf operators Odoo accepts (`odoo/osv/expression.py` TERM_OPERATORS, with the `<>` / `==` aliases). */
export const ODOO_TERM_OPERATORS = [
  '=',
  '!=',
  '<>',
  '==',
  '<=',
  '<',
  '>',
  '>=',
  '=?',
  '=like',
  '=ilike',
  'like',
  'not like',
  'ilike',
  'not ilike',
  'in',
  'not in',
  'child_of',
  'parent_of',
] as const;

const OPERATOR_ARITY: ReadonlyMap<string, number> = new Map<OdooDomainOperator, number>([
  ['&', 2],
  ['|', 2],
  ['!', 1],
]);
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

function isScalar(v: unknown): boolean {
  return v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
}

/**
 * Checks that `value` is an Odoo domain as `odoo/osv/expression.py` `normalize_domain` + `check_leaf` accept it:
 * a list in prefix notation of `'&'` / `'|'` (two operands), `'!'` (one operand) and 3-element terms
 * `[field path, operator, value]`, top-level expressions joined by an implicit `'&'`. Returns a sentence naming
 * the first problem, or null.
 */
export function validateOdooDomain(value: unknown): string | null {
  if (!Array.isArray(value)) return 'must be a JSON list (an Odoo domain such as [["state", "=", "done"]])';
  let expected = 1;
  for (let i = 0; i < value.length; i += 1) {
    const token: unknown = value[i];
    if (expected === 0) expected = 1; // an implicit '&' joins top-level expressions
    if (Array.isArray(token)) {
      const problem = termProblem(token);
      if (problem) return `element ${i + 1} ${problem}`;
      expected -= 1;
    } else if (typeof token === 'string' && OPERATOR_ARITY.has(token)) {
      expected += (OPERATOR_ARITY.get(token) ?? 0) - 1;
    } else {
      return `element ${i + 1} (${JSON.stringify(token) ?? String(token)}) is neither a term [field, operator, value] nor one of the operators '&', '|', '!'`;
    }
  }
  if (value.length > 0 && expected !== 0) {
    return `is syntactically not correct: an operator is missing ${expected} operand${expected === 1 ? '' : 's'} (remember '&' and '|' take two, '!' takes one)`;
  }
  return null;
}

function termProblem(term: unknown[]): string | null {
  if (term.length !== 3) return `must have exactly 3 elements [field, operator, value], not ${term.length}`;
  const [field, operator, operand] = term;
  const special = (field === 0 || field === 1) && operator === '=' && operand === 1;
  if (special) return null;
  if (typeof field !== 'string' || !FIELD_PATH.test(field)) return `has an invalid field name ${JSON.stringify(field)}`;
  if (typeof operator !== 'string' || !(ODOO_TERM_OPERATORS as readonly string[]).includes(operator.toLowerCase())) {
    return `has an unknown operator ${JSON.stringify(operator)}`;
  }
  const op = operator.toLowerCase();
  if (Array.isArray(operand)) {
    if (!['in', 'not in', 'child_of', 'parent_of', '=', '!='].includes(op)) return `uses a list value with operator "${operator}"`;
    if (!operand.every(isScalar)) return 'has a list value containing something other than text, numbers or booleans';
    return null;
  }
  if (!isScalar(operand)) return 'has a value that is not text, a number, a boolean or a list';
  return null;
}

/* ------------------------------------------------------------------ production types */

/** The name of a production type (`liquid`, `device`, `cartridge`, or any new one); not a prototype key. */
export const PRODUCTION_TYPE_NAME = /^(?!(?:constructor|prototype)$)[a-z][a-z0-9_-]{0,31}$/;
export const MAX_PRODUCTION_TYPES = 20;

/** Standard Odoo has no production type: each type is an Odoo domain on mrp.production. */
export type ProductionTypeMapping = Record<string, OdooDomain>;

export const DEFAULT_PRODUCTION_TYPES: ProductionTypeMapping = {
  liquid: [['product_id.categ_id.name', 'ilike', 'liquid']],
  device: [['product_id.categ_id.name', 'ilike', 'device']],
  cartridge: [['product_id.categ_id.name', 'ilike', 'cartridge']],
};

/** Validates a whole mapping `{ type: domain }`; returns a sentence naming the first problem, or null. */
export function validateProductionTypes(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'Production types must be a JSON object mapping each type name to an Odoo domain.';
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return 'At least one production type is needed.';
  if (entries.length > MAX_PRODUCTION_TYPES) return `At most ${MAX_PRODUCTION_TYPES} production types are allowed.`;
  for (const [name, domain] of entries) {
    if (!PRODUCTION_TYPE_NAME.test(name)) {
      return `Production type "${name}" is not a valid name: use 1–32 lower-case letters, digits, "-" or "_", starting with a letter (and not "constructor" or "prototype").`;
    }
    const problem = validateOdooDomain(domain);
    if (problem) return `The Odoo domain of production type "${name}" ${problem}.`;
  }
  return null;
}

/** class-validator decorator for a production-type mapping. */
export function IsProductionTypeMapping(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isProductionTypeMapping',
      validator: {
        validate: (value: unknown) => validateProductionTypes(value) === null,
        // Without the sentence's own period: the validation error joins the fields' messages and ends with one.
        defaultMessage: (args) => (validateProductionTypes(args?.value) ?? 'productionTypes is invalid').replace(/\.$/, ''),
      },
    },
    options,
  );
}

/* ------------------------------------------------------------------ configuration */

export const ODOO_AUTH_MODES = ['session', 'api_key'] as const;
export type OdooAuthMode = (typeof ODOO_AUTH_MODES)[number];

export const ODOO_MO_DEFAULTS = {
  authMode: 'api_key' as OdooAuthMode,
  timeoutSeconds: 30,
  syncWindowDays: 30,
  syncLimit: 1000,
  schedule: '0 0,6,12,18 * * *',
  timezone: 'Asia/Jakarta',
  scheduleEnabled: true,
} as const;

/** Session ids and API keys: printable, no separators that could break a header. */
export const ODOO_SECRET_PATTERN = /^[A-Za-z0-9_\-.~+/=]{1,256}$/;

const definedOrNull = (_: object, v: unknown) => v !== undefined && v !== null;

/**
 * `PUT /api/admin/odoo-config`: a partial update. An omitted field keeps its value; `null` clears a nullable field
 * (base URL, database, login, session id, API key). Secrets are write-only.
 */
export class UpdateOdooConfigDto {
  @ValidateIf(definedOrNull)
  @IsString()
  @MaxLength(500)
  @IsHttpBaseUrl()
  baseUrl?: string | null;

  @ValidateIf(definedOrNull)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  database?: string | null;

  @IsOptionalNotNull()
  @IsIn(ODOO_AUTH_MODES)
  authMode?: OdooAuthMode;

  @ValidateIf(definedOrNull)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  login?: string | null;

  @ValidateIf(definedOrNull)
  @IsString()
  @Matches(ODOO_SECRET_PATTERN, { message: 'sessionId must be the session_id cookie value (letters, digits, - _ . ~ + / =)' })
  sessionId?: string | null;

  @ValidateIf(definedOrNull)
  @IsString()
  @Matches(ODOO_SECRET_PATTERN, { message: 'apiKey must be an Odoo API key (letters, digits, - _ . ~ + / =)' })
  apiKey?: string | null;

  @IsOptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(300)
  timeoutSeconds?: number;

  @IsOptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  syncWindowDays?: number;

  @IsOptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  syncLimit?: number;

  @IsOptionalNotNull()
  @IsString()
  @MaxLength(100)
  schedule?: string;

  @IsOptionalNotNull()
  @IsString()
  @MaxLength(64)
  timezone?: string;

  @IsOptionalNotNull()
  @IsBoolean()
  scheduleEnabled?: boolean;

  @IsOptionalNotNull()
  @IsObject()
  @IsProductionTypeMapping()
  productionTypes?: ProductionTypeMapping;
}

/** `GET /api/admin/odoo-config`. Secrets are never returned: `…Set` says whether one is stored, `…Masked` shows `••••abcd`. */
export interface OdooConfigResponse {
  baseUrl: string | null;
  database: string | null;
  authMode: OdooAuthMode;
  login: string | null;
  sessionIdSet: boolean;
  sessionIdMasked: string | null;
  apiKeySet: boolean;
  apiKeyMasked: string | null;
  timeoutSeconds: number;
  syncWindowDays: number;
  syncLimit: number;
  schedule: string;
  timezone: string;
  scheduleEnabled: boolean;
  productionTypes: ProductionTypeMapping;
  /** Whether a sync could run with this configuration (base URL plus the credentials of the auth mode). */
  complete: boolean;
  /** True when the base URL/database come from ODOO_DEFAULT_* environment defaults, not from saved settings. */
  usingEnvironmentDefaults: boolean;
  updatedAt: string | null;
}

export interface OdooConnectionTestResponse {
  ok: boolean;
  /** Odoo's `server_version` (e.g. "16.0"), when `version` answered. */
  serverVersion: string | null;
  serverVersionInfo: unknown[] | null;
  authMode: OdooAuthMode;
  user: { uid: number; name: string | null; login: string | null } | null;
  /** `date_planned_start` (≤ 16) or `date_start` (17+), detected with fields_get. */
  scheduledStartField: string | null;
  /** MOs each type's domain selects in the sync window (a dry run of the mapping). */
  productionTypes: Array<{ production_type: string; count: number | null; error: string | null }>;
  /** The exact problem, when `ok` is false. */
  error: string | null;
  /** timeout | unreachable | http | bad_response | session_expired | auth_failed | database_not_found | odoo_error | config_missing */
  failure: string | null;
}

/* ------------------------------------------------------------------ sync */

export interface MoSyncTypeResult {
  production_type: string;
  /** Rows inserted plus rows whose business columns actually changed (not rows merely re-seen). */
  updated: number;
  status: 'success' | 'error';
  error?: string;
}

/** `POST /api/admin/sync-mo`, exactly as the seed documents it. */
export interface MoSyncResponse {
  success: boolean;
  message: string;
  totalUpdated: number;
  results: MoSyncTypeResult[];
  timestamp: string;
}

/* ------------------------------------------------------------------ monitoring */

export interface MoStatsResponse {
  /** MOs in the cache that Odoo still has (the rows marked missing in Odoo are not counted anywhere but `missing`). */
  total: number;
  /** Cached MOs a sync found missing in Odoo (deleted, or moved out of every production type), kept for history. */
  missing: number;
  /** Latest `last_updated` in the cache. */
  lastUpdated: string | null;
  byType: Array<{ production_type: string; total: number; byState: Record<string, number> }>;
  byState: Record<string, number>;
  lastSync: {
    runId: string;
    trigger: string;
    status: string;
    startedAt: string;
    finishedAt: string | null;
    totalUpdated: number;
    results: MoSyncTypeResult[];
    error: string | null;
  } | null;
  lastSuccessfulSyncAt: string | null;
  schedule: {
    enabled: boolean;
    cron: string;
    timezone: string;
    nextRunAt: string | null;
    consecutiveFailures: number;
    /** Backoff: scheduled ticks before this time are skipped. */
    nextAttemptAt: string | null;
    pausedAt: string | null;
    lastError: string | null;
  };
}

/** One row of the local cache (`GET /api/search/mo`), one per Odoo record (`odoo_id`). */
export interface MoCacheItem {
  /** The MO's reference; unique per company only, so two companies' MOs may share it. */
  mo_number: string;
  odoo_id: number;
  production_type: string;
  sku_name: string;
  /** Decimal string, e.g. "120" or "2.5". */
  quantity: string;
  uom: string | null;
  note: string | null;
  state: string | null;
  scheduled_start: string | null;
  create_date: string | null;
  /** The MO's company, by name. */
  company: string | null;
  /** When a sync last wrote the MO (every sync does). */
  last_updated: string;
  /** When a sync last found the MO changed in Odoo, or first cached it. */
  changed_at: string;
  /** When a sync first found the MO missing in Odoo (deleted, or in no production type any more); null while Odoo has it. */
  missing_since: string | null;
}

/** One MO read live from Odoo (`GET /api/odoo/mo-list`). */
export interface OdooMoItem {
  odoo_id: number;
  mo_number: string;
  /** The type filter asked for, else the type the cache knows it as, else null. */
  production_type: string | null;
  sku_name: string;
  quantity: string;
  uom: string | null;
  note: string | null;
  state: string | null;
  scheduled_start: string | null;
  create_date: string | null;
  company: string | null;
}

export const MO_STATES = ['draft', 'confirmed', 'progress', 'to_close', 'done', 'cancel'] as const;

/** Which cached MOs a search shows: those Odoo still has (the default), those a sync found missing, or both. */
export const MO_PRESENCES = ['present', 'missing', 'all'] as const;
export type MoPresence = (typeof MO_PRESENCES)[number];

export class MoSearchQueryDto extends SearchQueryDto {
  @IsOptional()
  @Matches(PRODUCTION_TYPE_NAME, { message: 'production_type must be a production type name' })
  production_type?: string;

  @IsOptional()
  @IsString()
  @MaxLength(32)
  state?: string;

  @IsOptional()
  @IsIn(MO_PRESENCES)
  presence?: MoPresence;
}

export class OdooMoListQueryDto extends SearchQueryDto {
  @IsOptional()
  @Matches(PRODUCTION_TYPE_NAME, { message: 'production_type must be a production type name' })
  production_type?: string;

  @IsOptional()
  @IsString()
  @MaxLength(32)
  state?: string;

  /** Only MOs created in the last N days. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  days?: number;
}
