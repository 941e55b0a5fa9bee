import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MoCacheItem, MoSearchQueryDto, Page, pageMeta } from '@simpul/contracts';
import type { PoolClient } from 'pg';
import { DataSource, QueryRunner } from 'typeorm';
import { pageWindow } from '../common/pagination';
import { pgArrayLiteral } from '../database/pg-array';
import { escapeLike } from './odoo-domain';
import { CacheDbRow, MoRow, toMoCacheItem } from './odoo-mo.mapper';

const UPSERT_BATCH = 1000;

export interface UpsertCounts {
  /** New MOs. */
  inserted: number;
  /** Existing rows whose business columns changed, or that Odoo has again after a sync found them missing. */
  changed: number;
}

/**
 * Inserts new MOs and updates known ones in one statement per batch, keyed by the Odoo database and record id (an MO
 * number repeats across companies). Every row gets `last_updated` (this statement's time) and loses any
 * `missing_since`; `changed_at` moves to it only when a business column differs from the stored row or the row was
 * missing, which is how the RETURNING clause tells changed rows from unchanged ones without reading the old rows a
 * second time.
 */
const UPSERT_SQL = `
WITH incoming AS (
  SELECT * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::numeric[], $7::text[], $8::text[], $9::text[], $10::timestamptz[], $11::timestamptz[], $12::text[])
    AS t(odoo_id, mo_number, production_type, sku_name, quantity, uom, note, state, scheduled_start, create_date, company)
),
upserted AS (
  INSERT INTO odoo_mo_cache AS c (odoo_db, odoo_id, mo_number, production_type, sku_name, quantity, uom, note, state, scheduled_start, create_date, company, last_updated, changed_at)
  SELECT $1, odoo_id, mo_number, production_type, sku_name, quantity, uom, note, state, scheduled_start, create_date, company, statement_timestamp(), statement_timestamp()
  FROM incoming
  ON CONFLICT (odoo_db, odoo_id) DO UPDATE SET
    mo_number = EXCLUDED.mo_number,
    production_type = EXCLUDED.production_type,
    sku_name = EXCLUDED.sku_name,
    quantity = EXCLUDED.quantity,
    uom = EXCLUDED.uom,
    note = EXCLUDED.note,
    state = EXCLUDED.state,
    scheduled_start = EXCLUDED.scheduled_start,
    create_date = EXCLUDED.create_date,
    company = EXCLUDED.company,
    last_updated = EXCLUDED.last_updated,
    missing_since = NULL,
    changed_at = CASE
      WHEN c.missing_since IS NOT NULL
        OR (c.mo_number, c.production_type, c.sku_name, c.quantity, c.uom, c.note, c.state, c.scheduled_start, c.create_date, c.company)
          IS DISTINCT FROM (EXCLUDED.mo_number, EXCLUDED.production_type, EXCLUDED.sku_name, EXCLUDED.quantity, EXCLUDED.uom, EXCLUDED.note, EXCLUDED.state, EXCLUDED.scheduled_start, EXCLUDED.create_date, EXCLUDED.company)
      THEN EXCLUDED.changed_at
      ELSE c.changed_at
    END
  -- statement_timestamp() differs per statement, so a row another page of the same run already wrote counts as changed
  -- only if this page changed it again.
  RETURNING (xmax = 0) AS inserted, c.changed_at = c.last_updated AS changed
)
SELECT count(*) FILTER (WHERE inserted)::int AS inserted,
       count(*) FILTER (WHERE NOT inserted AND changed)::int AS changed
FROM upserted`;

/** One production type's share of a sync: its pages go into one transaction, committed or discarded as a whole. */
export interface TypeWrite {
  /** Queues a page; returns at once. A failed write is reported by `commit`. */
  add(rows: MoRow[]): void;
  /** Commits the type's pages once every queued page is written; rejects (after rolling back) if one failed. */
  commit(): Promise<UpsertCounts & { writeMs: number }>;
  /** Rolls the type's pages back (its read from Odoo failed part-way). */
  discard(): Promise<void>;
}

/**
 * Connections one sync writes on. A type's last pages are still being written while the next type's first pages
 * arrive; a second connection lets those two transactions run at once instead of queueing behind each other.
 */
const WRITE_LANES = 2;

/**
 * Writes one sync into the cache while the sync goes on reading from Odoo: each page is upserted as soon as it is
 * queued, in its type's own transaction. Types take the lanes (connections) in turn, and each lane runs its steps one
 * at a time in queue order. Two types never write the same MO: the sync gives each MO to the first type that matched
 * it (see OdooMoSyncService), so the lanes never wait on each other's row locks.
 */
export class MoCacheWriter {
  private readonly lanes: WriteLane[];
  private begun = 0;

  /** @param database the Odoo database every row written comes from. */
  constructor(dataSource: DataSource, database: string) {
    this.lanes = Array.from({ length: WRITE_LANES }, () => new WriteLane(dataSource, database));
  }

  begin(): TypeWrite {
    const lane = this.lanes[this.begun % this.lanes.length] as WriteLane;
    this.begun += 1;
    return lane.begin();
  }

  /** Waits for every queued step, then gives the connections back. */
  async close(): Promise<void> {
    await Promise.all(this.lanes.map((lane) => lane.close()));
  }
}

/** One connection (taken on the first write) and the queue of steps that run on it. */
class WriteLane {
  private queue: Promise<unknown> = Promise.resolve();
  private runner: QueryRunner | null = null;
  private client: PoolClient | null = null;
  /** A type's transaction is open on the connection. */
  private inTransaction = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly database: string,
  ) {}

  begin(): TypeWrite {
    const counts: UpsertCounts = { inserted: 0, changed: 0 };
    let failure: unknown = null;
    let writeMs = 0;
    const timed = async <T>(step: () => Promise<T>): Promise<T> => {
      const t0 = Date.now();
      try {
        return await step();
      } finally {
        writeMs += Date.now() - t0;
      }
    };
    return {
      add: (rows) => {
        // Turned into the statement's parameters now: a page waiting for its turn is then ten strings, not hundreds
        // of row objects for the garbage collector to copy while they wait.
        const batches = upsertBatches(this.database, rows);
        void this.enqueue(async () => {
          if (failure !== null) return;
          try {
            await timed(async () => {
              const client = await this.connection();
              if (!this.inTransaction) {
                // One round trip. The cache is rebuilt by the next sync, so its commits need not wait for the WAL
                // flush: a crash can at worst lose the last sync's writes, never corrupt anything.
                await client.query('BEGIN; SET LOCAL synchronous_commit = off');
                this.inTransaction = true;
              }
              await upsertAll(client, batches, counts);
            });
          } catch (err) {
            failure = err;
          }
        });
      },
      commit: () =>
        this.enqueue(() =>
          timed(async () => {
            if (failure !== null) {
              await this.rollback();
              throw failure;
            }
            await this.end('COMMIT');
            return { ...counts, writeMs };
          }),
        ),
      // A rollback that fails means a broken connection: the next write fails and reports it, so nothing is lost here.
      discard: () => this.enqueue(() => this.rollback()).catch(() => undefined),
    };
  }

  async close(): Promise<void> {
    await this.queue;
    await this.rollback();
    await this.runner?.release();
    this.runner = null;
    this.client = null;
  }

  private rollback(): Promise<void> {
    return this.end('ROLLBACK');
  }

  /** Ends the open transaction, if any: a failed COMMIT or ROLLBACK leaves none open either. */
  private async end(statement: 'COMMIT' | 'ROLLBACK'): Promise<void> {
    if (!this.inTransaction || !this.client) return;
    this.inTransaction = false;
    await this.client.query(statement);
  }

  /** The lane's connection, taken from TypeORM's pool; its pg client runs the prepared upsert. */
  private async connection(): Promise<PoolClient> {
    if (!this.client) {
      this.runner = this.dataSource.createQueryRunner();
      this.client = (await this.runner.connect()) as PoolClient;
    }
    return this.client;
  }

  /** Runs `step` after every earlier step; one step failing does not stop the queue. */
  private enqueue<T>(step: () => Promise<T>): Promise<T> {
    const result = this.queue.then(step);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

/** The upsert's parameters for `rows` (deduplicated by record id, last one wins), one set per batch. */
function upsertBatches(database: string, rows: MoRow[]): string[][] {
  const unique = withoutRepeatedIds(rows);
  const batches: string[][] = [];
  for (let i = 0; i < unique.length; i += UPSERT_BATCH) {
    const batch = unique.slice(i, i + UPSERT_BATCH);
    const column = <K extends keyof MoRow>(key: K) => pgArrayLiteral(batch, (row) => row[key]);
    batches.push([
      database,
      column('odoo_id'),
      column('mo_number'),
      column('production_type'),
      column('sku_name'),
      column('quantity'),
      column('uom'),
      column('note'),
      column('state'),
      column('scheduled_start'),
      column('create_date'),
      column('company'),
    ]);
  }
  return batches;
}

/**
 * Runs the upsert once per batch inside the caller's transaction, adding its counts to `counts`. The statement is a
 * named prepared one: a sync runs it once per page, and Postgres then parses and plans it once per connection.
 */
async function upsertAll(client: PoolClient, batches: string[][], counts: UpsertCounts): Promise<void> {
  for (const values of batches) {
    const result = await client.query<UpsertCounts>({ name: 'odoo_mo_cache_upsert', text: UPSERT_SQL, values });
    const c = result.rows[0] as UpsertCounts;
    counts.inserted += c.inserted;
    counts.changed += c.changed;
  }
}

/** One row per record, the last one read winning: one statement cannot upsert the same key twice. */
function withoutRepeatedIds(rows: MoRow[]): MoRow[] {
  const ids = new Set(rows.map((r) => r.odoo_id));
  if (ids.size === rows.length) return rows; // the usual case: Odoo's page has each MO once
  return [...new Map(rows.map((r) => [r.odoo_id, r])).values()];
}

/** What one successful sync covered, for marking the MOs Odoo no longer returns. */
export interface SyncCoverage {
  /** The Odoo database the sync read. */
  database: string;
  /** The window's start: only MOs created since then were asked for. */
  since: Date;
  /**
   * The lowest record id every type read down to (types are read newest first, `id desc`, up to the limit): below it
   * a type cut off by its limit may have MOs that were not read. 0 when every type read all of its MOs.
   */
  fromId: number;
  /** Every record id the sync read, whichever type it went to. */
  seen: ReadonlySet<number>;
}

/** Cache columns, as the API reads them. */
const CACHE_COLUMNS = `odoo_id, mo_number, production_type, sku_name, quantity::text AS quantity, uom, note, state, scheduled_start, create_date,
  company, last_updated, changed_at, missing_since`;

@Injectable()
export class OdooMoCacheService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A writer for one sync of `database`; the caller must `close()` it. */
  writer(database: string): MoCacheWriter {
    return new MoCacheWriter(this.dataSource, database);
  }

  /**
   * Rows cached before the cache knew their database (migrated while no database was configured) are the configured
   * database's: the first sync that knows it takes them over. A no-op once done.
   */
  async adoptUnknownDatabase(database: string): Promise<void> {
    await this.dataSource.query(`UPDATE odoo_mo_cache SET odoo_db = $1 WHERE odoo_db = ''`, [database]);
  }

  /**
   * After a sync in which every type succeeded: the rows in its window it did not read are missing in Odoo (deleted,
   * or in no production type any more), from now on. Rows of another database are not in this Odoo at all. Rows
   * below `fromId` are left as they are (a type cut off by its limit did not look there), and so are rows already
   * missing (their first missed time stays). Returns how many rows it marked.
   */
  async markMissing(coverage: SyncCoverage): Promise<number> {
    const [, marked] = (await this.dataSource.query(
      `UPDATE odoo_mo_cache SET missing_since = statement_timestamp()
       WHERE missing_since IS NULL AND create_date >= $2
         AND (odoo_db <> $1 OR (odoo_id >= $3 AND NOT odoo_id = ANY($4::int[])))`,
      [coverage.database, coverage.since, coverage.fromId, pgArrayLiteral([...coverage.seen], (id) => id)],
    )) as [unknown[], number];
    return marked;
  }

  /**
   * `GET /api/search/mo`: MO number, SKU or note contains `q` (case-insensitive, literally); newest first. By default
   * only the MOs Odoo still has; `presence` shows the missing ones, or both.
   */
  async search(query: MoSearchQueryDto): Promise<Page<MoCacheItem>> {
    const { page, limit, offset } = pageWindow(query);
    const params: unknown[] = [];
    const where: string[] = [];
    const q = query.q?.trim();
    if (q) {
      const like = `%${escapeLike(q)}%`;
      const p = params.push(like);
      where.push(`(mo_number ILIKE $${p} OR sku_name ILIKE $${p} OR note ILIKE $${p})`);
    }
    if (query.production_type) where.push(`production_type = $${params.push(query.production_type)}`);
    if (query.state) where.push(`state = $${params.push(query.state)}`);
    const presence = query.presence ?? 'present';
    if (presence !== 'all') where.push(presence === 'present' ? 'missing_since IS NULL' : 'missing_since IS NOT NULL');
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const rows: CacheDbRow[] = await this.dataSource.query(
      `SELECT ${CACHE_COLUMNS} FROM odoo_mo_cache ${clause}
       ORDER BY create_date DESC NULLS LAST, odoo_id DESC, odoo_db DESC LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    const [{ total }] = (await this.dataSource.query(`SELECT count(*)::int AS total FROM odoo_mo_cache ${clause}`, params)) as [{ total: number }];
    return { items: rows.map(toMoCacheItem), meta: pageMeta(page, limit, total) };
  }

  /** Counts of the MOs Odoo still has, per type and state; the missing ones are counted apart. */
  async countsByTypeAndState(): Promise<{
    rows: Array<{ production_type: string; state: string | null; count: number }>;
    missing: number;
    lastUpdated: Date | null;
  }> {
    const rows: Array<{ production_type: string; state: string | null; count: number }> = await this.dataSource.query(
      `SELECT production_type, state, count(*)::int AS count FROM odoo_mo_cache WHERE missing_since IS NULL
       GROUP BY production_type, state ORDER BY production_type, state`,
    );
    const [{ last, missing }] = (await this.dataSource.query(
      `SELECT max(last_updated) AS last, count(*) FILTER (WHERE missing_since IS NOT NULL)::int AS missing FROM odoo_mo_cache`,
    )) as [{ last: Date | null; missing: number }];
    return { rows, missing, lastUpdated: last };
  }

  /** The type the cache knows each record of `database` as (for the live list); MOs found missing have none. */
  async typesOf(database: string, ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows: Array<{ odoo_id: number; production_type: string }> = await this.dataSource.query(
      `SELECT odoo_id, production_type FROM odoo_mo_cache WHERE odoo_db = $1 AND odoo_id = ANY($2::int[]) AND missing_since IS NULL`,
      [database, ids],
    );
    return new Map(rows.map((r) => [r.odoo_id, r.production_type]));
  }
}
