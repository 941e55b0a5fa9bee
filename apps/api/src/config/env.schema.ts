import { plainToInstance, Transform } from 'class-transformer';
import { httpBaseUrlProblem } from '@simpul/contracts';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateBy, validateSync } from 'class-validator';
import { parseTrustProxy, TRUST_PROXY_HELP } from './trust-proxy';
import { StartupError } from '../common/startup-error';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** Every environment variable the API reads. `.env.example` documents each one. */
export class EnvSchema {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV?: 'development' | 'production' | 'test';

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @IsString()
  HOST?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// connection URL' })
  DATABASE_URL?: string;

  /** Connections in this instance's pool. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(500)
  DB_POOL_SIZE?: number;

  /** Paged lists (lists, searches, exports) running at once: about the database server's cores (default 4). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  DB_LIST_CONCURRENCY?: number;

  /** Requests that may wait for a pooled connection; more are answered 503 at once. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  DB_POOL_MAX_WAITING?: number;

  /** While the oldest list waiting for a slot has waited longer than this, more lists get a 503 at once. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  DB_LIST_QUEUE_TARGET_MS?: number;

  /** How long a request may wait for a pooled connection before a 503. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  DB_POOL_WAIT_MS?: number;

  /** The longest a request's SQL statement may run (syncs and migrations are not bound by it). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  DB_STATEMENT_TIMEOUT_MS?: number;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'APP_SECRET must be at least 32 characters; generate one with `openssl rand -hex 32`' })
  APP_SECRET?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86400)
  ACCESS_TOKEN_TTL_SECONDS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_THROTTLE_LIMIT?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_THROTTLE_WINDOW_SECONDS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100)
  LOGIN_DELAY_AFTER_FAILURES?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  LOGIN_DELAY_MAX_SECONDS?: number;

  @IsOptional()
  @ValidateBy({ name: 'trustProxy', validator: { validate: (v: unknown) => typeof v === 'string' && parseTrustProxy(v) !== null, defaultMessage: () => TRUST_PROXY_HELP } })
  TRUST_PROXY?: string;

  @IsOptional()
  @IsString()
  CORS_ORIGINS?: string;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional()
  @IsString()
  WEB_DIST_DIR?: string;

  @IsOptional()
  @IsIn(['true', 'false'])
  SEED_DEMO_DATA?: 'true' | 'false';

  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'DEMO_ADMIN_PASSWORD must be at least 8 characters' })
  DEMO_ADMIN_PASSWORD?: string;

  /** The admin's first password, for a deployment without demo users: used only while that account does not exist. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'ADMIN_PASSWORD must be at least 12 characters; generate one with `openssl rand -base64 18`' })
  ADMIN_PASSWORD?: string;

  /** Default: on, except with NODE_ENV=production. */
  @IsOptional()
  @IsIn(['true', 'false'])
  SWAGGER_ENABLED?: 'true' | 'false';

  /** Serve the SPA's source maps (`/assets/*.map`). Default: on, except with NODE_ENV=production. */
  @IsOptional()
  @IsIn(['true', 'false'])
  SERVE_SOURCE_MAPS?: 'true' | 'false';

  /** The address people open. An https:// one turns on HSTS and the CSP's upgrade-insecure-requests. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/@]+(\/\S*)?$/, { message: 'PUBLIC_URL must be an http(s) URL such as https://simpul.example.com' })
  PUBLIC_URL?: string;

  /** Odoo connection used only while nothing is configured in Admin settings (`npm run dev` points it at the sandbox). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @ValidateBy({
    name: 'httpBaseUrl',
    validator: { validate: (v: unknown) => httpBaseUrlProblem(v) === null, defaultMessage: (a) => `ODOO_DEFAULT_BASE_URL ${httpBaseUrlProblem(a?.value) ?? 'is invalid'}` },
  })
  ODOO_DEFAULT_BASE_URL?: string;

  @IsOptional()
  @IsString()
  ODOO_DEFAULT_DB?: string;

  @IsOptional()
  @IsString()
  ODOO_DEFAULT_LOGIN?: string;

  @IsOptional()
  @IsString()
  ODOO_DEFAULT_API_KEY?: string;
}

/** Validates the raw environment; throws one error whose message names every bad variable. */
export function validateEnv(raw: Record<string, string | undefined>): EnvSchema {
  const env = plainToInstance(EnvSchema, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    const lines = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((msg) => `  - ${msg}`));
    throw configError(lines);
  }
  return env;
}

/** The sentence for bad or missing variables: each one named, then what to do. */
export function configError(lines: string[]): StartupError {
  return new StartupError(
    `Invalid configuration:\n${lines.join('\n')}\nCorrect these environment variables (.env.example describes each one) and start again.`,
  );
}
