import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Page,
  pageMeta,
  PartsSyncExecuteResponse,
  PartsSyncPreviewQueryDto,
  PartsSyncPreviewResponse,
  PartsSyncPreviewStatus,
  PartsSyncResultItem,
  PartsSyncResultStatus,
  PoNumberResponse,
  PoNumbersQueryDto,
  Role,
  SyncTrigger,
} from '@simpul/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { pageWindow } from '../common/pagination';
import { NotificationsService } from '../notifications/notifications.service';
import type { PurchaseOrderChangeHook } from '../orders/order-hooks';
import { SyncRunsService } from '../sync-runs/sync-runs.service';
import { candidatesSql } from './po-winners.sql';

export const PARTS_SYNC_KIND = 'parts-po';
export const PARTS_SYNC_NOTIFY: readonly Role[] = ['admin', 'direktur', 'manager'];
const EMPTY = '(empty)';
const RESULT_CAP = 100;
const BULK_LOCK_TIMEOUT = '1s';

/**
 * Keeps `parts.po_number` equal to the winning purchase order's number (see po-winners.sql.ts): a preview,
 * a manual/scheduled run in one transaction, and an automatic run inside every purchase order change.
 */
@Injectable()
export class PartsSyncService implements PurchaseOrderChangeHook {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runs: SyncRunsService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Counts come from one GROUP BY and the page from LIMIT/OFFSET: no rows are loaded just to count them. */
  async preview(query: PartsSyncPreviewQueryDto): Promise<PartsSyncPreviewResponse> {
    const { page, limit, offset } = pageWindow(query, 50);
    const counts = await this.previewCounts();
    const params: unknown[] = [];
    const filters: string[] = [];
    if (query.status) filters.push(`c.status = $${params.push(query.status)}`);
    if (query.q) filters.push(`(c.kode ILIKE $${params.push(`%${query.q}%`)} OR c.nama ILIKE $${params.length} OR c.po_number ILIKE $${params.length})`);
    const where = filters.length > 0 ? `WHERE ${filters.join(' AND ')}` : '';
    const rows: CandidateRow[] = await this.dataSource.query(
      `SELECT * FROM (${candidatesSql()}) c ${where}
       ORDER BY CASE c.status WHEN 'needs-sync' THEN 0 WHEN 'part-not-found' THEN 1 ELSE 2 END, c.kode, c.part_id
       LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    const total = query.status || query.q ? await this.countWhere(where, params) : counts.total;
    return {
      success: true,
      message: 'Preview generated successfully',
      data: {
        totalPOs: await this.totalPOs(this.dataSource.manager),
        needsSyncCount: counts.byStatus['needs-sync'],
        counts: counts.byStatus,
        preview: rows.map((r) => ({
          poNumber: r.po_number,
          partId: r.part_id,
          partName: r.nama,
          internalPartNo: r.kode,
          currentPONumber: r.current_po_number ?? EMPTY,
          needsSync: r.status === 'needs-sync',
          status: r.status,
        })),
        meta: pageMeta(page, limit, total),
      },
      timestamp: new Date().toISOString(),
    };
  }

  /** The manual or scheduled run: one transaction, one set-based UPDATE, per-part fallback only if it fails. */
  async execute(actor: Actor | null, trigger: Exclude<SyncTrigger, 'auto'>): Promise<PartsSyncExecuteResponse> {
    try {
      const result = await this.runs.run(PARTS_SYNC_KIND, trigger, actor, async (ctx) => {
        const outcome = await this.dataSource.transaction((em) => this.syncAll(em, actor, ctx.runId));
        return {
          status: outcome.counts.error > 0 ? 'partial' : 'success',
          counts: outcome.counts,
          summary: { totalPOs: outcome.totalPOs },
          result: outcome,
        };
      });
      return {
        success: true,
        message: `PO numbers synced: ${result.counts.synced} updated, ${result.counts.error} failed.`,
        data: {
          runId: result.runId,
          totalPOs: result.totalPOs,
          syncedCount: result.counts.synced,
          counts: result.counts,
          results: result.results,
          resultsTruncated: result.truncated,
        },
        timestamp: new Date().toISOString(),
      };
    } catch (err) {
      if (!(err instanceof Error && err.name === 'SyncError')) await this.notifyFailure(trigger, err);
      throw err;
    }
  }

  /** Auto-sync: inside the purchase order's own transaction, so a rolled-back PO change leaves parts untouched. */
  async afterPurchaseOrderChange(em: EntityManager, actor: Actor, change: { orderId: string; partIds: string[] }): Promise<void> {
    if (change.partIds.length === 0) return;
    await this.runs.lockWithin(em, PARTS_SYNC_KIND);
    const rows: { part_id: string; kode: string; po_number: string; previous: string | null }[] = await em.query(
      `WITH c AS (${candidatesSql('l.product_id = ANY($1::uuid[])')}),
       upd AS (
         UPDATE parts p SET po_number = c.po_number, updated_at = now() FROM c
         WHERE p.id = c.part_id AND c.status = 'needs-sync'
         RETURNING p.id AS part_id, p.kode, p.po_number, c.current_po_number AS previous)
       SELECT * FROM upd`,
      [change.partIds],
    );
    if (rows.length === 0) return;
    await this.runs.recordWithin(
      em,
      PARTS_SYNC_KIND,
      'auto',
      actor,
      { status: 'success', counts: { synced: rows.length }, summary: { orderId: change.orderId } },
      rows.map((r) => ({ key: r.kode, status: 'synced', message: null, details: { partId: r.part_id, poNumber: r.po_number, previous: r.previous } })),
    );
    await this.audit.record(em, actor, {
      action: 'SYNC_PO_NUMBERS',
      resourceType: 'PART',
      details: { trigger: 'auto', orderId: change.orderId, synced: rows.length, results: rows.slice(0, 10) },
    });
  }

  async poNumbers(query: PoNumbersQueryDto): Promise<Page<PoNumberResponse>> {
    const { page, limit, offset } = pageWindow(query, 50);
    const params: unknown[] = [];
    const where = [`o.kind = 'purchase'`];
    if (query.status) where.push(`o.status = $${params.push(query.status)}`);
    if (query.q) where.push(`(o.order_number ILIKE $${params.push(`%${query.q}%`)} OR v.nama ILIKE $${params.length})`);
    const clause = where.join(' AND ');
    const rows: { po_number: string; id: string; status: string; order_date: string; vendor: string; parts: number }[] = await this.dataSource.query(
      `SELECT o.order_number AS po_number, o.id, o.status, o.order_date, v.nama AS vendor,
              (SELECT count(DISTINCT product_id)::int FROM order_product_lines WHERE order_id = o.id) AS parts
       FROM orders o JOIN vendors v ON v.id = o.vendor_id WHERE ${clause}
       ORDER BY o.order_date DESC, o.created_at DESC, o.id DESC LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    const [{ count }] = (await this.dataSource.query(
      `SELECT count(*)::int AS count FROM orders o JOIN vendors v ON v.id = o.vendor_id WHERE ${clause}`,
      params,
    )) as [{ count: number }];
    return {
      items: rows.map((r) => ({ poNumber: r.po_number, orderId: r.id, status: r.status, orderDate: r.order_date, vendorName: r.vendor, partsCount: r.parts })),
      meta: pageMeta(page, limit, count),
    };
  }

  // ---------------------------------------------------------------------------------------------------------------

  private async syncAll(em: EntityManager, actor: Actor | null, runId: string) {
    // A run over every part is not a request's quick read: the pool's per-statement timeout does not apply to it.
    await em.query(`SET LOCAL statement_timeout = 0`);
    // The candidates stay in the database: a temp table, not an array in this process.
    await em.query(`CREATE TEMP TABLE parts_sync_candidates ON COMMIT DROP AS
      SELECT c.*, c.status AS result, NULL::text AS message FROM (${candidatesSql()}) c`);
    await em.query(`CREATE INDEX ON parts_sync_candidates (part_id)`);
    await em.query(`ANALYZE parts_sync_candidates`);
    await this.updateCandidates(em);
    const counts = await this.resultCounts(em);
    const totalPOs = await this.totalPOs(em);
    const results: (CandidateRow & { result: PartsSyncResultStatus; message: string | null })[] = await em.query(
      `SELECT * FROM parts_sync_candidates WHERE result <> 'already-synced'
       ORDER BY CASE result WHEN 'error' THEN 0 WHEN 'synced' THEN 1 ELSE 2 END, kode LIMIT ${RESULT_CAP + 1}`,
    );
    const items = results.slice(0, RESULT_CAP).map(toResultItem);
    // Already-synced parts are only counted, so a daily run does not write a row per unchanged part.
    await em.query(
      `INSERT INTO sync_run_items (run_id, item_key, status, message, details)
       SELECT $1, kode, result, message, jsonb_build_object('partId', part_id, 'poNumber', po_number, 'previous', current_po_number)
       FROM parts_sync_candidates WHERE result <> 'already-synced' ORDER BY kode`,
      [runId],
    );
    await this.audit.record(em, actor, {
      action: 'SYNC_PO_NUMBERS',
      resourceType: 'PART',
      resourceId: null,
      details: { runId, totalPOs, syncedCount: counts.synced, counts, results: items.slice(0, 10) },
    });
    if (counts.synced > 0 || counts.error > 0) {
      await this.notifications.notifyRoles(em, PARTS_SYNC_NOTIFY, {
        type: 'parts-sync',
        title: `PO numbers synced: ${counts.synced} part(s) updated`,
        body: counts.error > 0 ? `${counts.error} part(s) could not be updated.` : null,
        link: `/sync-runs/${runId}`,
        data: { runId, counts },
      });
    }
    return { totalPOs, counts, results: items, truncated: results.length > RESULT_CAP };
  }

  /**
   * One UPDATE for every candidate, as fast as the hand-written statement. It waits at most BULK_LOCK_TIMEOUT for a
   * part another transaction holds (an order being confirmed); if that runs out, or any row breaks a constraint, the
   * statement fails as a whole and is retried part by part, each in its own savepoint, so only the parts that are
   * locked or refused become `error` and the rest still commit.
   */
  private async updateCandidates(em: EntityManager): Promise<void> {
    await em.query('SAVEPOINT parts_sync_bulk');
    try {
      await em.query(`SET LOCAL lock_timeout = '${BULK_LOCK_TIMEOUT}'`);
      await em.query(`WITH upd AS (
          UPDATE parts p SET po_number = c.po_number, updated_at = now()
          FROM parts_sync_candidates c WHERE p.id = c.part_id AND c.result = 'needs-sync'
          RETURNING p.id)
        UPDATE parts_sync_candidates c SET result = 'synced' FROM upd WHERE c.part_id = upd.id`);
      await em.query(`SET LOCAL lock_timeout = 0`);
      await em.query('RELEASE SAVEPOINT parts_sync_bulk');
    } catch {
      await em.query('ROLLBACK TO SAVEPOINT parts_sync_bulk');
      await this.updateOneByOne(em);
    }
  }

  private async updateOneByOne(em: EntityManager): Promise<void> {
    const pending: { part_id: string; po_number: string }[] = await em.query(
      `SELECT part_id, po_number FROM parts_sync_candidates WHERE result = 'needs-sync'`,
    );
    for (const row of pending) {
      await em.query('SAVEPOINT parts_sync_row');
      try {
        const locked: unknown[] = await em.query(`SELECT 1 FROM parts WHERE id = $1 FOR UPDATE SKIP LOCKED`, [row.part_id]);
        if (locked.length === 0) throw new Error('The part was locked by another transaction; run the sync again.');
        await em.query(`UPDATE parts SET po_number = $2, updated_at = now() WHERE id = $1`, [row.part_id, row.po_number]);
        await em.query(`UPDATE parts_sync_candidates SET result = 'synced' WHERE part_id = $1`, [row.part_id]);
        await em.query('RELEASE SAVEPOINT parts_sync_row');
      } catch (err) {
        await em.query('ROLLBACK TO SAVEPOINT parts_sync_row');
        const message = (err as Error).message.startsWith('The part was locked')
          ? (err as Error).message
          : `Update refused by the database: ${(err as Error).message}`;
        await em.query(`UPDATE parts_sync_candidates SET result = 'error', message = $2 WHERE part_id = $1`, [row.part_id, message]);
      }
    }
  }

  private async resultCounts(em: EntityManager): Promise<Record<PartsSyncResultStatus, number>> {
    const rows: { result: PartsSyncResultStatus; n: number }[] = await em.query(
      `SELECT result, count(*)::int AS n FROM parts_sync_candidates GROUP BY result`,
    );
    const counts: Record<PartsSyncResultStatus, number> = { synced: 0, 'already-synced': 0, 'part-not-found': 0, error: 0 };
    for (const r of rows) counts[r.result] = r.n;
    return counts;
  }

  private async previewCounts(): Promise<{ total: number; byStatus: Record<PartsSyncPreviewStatus, number> }> {
    const rows: { status: PartsSyncPreviewStatus; n: number }[] = await this.dataSource.query(
      `SELECT status, count(*)::int AS n FROM (${candidatesSql()}) c GROUP BY status`,
    );
    const byStatus: Record<PartsSyncPreviewStatus, number> = { 'needs-sync': 0, 'already-synced': 0, 'part-not-found': 0 };
    for (const r of rows) byStatus[r.status] = r.n;
    return { total: rows.reduce((n, r) => n + r.n, 0), byStatus };
  }

  private async countWhere(where: string, params: unknown[]): Promise<number> {
    const [{ n }] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM (${candidatesSql()}) c ${where}`, params)) as [{ n: number }];
    return n;
  }

  private async totalPOs(em: EntityManager): Promise<number> {
    const [{ n }] = (await em.query(`SELECT count(*)::int AS n FROM orders WHERE kind = 'purchase' AND status <> 'cancelled'`)) as [{ n: number }];
    return n;
  }

  private async notifyFailure(trigger: SyncTrigger, err: unknown): Promise<void> {
    await this.dataSource.transaction((em) =>
      this.notifications.notifyRoles(em, PARTS_SYNC_NOTIFY, {
        type: 'parts-sync',
        title: 'PO number sync failed',
        body: `The ${trigger} run failed: ${err instanceof Error ? err.message : String(err)}`,
        link: '/sync-runs',
      }),
    );
  }
}

interface CandidateRow {
  part_id: string;
  po_number: string;
  order_id: string;
  kode: string;
  nama: string;
  current_po_number: string | null;
  status: PartsSyncPreviewStatus;
}

function toResultItem(r: CandidateRow & { result: PartsSyncResultStatus; message: string | null }): PartsSyncResultItem {
  return {
    poNumber: r.po_number,
    partId: r.part_id,
    partName: r.nama,
    internalPartNo: r.kode,
    previousPONumber: r.current_po_number ?? EMPTY,
    status: r.result,
    ...(r.message ? { message: r.message } : {}),
  };
}
