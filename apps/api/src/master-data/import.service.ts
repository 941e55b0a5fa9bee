import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ImportEntity, ImportPreviewResponse, ImportRowResult, money, textProblem, toMoneyString } from '@simpul/contracts';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { flattenValidationErrors } from '../common/http/validation';
import { StockService } from '../stock/stock.service';
import { MasterDataError, MasterDataErrorCode } from './master-data.error';
import { MasterDataService } from './master-data.service';
import { PARTS, RESOURCES, ResourceSpec } from './resources';
import { readTabular, TabularRow } from './tabular';

export const MAX_IMPORT_ROWS = 10_000;

interface PlannedRow extends ImportRowResult {
  data: Record<string, unknown>;
  existingId: string | null;
}

/** CSV/XLSX import: a preview that says what each row would do, then an all-or-nothing commit of the same plan. */
@Injectable()
export class ImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly masterData: MasterDataService,
    private readonly stock: StockService,
    private readonly audit: AuditService,
  ) {}

  async run(actor: Actor, entity: ImportEntity, file: { buffer: Buffer; originalname: string }, commit: boolean): Promise<ImportPreviewResponse> {
    const spec = RESOURCES[entity];
    let rows: TabularRow[];
    try {
      rows = await readTabular(file.buffer, file.originalname);
    } catch {
      throw new MasterDataError(MasterDataErrorCode.ImportUnreadable, 'The file could not be read. Upload a CSV or an .xlsx file.');
    }
    if (rows.length === 0) throw new MasterDataError(MasterDataErrorCode.ImportUnreadable, 'The file has no data rows under its header.');
    if (rows.length > MAX_IMPORT_ROWS) {
      throw new MasterDataError(MasterDataErrorCode.ImportUnreadable, `The file has ${rows.length} rows; the limit is ${MAX_IMPORT_ROWS}.`);
    }
    const missing = !Object.keys(rows[0] ?? {}).includes(spec.importKey);
    if (missing) {
      throw new MasterDataError(
        MasterDataErrorCode.ImportUnreadable,
        `The header must include "${spec.importKey}". Expected columns: ${spec.importColumns.join(', ')}.`,
      );
    }
    if (!commit) return this.summarise(entity, await this.plan(this.dataSource.manager, spec, rows), false);

    return this.dataSource.transaction(async (em) => {
      const planned = await this.plan(em, spec, rows);
      const preview = this.summarise(entity, planned, false);
      if (preview.counts.error > 0) {
        throw new MasterDataError(
          MasterDataErrorCode.ImportInvalid,
          `Nothing was imported: ${preview.counts.error} row(s) have errors. Fix them and import again.`,
          { preview },
        );
      }
      for (const row of planned) {
        if (row.existingId) await this.updateRow(em, actor, spec, row.existingId, row.data);
        else await this.masterData.createIn(em, actor, spec, row.data);
      }
      await this.audit.record(em, actor, {
        action: 'IMPORT',
        resourceType: spec.label.toUpperCase(),
        details: { created: preview.counts.create, updated: preview.counts.update },
      });
      return { ...preview, committed: true };
    });
  }

  private async plan(em: EntityManager, spec: ResourceSpec, rows: TabularRow[]): Promise<PlannedRow[]> {
    // Text PostgreSQL cannot store (NUL, half a surrogate pair) makes its row an error and never reaches a query.
    const textErrors = rows.map((raw) =>
      Object.entries(raw).flatMap(([column, value]) => {
        const problem = textProblem(value);
        return problem && spec.importColumns.includes(column) ? [`${column} ${problem}`] : [];
      }),
    );
    const existing = await this.existingByKey(em, spec, rows.filter((_, i) => textErrors[i]?.length === 0));
    const seen = new Set<string>();
    const planned: PlannedRow[] = [];
    for (const [index, raw] of rows.entries()) {
      const data = Object.fromEntries(
        Object.entries(raw).filter(([k, v]) => spec.importColumns.includes(k) && v !== ''),
      ) as Record<string, unknown>;
      const key = String(data[spec.importKey] ?? '');
      const norm = key.toLowerCase();
      const matches = existing.get(norm) ?? [];
      const errors: string[] = [...(textErrors[index] ?? [])];
      if (!key) errors.push(`${spec.importKey} is required`);
      else if (seen.has(norm)) errors.push(`${spec.importKey} "${key}" appears more than once in the file`);
      if (matches.length > 1) errors.push(`${matches.length} existing ${spec.name} are named "${key}"; rename them first`);
      seen.add(norm);
      const existingId = matches.length === 1 ? (matches[0] as string) : null;
      const dto = plainToInstance(existingId ? spec.updateDto : spec.createDto, existingId ? this.forUpdate(spec, data) : data);
      const invalid = flattenValidationErrors(await validate(dto, { whitelist: true, forbidNonWhitelisted: false }));
      errors.push(...invalid.flatMap((f) => f.messages));
      planned.push({ row: index + 1, key, action: errors.length > 0 ? 'error' : existingId ? 'update' : 'create', errors, data, existingId });
    }
    return planned;
  }

  /** On update, the parts' `stock` column is a stock count: it is applied as a difference, not through the DTO. */
  private forUpdate(spec: ResourceSpec, data: Record<string, unknown>): Record<string, unknown> {
    if (spec !== (PARTS as unknown)) return data;
    const { stock: _stock, ...rest } = data;
    return rest;
  }

  private async updateRow(em: EntityManager, actor: Actor, spec: ResourceSpec, id: string, data: Record<string, unknown>) {
    await this.masterData.updateIn(em, actor, spec, id, this.forUpdate(spec, data));
    if (spec === (PARTS as unknown) && data['stock'] !== undefined) {
      const [{ stock }] = (await em.query(`SELECT stock FROM parts WHERE id = $1`, [id])) as [{ stock: string }];
      const delta = money(String(data['stock'])).minus(money(stock));
      if (!delta.isZero()) {
        await this.stock.apply(em, actor, [{ partId: id, quantity: toMoneyString(delta) }], { reason: 'import', note: 'stock count from import' });
      }
    }
  }

  private async existingByKey(em: EntityManager, spec: ResourceSpec, rows: TabularRow[]): Promise<Map<string, string[]>> {
    const keys = [...new Set(rows.map((r) => (r[spec.importKey] ?? '').toLowerCase()).filter(Boolean))];
    const column = spec.importKey;
    const qb = em
      .getRepository<ObjectLiteral>(spec.entity)
      .createQueryBuilder('r')
      .select(['r.id AS id', `lower(r.${column}) AS key`])
      .where(`lower(r.${column}) = ANY(:keys)`, { keys });
    if (spec.softDelete) qb.andWhere('r.deleted_at IS NULL');
    const found: { id: string; key: string }[] = await qb.getRawMany();
    const map = new Map<string, string[]>();
    for (const f of found) map.set(f.key, [...(map.get(f.key) ?? []), f.id]);
    return map;
  }

  private summarise(entity: ImportEntity, planned: PlannedRow[], committed: boolean): ImportPreviewResponse {
    const counts = { create: 0, update: 0, error: 0 };
    for (const p of planned) counts[p.action] += 1;
    return { entity, committed, counts, rows: planned.map(({ row, action, key, errors }) => ({ row, action, key, errors })) };
  }
}
