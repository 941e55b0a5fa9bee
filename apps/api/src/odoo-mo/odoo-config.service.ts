import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OdooAuthMode, OdooConfigResponse, ProductionTypeMapping, UpdateOdooConfigDto } from '@simpul/contracts';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import { maskSecret } from '../common/crypto';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { SettingDefinition } from '../settings/settings.registry';
import { SettingsService } from '../settings/settings.service';
import { OdooConnection } from './odoo-client';
import { CONFIG_MISSING_MESSAGE, OdooMoError, OdooMoErrorCode } from './odoo-mo.error';
import { fromStoredProductionTypes, ODOO_CONFIG_SETTINGS, OdooConfigField, toStoredProductionTypes } from './odoo-mo.settings';

/** The Odoo settings, typed, with the ODOO_DEFAULT_* environment defaults applied while nothing is configured. */
export interface OdooSettings {
  baseUrl: string | null;
  database: string | null;
  authMode: OdooAuthMode;
  login: string | null;
  sessionId: string | null;
  apiKey: string | null;
  timeoutSeconds: number;
  syncWindowDays: number;
  syncLimit: number;
  schedule: string;
  timezone: string;
  scheduleEnabled: boolean;
  productionTypes: ProductionTypeMapping;
  usingEnvironmentDefaults: boolean;
  updatedAt: Date | null;
}

const NULLABLE: ReadonlySet<OdooConfigField> = new Set(['baseUrl', 'database', 'login', 'sessionId', 'apiKey']);
const SCHEDULE_FIELDS: ReadonlySet<OdooConfigField> = new Set(['schedule', 'timezone', 'scheduleEnabled']);


@Injectable()
export class OdooConfigService {
  private readonly scheduleListeners: Array<() => Promise<void>> = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: SettingsService,
  ) {}

  /** The scheduler re-registers its cron job when the schedule fields change through this service. */
  onScheduleChange(listener: () => Promise<void>): void {
    this.scheduleListeners.push(listener);
  }

  async read(em: EntityManager = this.dataSource.manager): Promise<OdooSettings> {
    const s = ODOO_CONFIG_SETTINGS;
    // One query for every value; SettingsService decrypts the secrets.
    const rows: Array<{ key: string; value: unknown; secret_sealed: string | null; updated_at: Date }> = await em.query(
      `SELECT key, value, secret_sealed, updated_at FROM settings WHERE key = ANY($1::text[])`,
      [Object.values(s).map((d) => d.key)],
    );
    const byKey = new Map(rows.map((r) => [r.key, r]));
    const plain = <T>(def: SettingDefinition<T>): T => (byKey.get(def.key)?.value ?? def.defaultValue) as T;
    const secret = (def: SettingDefinition<string | null>) => this.settings.unseal(def, byKey.get(def.key)?.secret_sealed ?? null);
    const sessionId = secret(s.sessionId);
    const apiKey = secret(s.apiKey);
    const baseUrl = plain(s.baseUrl);
    const database = plain(s.database);
    const authMode = plain(s.authMode);
    const login = plain(s.login);
    const timeoutSeconds = plain(s.timeoutSeconds);
    const syncWindowDays = plain(s.syncWindowDays);
    const syncLimit = plain(s.syncLimit);
    const schedule = plain(s.schedule);
    const timezone = plain(s.timezone);
    const scheduleEnabled = plain(s.scheduleEnabled);
    const productionTypes = plain(s.productionTypes);
    const configured = rows.some((r) => r.key === s.baseUrl.key);
    const updatedAt = rows.reduce<Date | null>((latest, r) => (!latest || r.updated_at > latest ? r.updated_at : latest), null);
    const settings: OdooSettings = {
      baseUrl,
      database,
      authMode,
      login,
      sessionId,
      apiKey,
      timeoutSeconds,
      syncWindowDays,
      syncLimit,
      schedule,
      timezone,
      scheduleEnabled,
      productionTypes: fromStoredProductionTypes(productionTypes),
      usingEnvironmentDefaults: false,
      updatedAt,
    };
    const defaults = this.config.odooDefaults;
    if (!configured && defaults.baseUrl) {
      // Nothing saved yet: start from the environment (the sandbox under `npm run dev`).
      settings.baseUrl = defaults.baseUrl;
      settings.database = database ?? defaults.database;
      settings.login = login ?? defaults.login;
      if (!apiKey && defaults.apiKey) {
        settings.apiKey = defaults.apiKey;
        settings.authMode = 'api_key';
      }
      settings.usingEnvironmentDefaults = true;
    }
    return settings;
  }

  async view(): Promise<OdooConfigResponse> {
    return this.toResponse(await this.read());
  }

  /**
   * Partial update: an omitted field keeps its value, `null` clears a nullable one (a secret sent as null is
   * deleted). Every field is written through SettingsService (validated, encrypted when secret, audited) in one
   * transaction.
   */
  async update(actor: Actor, dto: UpdateOdooConfigDto): Promise<OdooConfigResponse> {
    const given = (Object.keys(ODOO_CONFIG_SETTINGS) as OdooConfigField[]).filter((f) => (dto as Record<string, unknown>)[f] !== undefined);
    await this.dataSource.transaction(async (em) => {
      for (const field of given) {
        let value = (dto as Record<string, unknown>)[field];
        if (NULLABLE.has(field) && typeof value === 'string') value = value.trim() === '' ? null : value.trim();
        if (field === 'baseUrl' && typeof value === 'string') value = value.replace(/\/+$/, '');
        if (field === 'productionTypes') value = toStoredProductionTypes(value as ProductionTypeMapping);
        await this.settings.set(actor, ODOO_CONFIG_SETTINGS[field].key, value, em);
      }
    });
    if (given.some((f) => SCHEDULE_FIELDS.has(f))) {
      for (const listener of this.scheduleListeners) await listener();
    }
    return this.view();
  }

  /** Applies a not-yet-saved partial update over the saved settings (for "test connection" before saving). */
  overlay(saved: OdooSettings, dto: UpdateOdooConfigDto | undefined): OdooSettings {
    if (!dto) return saved;
    const next: OdooSettings = { ...saved };
    for (const field of Object.keys(ODOO_CONFIG_SETTINGS) as OdooConfigField[]) {
      const value = (dto as Record<string, unknown>)[field];
      if (value === undefined) continue;
      (next as unknown as Record<string, unknown>)[field] = typeof value === 'string' && NULLABLE.has(field) ? value.trim() || null : value;
    }
    return next;
  }

  /** The connection a sync can use, or the 400 saying what is missing. */
  connectionOf(s: OdooSettings): OdooConnection {
    if (!s.baseUrl || (s.authMode === 'session' && !s.sessionId)) {
      throw new OdooMoError(OdooMoErrorCode.ConfigMissing, CONFIG_MISSING_MESSAGE);
    }
    if (s.authMode === 'api_key') {
      const missing = [!s.database && 'database name', !s.login && 'login', !s.apiKey && 'API key'].filter(Boolean);
      if (missing.length > 0) {
        throw new OdooMoError(
          OdooMoErrorCode.ConfigMissing,
          `Odoo configuration is incomplete: login + API key authentication needs the ${missing.join(', ')}. Please set ${missing.length === 1 ? 'it' : 'them'} in Admin settings.`,
        );
      }
    }
    return {
      baseUrl: s.baseUrl.replace(/\/+$/, ''),
      database: s.database,
      authMode: s.authMode,
      login: s.login,
      sessionId: s.authMode === 'session' ? s.sessionId : null,
      apiKey: s.authMode === 'api_key' ? s.apiKey : null,
      timeoutMs: s.timeoutSeconds * 1000,
    };
  }

  /** Identifies a connection configuration (secrets hashed), for per-revision caches. */
  revision(conn: OdooConnection): string {
    return createHash('sha256')
      .update(JSON.stringify([conn.baseUrl, conn.database, conn.authMode, conn.login, conn.sessionId, conn.apiKey]))
      .digest('hex');
  }

  private toResponse(s: OdooSettings): OdooConfigResponse {
    let complete = true;
    try {
      this.connectionOf(s);
    } catch {
      complete = false;
    }
    return {
      baseUrl: s.baseUrl,
      database: s.database,
      authMode: s.authMode,
      login: s.login,
      sessionIdSet: Boolean(s.sessionId),
      sessionIdMasked: maskSecret(s.sessionId),
      apiKeySet: Boolean(s.apiKey),
      apiKeyMasked: s.usingEnvironmentDefaults && s.apiKey === this.config.odooDefaults.apiKey ? (s.apiKey ? '••••' : null) : maskSecret(s.apiKey),
      timeoutSeconds: s.timeoutSeconds,
      syncWindowDays: s.syncWindowDays,
      syncLimit: s.syncLimit,
      schedule: s.schedule,
      timezone: s.timezone,
      scheduleEnabled: s.scheduleEnabled,
      productionTypes: s.productionTypes,
      complete,
      usingEnvironmentDefaults: s.usingEnvironmentDefaults,
      updatedAt: s.updatedAt?.toISOString() ?? null,
    };
  }
}
