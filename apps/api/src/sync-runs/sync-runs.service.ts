import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Page,
  pageMeta,
  SyncRunDetailResponse,
  SyncRunItemsQueryDto,
  SyncRunListQueryDto,
  SyncRunProgress,
  SyncRunProgressItem,
  SyncRunResponse,
  SyncRunStatus,
  SyncTrigger,
} from '@simpul/contracts';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import { pageWindow } from '../common/pagination';
import { SyncError, SyncErrorCode } from './sync-runs.error';

export interface SyncItem {
  key: string;
  status: string;
  message?: string | null;
  details?: Record<string, unknown>;
}

export interface SyncOutcome<T> {
  status: Exclude<SyncRunStatus, 'running'>;
  counts: Record<string, number>;
  summary?: Record<string, unknown>;
  error?: string | null;
  /** Per-item results, written with the run's final state. */
  items?: SyncItem[];
  result: T;
}

export interface RunContext {
  runId: string;
  /**
   * Reports how far the run has got. Returns at once; the latest report is written at most every
   * PROGRESS_INTERVAL_MS (the first after that long, so a short run writes none), on the run's own connection.
   */
  progress(items: SyncRunProgressItem[]): void;
}

export interface RunOptions {
  /** The sync's name in messages ("Odoo MO"); the kind itself when not given. */
  name?: string;
  /**
   * Record the run's start and end without waiting for the WAL flush. Only for syncs whose own writes commit the same
   * way (a cache the next run rebuilds): a crash then loses the run's writes and its end together (WAL is flushed in
   * order, so never a write without its run), and the next run marks the run interrupted.
   */
  asyncCommit?: boolean;
}

/** "An Odoo MO", "A parts-po": the indefinite article by the name's first letter. */
function withArticle(name: string): string {
  return `${/^[aeiou]/i.test(name) ? 'An' : 'A'} ${name}`;
}

const INTERRUPTED =
  'Interrupted: the server stopped before this run finished. Its changes may be incomplete; run it again.';

const ITEM_BATCH = 5000;

/** `set_config(…, true)` lasts until the end of the statement's transaction: when `param` is true, its commit skips the WAL flush. */
const commitMode = (param: string) =>
  `commit_mode AS (SELECT set_config('synchronous_commit', CASE WHEN ${param} THEN 'off' ELSE current_setting('synchronous_commit') END, true))`;

/**
 * A run's start in one statement: the advisory lock, and only if it was taken, the runs of this kind that a crash
 * left `running` marked interrupted and the new run's row. `lock` is volatile, so it is evaluated once.
 */
const START_SQL = `
WITH lock AS (SELECT pg_try_advisory_lock(hashtext($1)) AS locked),
${commitMode('$6')},
interrupted AS (
  UPDATE sync_runs SET status = 'failed', finished_at = now(), error = $5
  WHERE kind = $2 AND status = 'running' AND (SELECT locked FROM lock)
),
started AS (
  INSERT INTO sync_runs (kind, trigger, triggered_by, status)
  SELECT $2, $3, $4, 'running' FROM lock, commit_mode WHERE locked RETURNING id
)
SELECT (SELECT locked FROM lock) AS locked, (SELECT id FROM started) AS id`;

/** A run's end in one statement: its (last batch of) items and its row. */
const FINISH_SQL = `
WITH ${commitMode('$6')},
items AS (
  INSERT INTO sync_run_items (run_id, item_key, status, message, details)
  SELECT $1, k, s, m, d FROM unnest($7::text[], $8::text[], $9::text[], $10::jsonb[]) AS t(k, s, m, d)
)
UPDATE sync_runs SET status = $2, finished_at = now(), counts = $3, summary = $4, error = $5, progress = NULL
FROM commit_mode WHERE id = $1`;

/** Progress is a passing view of a running run: its writes never wait for the WAL flush. */
const PROGRESS_SQL = `
WITH ${commitMode('true')}
UPDATE sync_runs SET progress = $2 FROM commit_mode WHERE id = $1 AND status = 'running'`;

/** At most this often a running run's progress is written (a page polling it sees it that fresh). */
export const PROGRESS_INTERVAL_MS = 500;

/**
 * Runs syncs one at a time per kind across every API instance (a PostgreSQL advisory lock held on a dedicated
 * connection for the whole run), and records each run with its per-item results in `sync_runs`.
 */
@Injectable()
export class SyncRunsService {
  private readonly logger = new Logger('SyncRuns');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async run<T>(
    kind: string,
    trigger: SyncTrigger,
    actor: Actor | null,
    work: (ctx: RunContext) => Promise<SyncOutcome<T>>,
    opts: RunOptions = {},
  ): Promise<T & { runId: string }> {
    // One connection holds the lock for the whole run and also writes the run's start and end.
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked, id }] = (await runner.query(START_SQL, [
        lockKey(kind),
        kind,
        trigger,
        actor?.id ?? null,
        INTERRUPTED,
        opts.asyncCommit ?? false,
      ])) as [{ locked: boolean; id: string }]; // the same statement inserts the row whenever it took the lock
      if (!locked) {
        throw new SyncError(
          SyncErrorCode.AlreadyRunning,
          `${withArticle(opts.name ?? kind)} sync is already running. Wait for it to finish, then try again.`,
        );
      }
      try {
        return await this.record(runner, id, kind, work, opts);
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtext($1))`, [lockKey(kind)]);
      }
    } finally {
      await runner.release();
    }
  }

  /**
   * For syncs that run inside another transaction (auto-sync on a purchase order change): waits for any running
   * sync of this kind, then holds the lock until that transaction ends.
   */
  async lockWithin(em: EntityManager, kind: string): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [lockKey(kind)]);
  }

  /** Records a finished run written inside a caller's transaction (auto-sync). */
  async recordWithin(
    em: EntityManager,
    kind: string,
    trigger: SyncTrigger,
    actor: Actor | null,
    outcome: Omit<SyncOutcome<unknown>, 'result'>,
    items: SyncItem[],
  ): Promise<string> {
    const [{ id }] = (await em.query(
      `INSERT INTO sync_runs (kind, trigger, triggered_by, status, finished_at, counts, summary, error)
       VALUES ($1, $2, $3, $4, now(), $5, $6, $7) RETURNING id`,
      [kind, trigger, actor?.id ?? null, outcome.status, outcome.counts, outcome.summary ?? {}, outcome.error ?? null],
    )) as [{ id: string }];
    await insertItems(em, id, items);
    return id;
  }

  async list(query: SyncRunListQueryDto): Promise<Page<SyncRunResponse>> {
    const { page, limit, offset } = pageWindow(query);
    const params: unknown[] = [];
    const where: string[] = [];
    if (query.kind) where.push(`r.kind = $${params.push(query.kind)}`);
    if (query.trigger) where.push(`r.trigger = $${params.push(query.trigger)}`);
    if (query.status) where.push(`r.status = $${params.push(query.status)}`);
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const rows: RunRow[] = await this.dataSource.query(
      `SELECT r.*, u.email AS triggered_by_email FROM sync_runs r LEFT JOIN users u ON u.id = r.triggered_by
       ${clause} ORDER BY r.started_at DESC, r.id DESC LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    const [{ count }] = (await this.dataSource.query(
      `SELECT count(*)::int AS count FROM sync_runs r ${clause}`,
      params,
    )) as [{ count: number }];
    return { items: rows.map(mapRun), meta: pageMeta(page, limit, count) };
  }

  async get(id: string, query: SyncRunItemsQueryDto): Promise<SyncRunDetailResponse> {
    const rows: RunRow[] = await this.dataSource.query(
      `SELECT r.*, u.email AS triggered_by_email FROM sync_runs r LEFT JOIN users u ON u.id = r.triggered_by WHERE r.id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row) throw new SyncError(SyncErrorCode.RunNotFound, 'Sync run not found');
    const { page, limit, offset } = pageWindow(query, 50);
    const params: unknown[] = [id];
    const filter = query.status ? `AND status = $${params.push(query.status)}` : '';
    const items: { item_key: string; status: string; message: string | null; details: Record<string, unknown> }[] =
      await this.dataSource.query(
        `SELECT item_key, status, message, details FROM sync_run_items WHERE run_id = $1 ${filter} ORDER BY id LIMIT ${limit} OFFSET ${offset}`,
        params,
      );
    const counts: { status: string; count: number }[] = await this.dataSource.query(
      `SELECT status, count(*)::int AS count FROM sync_run_items WHERE run_id = $1 GROUP BY status`,
      [id],
    );
    const itemCounts = Object.fromEntries(counts.map((c) => [c.status, c.count])) as Record<string, number>;
    const total = query.status ? (counts.find((c) => c.status === query.status)?.count ?? 0) : counts.reduce((n, c) => n + c.count, 0);
    return {
      ...mapRun(row),
      itemCounts,
      items: items.map((i) => ({ key: i.item_key, status: i.status, message: i.message, details: i.details })),
      itemsMeta: pageMeta(page, limit, total),
    };
  }

  /** The last finished run of a kind, for "last run" displays. */
  async last(kind: string): Promise<SyncRunResponse | null> {
    const rows: RunRow[] = await this.dataSource.query(
      `SELECT r.*, NULL AS triggered_by_email FROM sync_runs r WHERE kind = $1 AND status <> 'running' ORDER BY started_at DESC LIMIT 1`,
      [kind],
    );
    return rows[0] ? mapRun(rows[0]) : null;
  }

  private async record<T>(
    runner: QueryRunner,
    id: string,
    kind: string,
    work: (ctx: RunContext) => Promise<SyncOutcome<T>>,
    opts: RunOptions,
  ): Promise<T & { runId: string }> {
    const progress = new ProgressWriter(runner, id, this.logger);
    try {
      const outcome = await work({ runId: id, progress: (items) => progress.report(items) });
      await progress.stop();
      await this.finish(runner.manager, id, outcome, opts);
      return { ...outcome.result, runId: id };
    } catch (err) {
      await progress.stop();
      const message = err instanceof Error ? err.message : String(err);
      this.logger.warn({ kind, runId: id, err: message }, 'sync run failed');
      await runner.query(
        `UPDATE sync_runs SET status = 'failed', finished_at = now(), error = $2, progress = NULL WHERE id = $1`,
        [id, message],
      );
      throw err;
    }
  }

  /**
   * Writes the run's items and its final state together. Usually one statement (the items fit in one batch); with
   * more items, the earlier batches go first in the same transaction.
   */
  private async finish(em: EntityManager, id: string, outcome: SyncOutcome<unknown>, opts: RunOptions): Promise<void> {
    const items = outcome.items ?? [];
    const last = items.length - (items.length % ITEM_BATCH || ITEM_BATCH);
    const finishWith = (q: Pick<EntityManager, 'query'>) =>
      q.query(FINISH_SQL, [
        id,
        outcome.status,
        outcome.counts,
        outcome.summary ?? {},
        outcome.error ?? null,
        opts.asyncCommit ?? false,
        ...itemColumns(items.slice(Math.max(last, 0))),
      ]);
    if (last <= 0) {
      await finishWith(em);
      return;
    }
    await em.transaction(async (tx) => {
      await insertItems(tx, id, items.slice(0, last));
      await finishWith(tx);
    });
  }
}

/**
 * Writes a running run's latest progress, throttled: a report within PROGRESS_INTERVAL_MS of the last write (or of the
 * run's start) waits for the interval's end, and only the newest report then goes out. Writes queue on the run's
 * connection; a failed one is logged and does not fail the run.
 */
class ProgressWriter {
  private latest: SyncRunProgressItem[] | null = null;
  private lastWrite = Date.now();
  private timer: NodeJS.Timeout | null = null;
  private writes: Promise<void> = Promise.resolve();

  constructor(
    private readonly runner: QueryRunner,
    private readonly runId: string,
    private readonly logger: Logger,
  ) {}

  report(items: SyncRunProgressItem[]): void {
    this.latest = items.map((item) => ({ ...item }));
    const wait = this.lastWrite + PROGRESS_INTERVAL_MS - Date.now();
    if (wait <= 0) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), wait);
  }

  /** Drops a report still waiting and waits for the writes under way: the run's end comes next. */
  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.latest = null;
    await this.writes;
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const items = this.latest;
    if (!items) return;
    this.latest = null;
    this.lastWrite = Date.now();
    const progress: SyncRunProgress = { at: new Date().toISOString(), items };
    this.writes = this.writes
      .then(() => this.runner.query(PROGRESS_SQL, [this.runId, progress]))
      .then(
        () => undefined,
        (err: unknown) => {
          this.logger.warn({ runId: this.runId, err: err instanceof Error ? err.message : String(err) }, 'sync progress not recorded');
        },
      );
  }
}

interface RunRow {
  id: string;
  kind: string;
  trigger: SyncTrigger;
  triggered_by: string | null;
  triggered_by_email: string | null;
  status: SyncRunStatus;
  started_at: Date;
  finished_at: Date | null;
  counts: Record<string, number>;
  summary: Record<string, unknown>;
  error: string | null;
  progress: SyncRunProgress | null;
}

function lockKey(kind: string): string {
  return `simpul:sync:${kind}`;
}

function mapRun(r: RunRow): SyncRunResponse {
  return {
    id: r.id,
    kind: r.kind,
    trigger: r.trigger,
    triggeredBy: r.triggered_by,
    triggeredByEmail: r.triggered_by_email,
    status: r.status,
    startedAt: r.started_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
    durationMs: r.finished_at ? r.finished_at.getTime() - r.started_at.getTime() : null,
    counts: r.counts,
    summary: r.summary,
    error: r.error,
    progress: r.progress ?? null,
  };
}

async function insertItems(em: EntityManager, runId: string, items: SyncItem[]): Promise<void> {
  for (let i = 0; i < items.length; i += ITEM_BATCH) {
    await em.query(
      `INSERT INTO sync_run_items (run_id, item_key, status, message, details)
       SELECT $1, k, s, m, d FROM unnest($2::text[], $3::text[], $4::text[], $5::jsonb[]) AS t(k, s, m, d)`,
      [runId, ...itemColumns(items.slice(i, i + ITEM_BATCH))],
    );
  }
}

/** The item parameters of `INSERT INTO sync_run_items … unnest(…)`: keys, statuses, messages, details. */
function itemColumns(items: SyncItem[]): [string[], string[], Array<string | null>, string[]] {
  return [
    items.map((b) => b.key),
    items.map((b) => b.status),
    items.map((b) => b.message ?? null),
    items.map((b) => JSON.stringify(b.details ?? {})),
  ];
}
