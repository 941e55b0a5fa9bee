import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { money, Page, pageMeta, PartResponse, StockAdjustmentDto, toMoneyString } from '@simpul/contracts';
import { DataSource, EntityManager, ObjectLiteral, QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { pageWindow, sortColumn } from '../common/pagination';
import { StockService } from '../stock/stock.service';
import { MasterDataError, MasterDataErrorCode } from './master-data.error';
import { MasterListQuery, PARTS, ResourceSpec } from './resources';

/** CRUD for customers, vendors, parts and services, driven by each resource's spec. */
@Injectable()
export class MasterDataService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly stock: StockService,
  ) {}

  async list<R>(spec: ResourceSpec<ObjectLiteral, R>, query: MasterListQuery): Promise<Page<R>> {
    const { page, limit, offset } = pageWindow(query);
    const qb = this.dataSource.getRepository(spec.entity).createQueryBuilder('r');
    if (spec.softDelete) qb.andWhere('r.deleted_at IS NULL');
    spec.listFilter?.(qb, query as unknown as Record<string, unknown>);
    if (query.q) qb.andWhere(`(${spec.searchColumns.map((c) => `${c} ILIKE :q`).join(' OR ')})`, { q: `%${query.q}%` });
    const [rows, total] = await qb
      .orderBy(sortColumn(query.sort, spec.sortable, spec.defaultSort), query.order === 'desc' ? 'DESC' : 'ASC')
      .addOrderBy('r.id')
      .skip(offset)
      .take(limit)
      .getManyAndCount();
    return { items: rows.map(spec.map), meta: pageMeta(page, limit, total) };
  }

  async get<R>(spec: ResourceSpec<ObjectLiteral, R>, id: string): Promise<R> {
    return spec.map(await this.findOrFail(this.dataSource.manager, spec, id));
  }

  async create<R>(actor: Actor, spec: ResourceSpec<ObjectLiteral, R>, dto: Record<string, unknown>): Promise<R> {
    return this.dataSource.transaction((em) => this.createIn(em, actor, spec, dto));
  }

  /** Inside a caller's transaction (the importer commits many rows at once). */
  async createIn<R>(em: EntityManager, actor: Actor, spec: ResourceSpec<ObjectLiteral, R>, dto: Record<string, unknown>): Promise<R> {
    const saved = await this.guardUnique(spec, dto, () => em.save(spec.entity, em.create(spec.entity, spec.toRow(dto))));
    const opening = spec === (PARTS as unknown) ? dto['stock'] : undefined;
    if (opening !== undefined && !money(String(opening)).isZero()) {
      await this.stock.apply(em, actor, [{ partId: saved['id'] as string, quantity: String(opening) }], { reason: 'initial' });
    }
    await this.audit.record(em, actor, {
      action: `${spec.label.toUpperCase()}_CREATED`,
      resourceType: spec.label.toUpperCase(),
      resourceId: saved['id'] as string,
    });
    return spec.map(await this.findOrFail(em, spec, saved['id'] as string));
  }

  async update<R>(actor: Actor, spec: ResourceSpec<ObjectLiteral, R>, id: string, dto: Record<string, unknown>): Promise<R> {
    return this.dataSource.transaction((em) => this.updateIn(em, actor, spec, id, dto));
  }

  async updateIn<R>(
    em: EntityManager,
    actor: Actor,
    spec: ResourceSpec<ObjectLiteral, R>,
    id: string,
    dto: Record<string, unknown>,
  ): Promise<R> {
    const row = await this.findOrFail(em, spec, id, true);
    const changes = spec.toRow(dto);
    const changed = Object.keys(changes).filter((k) => row[k] !== changes[k as keyof typeof changes]);
    if (changed.length > 0) {
      await this.guardUnique(spec, dto, () => em.update(spec.entity, { id }, changes));
      await this.audit.record(em, actor, {
        action: `${spec.label.toUpperCase()}_UPDATED`,
        resourceType: spec.label.toUpperCase(),
        resourceId: id,
        details: { changed },
      });
    }
    return spec.map(await this.findOrFail(em, spec, id));
  }

  /** Parts are hidden (orders and the stock ledger keep pointing at them); others are deleted unless referenced. */
  async remove(actor: Actor, spec: ResourceSpec, id: string): Promise<{ message: string }> {
    return this.dataSource.transaction(async (em) => {
      await this.findOrFail(em, spec, id, true);
      if (spec.softDelete) {
        await em.update(spec.entity, { id }, { deletedAt: new Date() });
      } else {
        for (const ref of spec.referencedBy) {
          const [{ count }] = (await em.query(`SELECT count(*)::int AS count FROM ${ref.table} WHERE ${ref.column} = $1`, [id])) as [
            { count: number },
          ];
          if (count > 0) {
            throw new MasterDataError(MasterDataErrorCode.InUse, `${spec.label} is used by ${count} ${ref.what} and cannot be deleted.`);
          }
        }
        await em.delete(spec.entity, { id });
      }
      await this.audit.record(em, actor, { action: `${spec.label.toUpperCase()}_DELETED`, resourceType: spec.label.toUpperCase(), resourceId: id });
      return { message: `${spec.label} deleted successfully` };
    });
  }

  /** A manual correction, recorded in the ledger like any other move; it may not take stock below zero. */
  async adjustStock(actor: Actor, partId: string, dto: StockAdjustmentDto): Promise<PartResponse> {
    return this.dataSource.transaction(async (em) => {
      await this.findOrFail(em, PARTS, partId);
      const quantity = toMoneyString(String(dto.quantity));
      await this.stock.apply(em, actor, [{ partId, quantity }], { reason: 'adjustment', note: dto.note, refuseNegative: true });
      await this.audit.record(em, actor, {
        action: 'STOCK_ADJUSTED',
        resourceType: 'PART',
        resourceId: partId,
        details: { quantity, note: dto.note },
      });
      return PARTS.map(await this.findOrFail(em, PARTS, partId));
    });
  }

  async findOrFail<E extends ObjectLiteral>(em: EntityManager, spec: ResourceSpec<E, unknown>, id: string, lock = false): Promise<E> {
    const qb = em.getRepository(spec.entity).createQueryBuilder('r').where('r.id = :id', { id });
    if (spec.softDelete) qb.andWhere('r.deleted_at IS NULL');
    if (lock) qb.setLock('pessimistic_write');
    const row = await qb.getOne();
    if (!row) throw new MasterDataError(MasterDataErrorCode.NotFound, `${spec.label} not found`);
    return row;
  }

  private async guardUnique<T>(spec: ResourceSpec, dto: Record<string, unknown>, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (err) {
      const constraint = err instanceof QueryFailedError ? (err.driverError as { constraint?: string }).constraint : undefined;
      const sentence = constraint ? spec.uniqueMessages[constraint] : undefined;
      if (sentence) throw new MasterDataError(MasterDataErrorCode.Duplicate, sentence(dto));
      throw err;
    }
  }
}
