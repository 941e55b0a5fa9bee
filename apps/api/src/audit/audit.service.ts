import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLogQueryDto, AuditLogResponse, Page, pageMeta } from '@simpul/contracts';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Actor } from '../common/auth/actor';
import { pageWindow } from '../common/pagination';
import { AuditLogEntity } from './audit-log.entity';
import { mapAuditLog } from './audit.mapper';

export interface AuditEntry {
  action: string;
  resourceType: string;
  resourceId?: string | null;
  details?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Writes through the caller's transaction, so the audit row commits or rolls back with the change. */
  async record(em: EntityManager, actor: Actor | null, entry: AuditEntry): Promise<void> {
    await em.insert(AuditLogEntity, {
      action: entry.action,
      resourceType: entry.resourceType,
      resourceId: entry.resourceId ?? null,
      actorId: actor?.id ?? null,
      actorEmail: actor?.email ?? null,
      details: entry.details ?? {},
      requestId: actor?.requestId ?? null,
    } as QueryDeepPartialEntity<AuditLogEntity>);
  }

  async list(query: AuditLogQueryDto): Promise<Page<AuditLogResponse>> {
    const { page, limit, offset } = pageWindow(query);
    const qb = this.dataSource.getRepository(AuditLogEntity).createQueryBuilder('a');
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (query.resourceType) qb.andWhere('a.resource_type = :rt', { rt: query.resourceType });
    if (query.resourceId) qb.andWhere('a.resource_id = :rid', { rid: query.resourceId });
    if (query.actorId) qb.andWhere('a.actor_id = :aid', { aid: query.actorId });
    if (query.from) qb.andWhere('a.created_at >= :from', { from: query.from });
    if (query.to) qb.andWhere('a.created_at <= :to', { to: query.to });
    if (query.q) {
      qb.andWhere('(a.action ILIKE :q OR a.actor_email ILIKE :q OR a.resource_id ILIKE :q)', { q: `%${query.q}%` });
    }
    const [rows, total] = await qb
      .orderBy('a.created_at', query.order === 'asc' ? 'ASC' : 'DESC')
      .addOrderBy('a.id', 'DESC')
      .skip(offset)
      .take(limit)
      .getManyAndCount();
    return { items: rows.map(mapAuditLog), meta: pageMeta(page, limit, total) };
  }
}
