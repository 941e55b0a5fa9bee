import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { money, Page, PageQueryDto, pageMeta, StockCheckResponse, StockMoveReason, StockMoveResponse, StockShortage, toMoneyString } from '@simpul/contracts';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import { formatTimestamp } from '../common/format';
import { pageWindow } from '../common/pagination';
import { StockError, StockErrorCode } from './stock.error';

export interface StockDelta {
  partId: string;
  quantity: string;
  lineId?: string | null;
}

export interface ApplyOptions {
  reason: StockMoveReason;
  orderId?: string | null;
  note?: string | null;
  /** Refuse if a part this takes stock from would end below zero (unless backorders are allowed). */
  refuseNegative?: boolean;
}

interface LockedPart {
  id: string;
  kode: string;
  nama: string;
  stock: string;
  deleted_at: Date | null;
}

@Injectable()
export class StockService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Applies signed quantity changes and writes one ledger row per delta, inside the caller's transaction.
   * Parts are locked in id order, so concurrent confirmations sharing parts queue instead of deadlocking,
   * and the stock is changed with one atomic UPDATE (never read-then-write in application code).
   */
  async apply(em: EntityManager, actor: Actor | null, deltas: StockDelta[], opts: ApplyOptions): Promise<void> {
    if (deltas.length === 0) return;
    const perPart = new Map<string, string>();
    for (const d of deltas) perPart.set(d.partId, toMoneyString(money(perPart.get(d.partId) ?? 0).plus(money(d.quantity))));
    const ids = [...perPart.keys()].sort();
    const locked: LockedPart[] = await em.query(
      `SELECT id, kode, nama, stock, deleted_at FROM parts WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [ids],
    );
    const missing = ids.filter((id) => !locked.some((p) => p.id === id));
    const deleted = locked.filter((p) => p.deleted_at !== null);
    if (missing.length > 0 || deleted.length > 0) {
      const names = [...deleted.map((p) => `${p.kode} (deleted)`), ...missing];
      throw new StockError(StockErrorCode.PartUnavailable, `These parts no longer exist: ${names.join(', ')}.`);
    }
    if (opts.refuseNegative) {
      const shortages: StockShortage[] = locked
        .filter((p) => money(perPart.get(p.id) ?? 0).isNegative() && money(p.stock).plus(money(perPart.get(p.id) ?? 0)).isNegative())
        .map((p) => ({
          product_id: p.id,
          kode: p.kode,
          nama: p.nama,
          requested: toMoneyString(money(perPart.get(p.id) ?? 0).negated()),
          available: toMoneyString(p.stock),
        }));
      if (shortages.length > 0) {
        const list = shortages.map((s) => `${s.kode} needs ${s.requested}, ${s.available} available`).join('; ');
        throw new StockError(StockErrorCode.InsufficientStock, `Not enough stock: ${list}.`, { shortages });
      }
    }
    await em.query(
      `UPDATE parts p SET stock = p.stock + d.delta, updated_at = now()
       FROM unnest($1::uuid[], $2::numeric[]) AS d(id, delta) WHERE p.id = d.id`,
      [ids, ids.map((id) => perPart.get(id))],
    );
    await em.query(
      `INSERT INTO stock_moves (part_id, quantity, reason, order_id, line_id, user_id, note)
       SELECT d.part_id, d.qty, $3, $4, d.line_id, $5, $6
       FROM unnest($1::uuid[], $2::numeric[], $7::uuid[]) AS d(part_id, qty, line_id)
       WHERE d.qty <> 0`,
      [
        deltas.map((d) => d.partId),
        deltas.map((d) => toMoneyString(d.quantity)),
        opts.reason,
        opts.orderId ?? null,
        actor?.id ?? null,
        opts.note ?? null,
        deltas.map((d) => d.lineId ?? null),
      ],
    );
  }

  async history(partId: string, query: PageQueryDto): Promise<Page<StockMoveResponse>> {
    const { page, limit, offset } = pageWindow(query);
    const rows: (Omit<StockMoveResponse, 'created_at'> & { created_at: Date; total: string })[] = await this.dataSource.query(
      `SELECT m.id::text, m.part_id, m.quantity, m.reason, m.order_id, o.kind AS order_kind, o.order_number,
              m.line_id, u.email AS user_email, m.note, m.created_at,
              sum(m.quantity) OVER (ORDER BY m.id) AS balance_after,
              count(*) OVER () AS total
       FROM stock_moves m
       LEFT JOIN orders o ON o.id = m.order_id
       LEFT JOIN users u ON u.id = m.user_id
       WHERE m.part_id = $1
       ORDER BY m.id DESC
       LIMIT $2 OFFSET $3`,
      [partId, limit, offset],
    );
    const total = rows[0] ? Number(rows[0].total) : await this.countMoves(partId);
    return {
      items: rows.map(({ total: _total, created_at, ...r }) => ({ ...r, created_at: formatTimestamp(created_at) })),
      meta: pageMeta(page, limit, total),
    };
  }

  /** Proves `parts.stock` equals each part's ledger sum; lists every part where it does not. */
  async check(): Promise<StockCheckResponse> {
    const rows: { part_id: string; kode: string; stock: string; ledger: string }[] = await this.dataSource.query(
      `SELECT p.id AS part_id, p.kode, p.stock, COALESCE(m.sum, 0)::numeric(18,2) AS ledger
       FROM parts p LEFT JOIN (SELECT part_id, sum(quantity) AS sum FROM stock_moves GROUP BY part_id) m ON m.part_id = p.id
       WHERE p.stock <> COALESCE(m.sum, 0)`,
    );
    const [{ count }] = (await this.dataSource.query(`SELECT count(*)::int AS count FROM parts`)) as [{ count: number }];
    return { ok: rows.length === 0, partsChecked: count, mismatches: rows };
  }

  private async countMoves(partId: string): Promise<number> {
    const [{ count }] = (await this.dataSource.query(`SELECT count(*)::int AS count FROM stock_moves WHERE part_id = $1`, [partId])) as [
      { count: number },
    ];
    return count;
  }
}
