import * as path from 'node:path';
import { validateEnv } from './env.schema';
import { parseTrustProxy, TrustProxy } from './trust-proxy';

export const APP_CONFIG = Symbol('APP_CONFIG');

/** The typed, validated configuration every module reads. Built once at boot. */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  /** `trustProxy`: whose X-Forwarded-For names the client (TRUST_PROXY); false trusts no proxy. */
  http: { host: string; port: number; corsOrigins: string[]; trustProxy: TrustProxy };
  database: { url: string };
  secret: string;
  auth: {
    accessTokenTtlSeconds: number;
    refreshTokenTtlDays: number;
    /**
     * Failed login/refresh attempts allowed per client address per window; after `delayAfterFailures` consecutive
     * failures a login name waits 1, 2, 4 … seconds between attempts, never more than `maxDelaySeconds`.
     */
    loginThrottle: { limit: number; windowSeconds: number; delayAfterFailures: number; maxDelaySeconds: number };
  };
  log: { level: string };
  web: { distDir: string | null };
  seed: { demoData: boolean; demoAdminEmail: string; demoAdminPassword: string };
  swagger: { enabled: boolean };
  /** Initial Odoo connection while none is configured (ODOO_DEFAULT_*). */
  odooDefaults: { baseUrl: string | null; database: string | null; login: string | null; apiKey: string | null };
}

export const DEMO_ADMIN_EMAIL = 'admin@simpul.local';
export const DEFAULT_DEMO_PASSWORD = 'simpul-demo-2026';

/**
 * Maps the environment into AppConfig. `DATABASE_URL` and `APP_SECRET` are required here;
 * the launcher supplies them from the embedded database when they are unset.
 */
export function loadConfig(raw: Record<string, string | undefined>): AppConfig {
  const env = validateEnv(raw);
  const missing = (['DATABASE_URL', 'APP_SECRET'] as const).filter((k) => !env[k]);
  if (missing.length > 0) {
    throw new Error(`Invalid configuration:\n${missing.map((k) => `  - ${k} is required`).join('\n')}`);
  }
  const nodeEnv = env.NODE_ENV ?? 'development';
  return {
    env: nodeEnv,
    http: {
      host: env.HOST ?? '0.0.0.0',
      port: env.PORT ?? 3000,
      corsOrigins: (env.CORS_ORIGINS ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      trustProxy: parseTrustProxy(env.TRUST_PROXY) ?? false,
    },
    database: { url: env.DATABASE_URL as string },
    secret: env.APP_SECRET as string,
    auth: {
      accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS ?? 900,
      refreshTokenTtlDays: env.REFRESH_TOKEN_TTL_DAYS ?? 14,
      loginThrottle: {
        limit: env.LOGIN_THROTTLE_LIMIT ?? 10,
        windowSeconds: env.LOGIN_THROTTLE_WINDOW_SECONDS ?? 60,
        delayAfterFailures: env.LOGIN_DELAY_AFTER_FAILURES ?? 3,
        maxDelaySeconds: env.LOGIN_DELAY_MAX_SECONDS ?? 30,
      },
    },
    log: { level: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info') },
    web: { distDir: env.WEB_DIST_DIR ? path.resolve(env.WEB_DIST_DIR) : null },
    seed: {
      demoData: env.SEED_DEMO_DATA === 'true',
      demoAdminEmail: DEMO_ADMIN_EMAIL,
      demoAdminPassword: env.DEMO_ADMIN_PASSWORD ?? DEFAULT_DEMO_PASSWORD,
    },
    swagger: { enabled: env.SWAGGER_ENABLED !== 'false' },
    odooDefaults: {
      baseUrl: env.ODOO_DEFAULT_BASE_URL ?? null,
      database: env.ODOO_DEFAULT_DB || null,
      login: env.ODOO_DEFAULT_LOGIN || null,
      apiKey: env.ODOO_DEFAULT_API_KEY || null,
    },
  };
}
