import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SettingResponse } from '@simpul/contracts';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { decryptSecret, deriveKey, encryptSecret, maskSecret } from '../common/crypto';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { SettingEntity } from './setting.entity';
import { SettingsError, SettingsErrorCode } from './settings.error';
import { SETTING_DEFINITIONS, SettingDefinition } from './settings.registry';


@Injectable()
export class SettingsService {
  private readonly key: Buffer;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {
    this.key = deriveKey(config.secret, 'settings');
  }

  /** The typed value, or the definition's default. Reads through `em` to see the caller's transaction. */
  async get<T>(def: SettingDefinition<T>, em: EntityManager = this.dataSource.manager): Promise<T> {
    const row = await em.findOne(SettingEntity, { where: { key: def.key } });
    if (!row) return def.defaultValue;
    if (def.secret) return this.unseal(def, row.secretSealed);
    return (row.value ?? def.defaultValue) as T;
  }

  /** A secret setting's value from its stored `secret_sealed` column (read by the caller), or the default. */
  unseal<T>(def: SettingDefinition<T>, sealed: string | null): T {
    return (sealed ? decryptSecret(sealed, this.key) : def.defaultValue) as T;
  }

  async list(): Promise<SettingResponse[]> {
    const rows = await this.dataSource.getRepository(SettingEntity).find();
    const byKey = new Map(rows.map((r) => [r.key, r]));
    return SETTING_DEFINITIONS.map((def) => this.toResponse(def, byKey.get(def.key)));
  }

  async set(actor: Actor, key: string, value: unknown, em?: EntityManager): Promise<SettingResponse> {
    const def = SETTING_DEFINITIONS.find((d) => d.key === key);
    if (!def) throw new SettingsError(SettingsErrorCode.UnknownKey, `Unknown setting "${key}".`);
    const problem = def.validate(value);
    if (problem) throw new SettingsError(SettingsErrorCode.InvalidValue, problem);
    const write = async (tx: EntityManager) => {
      await tx.upsert(
        SettingEntity,
        {
          key,
          value: def.secret ? null : (value as object),
          secretSealed: def.secret ? (value === null || value === '' ? null : encryptSecret(String(value), this.key)) : null,
          updatedBy: actor.id,
        } as QueryDeepPartialEntity<SettingEntity>,
        ['key'],
      );
      await this.audit.record(tx, actor, {
        action: 'SETTING_CHANGED',
        resourceType: 'SETTING',
        resourceId: key,
        details: def.secret ? { secret: true } : { value },
      });
      return this.toResponse(def, (await tx.findOne(SettingEntity, { where: { key } })) ?? undefined);
    };
    return em ? write(em) : this.dataSource.transaction(write);
  }

  private toResponse(def: SettingDefinition, row: SettingEntity | undefined): SettingResponse {
    if (def.secret) {
      const clear = row?.secretSealed ? decryptSecret(row.secretSealed, this.key) : null;
      return { key: def.key, value: maskSecret(clear), secret: true, updatedAt: row?.updatedAt.toISOString() ?? null };
    }
    return { key: def.key, value: row?.value ?? def.defaultValue, secret: false, updatedAt: row?.updatedAt.toISOString() ?? null };
  }
}
