import { plainToInstance, Transform } from 'class-transformer';
import { httpBaseUrlProblem } from '@simpul/contracts';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateBy, validateSync } from 'class-validator';
import { parseTrustProxy, TRUST_PROXY_HELP } from './trust-proxy';

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

  @IsOptional()
  @IsIn(['true', 'false'])
  SWAGGER_ENABLED?: 'true' | 'false';

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
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return env;
}
