import * as path from 'node:path';
import { configError, validateEnv } from './env.schema';
import { parseTrustProxy, TrustProxy } from './trust-proxy';

export const APP_CONFIG = Symbol('APP_CONFIG');

/** The typed, validated configuration every module reads. Built once at boot. */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  http: {
    host: string;
    port: number;
    corsOrigins: string[];
    /** Whose X-Forwarded-For names the client (TRUST_PROXY); false trusts no proxy. */
    trustProxy: TrustProxy;
    /** PUBLIC_URL, when set: the address people open. */
    publicUrl: string | null;
    /** Served over TLS by configuration (an https PUBLIC_URL); otherwise per request, when a trusted proxy says so. */
    tls: boolean;
  };
  database: { url: string; pool: DatabasePool };
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
  web: { distDir: string | null; sourceMaps: boolean };
  /** Users created at start when missing: the demo users (SEED_DEMO_DATA), or the admin alone (ADMIN_PASSWORD). */
  seed: { demoData: boolean; demoAdminEmail: string; demoAdminPassword: string; adminPassword: string | null };
  swagger: { enabled: boolean };
  /** Initial Odoo connection while none is configured (ODOO_DEFAULT_*). */
  odooDefaults: { baseUrl: string | null; database: string | null; login: string | null; apiKey: string | null };
}

/** The request pool's bounds (DB_POOL_*, DB_STATEMENT_TIMEOUT_MS); see database/pool-guard.ts. */
export interface DatabasePool {
  size: number;
  /** Connections paged lists may hold at once (common/http/list-gate.ts). */
  listConcurrency: number;
  maxWaiting: number;
  /** The list queue takes no more lists while its oldest has waited longer than this (common/http/list-gate.ts). */
  listQueueTargetMs: number;
  waitMs: number;
  statementTimeoutMs: number;
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
    throw configError(missing.map((k) => `  - ${k} is required`));
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
      publicUrl: env.PUBLIC_URL?.replace(/\/$/, '') ?? null,
      tls: env.PUBLIC_URL?.startsWith('https://') ?? false,
    },
    database: {
      url: env.DATABASE_URL as string,
      pool: {
        size: env.DB_POOL_SIZE ?? 20,
        listConcurrency: env.DB_LIST_CONCURRENCY ?? 4,
        maxWaiting: env.DB_POOL_MAX_WAITING ?? 400,
        listQueueTargetMs: env.DB_LIST_QUEUE_TARGET_MS ?? 250,
        waitMs: env.DB_POOL_WAIT_MS ?? 3000,
        statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS ?? 15_000,
      },
    },
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
    web: {
      distDir: env.WEB_DIST_DIR ? path.resolve(env.WEB_DIST_DIR) : null,
      sourceMaps: onUnlessProduction(env.SERVE_SOURCE_MAPS, nodeEnv),
    },
    seed: {
      demoData: env.SEED_DEMO_DATA === 'true',
      demoAdminEmail: DEMO_ADMIN_EMAIL,
      demoAdminPassword: env.DEMO_ADMIN_PASSWORD ?? DEFAULT_DEMO_PASSWORD,
      adminPassword: env.ADMIN_PASSWORD ?? null,
    },
    swagger: { enabled: onUnlessProduction(env.SWAGGER_ENABLED, nodeEnv) },
    odooDefaults: {
      baseUrl: env.ODOO_DEFAULT_BASE_URL ?? null,
      database: env.ODOO_DEFAULT_DB || null,
      login: env.ODOO_DEFAULT_LOGIN || null,
      apiKey: env.ODOO_DEFAULT_API_KEY || null,
    },
  };
}

/** What a public deployment should not show by default (API docs, source maps): on unless NODE_ENV=production. */
function onUnlessProduction(flag: 'true' | 'false' | undefined, nodeEnv: AppConfig['env']): boolean {
  return flag === undefined ? nodeEnv !== 'production' : flag === 'true';
}
