import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface SyncState {
  consecutiveFailures: number;
  nextAttemptAt: Date | null;
  lastFailureAt: Date | null;
  lastError: string | null;
  pausedAt: Date | null;
}

interface StateRow {
  consecutive_failures: number;
  next_attempt_at: Date | null;
  last_failure_at: Date | null;
  last_error: string | null;
  paused_at: Date | null;
}

/** The scheduled sync's failure streak (one row, shared by every API instance). */
@Injectable()
export class OdooMoStateService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(em: EntityManager = this.dataSource.manager): Promise<SyncState> {
    const rows: StateRow[] = await em.query(`SELECT * FROM odoo_mo_sync_state WHERE id = 1`);
    const r = rows[0];
    return {
      consecutiveFailures: r?.consecutive_failures ?? 0,
      nextAttemptAt: r?.next_attempt_at ?? null,
      lastFailureAt: r?.last_failure_at ?? null,
      lastError: r?.last_error ?? null,
      pausedAt: r?.paused_at ?? null,
    };
  }

  /** Adds one failure; returns the new streak length. */
  async recordFailure(error: string): Promise<number> {
    const rows: Array<{ consecutive_failures: number }> = await this.dataSource.query(
      `INSERT INTO odoo_mo_sync_state (id, consecutive_failures, last_failure_at, last_error, updated_at) VALUES (1, 1, now(), $1, now())
       ON CONFLICT (id) DO UPDATE SET consecutive_failures = odoo_mo_sync_state.consecutive_failures + 1,
         last_failure_at = now(), last_error = $1, updated_at = now()
       RETURNING consecutive_failures`,
      [error],
    );
    return rows[0]?.consecutive_failures ?? 1;
  }

  async setNextAttempt(at: Date | null): Promise<void> {
    await this.dataSource.query(`UPDATE odoo_mo_sync_state SET next_attempt_at = $1, updated_at = now() WHERE id = 1`, [at]);
  }

  /** A run that reached Odoo ends the streak (unless the schedule is paused: only re-enabling clears that). */
  async recordSuccess(): Promise<void> {
    await this.dataSource.query(
      `UPDATE odoo_mo_sync_state SET consecutive_failures = 0, next_attempt_at = NULL, last_error = NULL, updated_at = now()
       WHERE id = 1 AND paused_at IS NULL AND (consecutive_failures > 0 OR next_attempt_at IS NOT NULL)`,
    );
  }

  async markPaused(em: EntityManager): Promise<void> {
    await em.query(`UPDATE odoo_mo_sync_state SET paused_at = now(), next_attempt_at = NULL, updated_at = now() WHERE id = 1`);
  }

  /** Re-enabling the schedule starts a fresh streak. Returns whether it was paused. */
  async clearPause(): Promise<boolean> {
    // Wrapped in a SELECT: TypeORM returns [rows, count] for a bare UPDATE.
    const [{ n }] = (await this.dataSource.query(
      `WITH u AS (
         UPDATE odoo_mo_sync_state SET paused_at = NULL, consecutive_failures = 0, next_attempt_at = NULL, updated_at = now()
         WHERE id = 1 AND paused_at IS NOT NULL RETURNING id
       ) SELECT count(*)::int AS n FROM u`,
    )) as [{ n: number }];
    return n > 0;
  }
}
