import { Injectable, Logger } from '@nestjs/common';
import type { MoSyncResponse, MoSyncTypeResult, OdooDomain, SyncRunProgressItem, SyncTrigger } from '@simpul/contracts';
import type { Actor } from '../common/auth/actor';
import { RunContext, SyncOutcome, SyncRunsService } from '../sync-runs/sync-runs.service';
import { OdooClient, OdooConnection, OdooRpcError } from './odoo-client';
import { OdooConfigService, OdooSettings } from './odoo-config.service';
import { asRpcError, MO_MODEL, OdooGatewayService, PreparedClient } from './odoo-gateway.service';
import { typeDomain } from './odoo-domain';
import { OdooMoCacheService, SyncCoverage, TypeWrite } from './odoo-mo-cache.service';
import { OdooMoStateService } from './odoo-mo-state.service';
import { OdooMoError, OdooMoErrorCode } from './odoo-mo.error';
import { mapProduction, productionFields } from './odoo-mo.mapper';

export const ODOO_MO_SYNC_KIND = 'odoo-mo';
/** Records per search_read page. */
export const PAGE_SIZE = 500;

interface TypeOutcome {
  type: string;
  ok: boolean;
  /** The lowest record id the type read down to when its limit cut it off, else 0 (see SyncCoverage). */
  floor: number;
  updated: number;
  inserted: number;
  changed: number;
  fetched: number;
  /** Fetched MOs left to an earlier type that matched them too. */
  overlapping: number;
  matched: number | null;
  error: OdooRpcError | null;
  /** Time spent reading from Odoo and writing the cache, in ms. */
  fetchMs: number;
  writeMs: number;
}

interface FetchedType {
  fetched: number;
  /** Record ids this type wrote (it claims them from later types); the rest of `fetched` an earlier type had. */
  written: number[];
  matched: number;
  floor: number;
  fetchMs: number;
}

/** One type's read: the connection's client, the type's window domain, and where its pages go. */
interface TypeFetch extends PreparedClient {
  type: string;
  domain: OdooDomain;
  limit: number;
  claimed: ReadonlySet<number>;
  write: TypeWrite;
  /** The type's search_count, when it was already sent. */
  count: Promise<number> | null;
  /** Called as soon as the type's last page has arrived (or at once if it has none). */
  afterLastRead?: (client: OdooClient) => void;
  progress: TypeProgress;
}

/** One production type's line in the run's progress. */
interface TypeProgress {
  /** The count is in: `total` MOs will be read. */
  started(total: number): void;
  read(done: number): void;
}

/** The run's progress, one item per production type in the mapping's order, reported on every change. */
class SyncProgress {
  private readonly items: SyncRunProgressItem[];

  constructor(
    types: string[],
    private readonly report: RunContext['progress'],
  ) {
    this.items = types.map((key) => ({ key, status: 'pending', done: 0, total: null }));
  }

  of(type: string): TypeProgress {
    return {
      started: (total) => this.update(type, { status: 'running', total }),
      read: (done) => this.update(type, { done }),
    };
  }

  finished(type: string, ok: boolean): void {
    this.update(type, { status: ok ? 'done' : 'error' });
  }

  private update(type: string, patch: Partial<SyncRunProgressItem>): void {
    const item = this.items.find((i) => i.key === type);
    if (item) Object.assign(item, patch);
    this.report(this.items);
  }
}

/** What a finished sync produced, before it is rendered as the seed's response or a 502/504. */
export interface SyncResult {
  response: MoSyncResponse;
  /** Set when every production type failed: the error the caller should raise. */
  failure: OdooMoError | null;
}

/**
 * Reads mrp.production per production type (created in the window, the type's domain, up to the limit, paged) and
 * upserts it into `odoo_mo_cache`. One type failing does not stop the others.
 */
@Injectable()
export class OdooMoSyncService {
  private readonly logger = new Logger('OdooMoSync');

  constructor(
    private readonly config: OdooConfigService,
    private readonly gateway: OdooGatewayService,
    private readonly cache: OdooMoCacheService,
    private readonly runs: SyncRunsService,
    private readonly state: OdooMoStateService,
  ) {}

  /**
   * One sync (manual or scheduled) under the cross-instance lock, recorded in `sync_runs`. Missing configuration →
   * 400 before anything runs; every type failing → the run is recorded as failed and the mapped 502/504 is thrown;
   * otherwise the seed's response (HTTP 200), per-type errors included.
   */
  async sync(trigger: SyncTrigger, actor: Actor | null): Promise<MoSyncResponse> {
    const { response, failure } = await this.execute(trigger, actor);
    if (failure) throw new OdooMoError(failure.code, failure.message, { results: response.results, timestamp: response.timestamp });
    return response;
  }

  async execute(trigger: SyncTrigger, actor: Actor | null): Promise<SyncResult> {
    const settings = await this.config.read();
    // An incomplete configuration is refused here (400), before the lock: no run is started or recorded for it.
    const conn = this.config.connectionOf(settings);
    // Odoo's `version` (and on a new configuration its login and field detection) goes out while the run takes its
    // lock and row.
    const prepared = this.gateway.prepare(conn).catch(asRpcError);
    // The cache commits without waiting for the WAL flush (see MoCacheWriter); the run's start and end do the same.
    const { runId: _runId, ...result } = await this.runs.run(ODOO_MO_SYNC_KIND, trigger, actor, (ctx) => this.syncAll(settings, conn, trigger, prepared, ctx), {
      name: 'Odoo MO',
      asyncCommit: true,
    });
    // A run that reached Odoo, manual or scheduled, ends the scheduled sync's failure streak.
    if (!result.failure) await this.state.recordSuccess();
    return result;
  }

  /** The run itself: every type, then the seed's response and what `sync_runs` records. */
  private async syncAll(
    settings: OdooSettings,
    conn: OdooConnection,
    trigger: SyncTrigger,
    prepared: Promise<PreparedClient | OdooRpcError>,
    ctx: RunContext,
  ): Promise<SyncOutcome<SyncResult>> {
    const types = Object.entries(settings.productionTypes);
    const started = Date.now();
    const progress = new SyncProgress(
      types.map(([type]) => type),
      ctx.progress,
    );
    const { outcomes, missing } = await this.syncTypes(conn, await prepared, types, settings.syncWindowDays, settings.syncLimit, progress);
    const results: MoSyncTypeResult[] = outcomes.map((o) =>
      o.ok
        ? { production_type: o.type, updated: o.updated, status: 'success' }
        : { production_type: o.type, updated: o.updated, status: 'error', error: o.error?.message ?? 'failed' },
    );
    const failed = outcomes.filter((o) => !o.ok);
    const totalUpdated = outcomes.reduce((n, o) => n + o.updated, 0);
    const status = failed.length === 0 ? 'success' : failed.length === outcomes.length ? 'failed' : 'partial';
    const response: MoSyncResponse = {
      success: status !== 'failed',
      message:
        status === 'success'
          ? 'MO sync completed successfully'
          : status === 'partial'
            ? `MO sync completed with errors: ${failed.length} of ${outcomes.length} production types failed (${failed.map((f) => f.type).join(', ')})`
            : 'MO sync failed for every production type',
      totalUpdated,
      results,
      timestamp: new Date().toISOString(),
    };
    const failure = status === 'failed' ? this.allFailedError(conn, failed) : null;
    this.logger.log({ trigger, status, totalUpdated, ms: Date.now() - started, failed: failed.map((f) => f.type) }, 'MO sync finished');
    return {
      status,
      counts: {
        types: outcomes.length,
        succeeded: outcomes.length - failed.length,
        failed: failed.length,
        fetched: outcomes.reduce((n, o) => n + o.fetched, 0),
        inserted: outcomes.reduce((n, o) => n + o.inserted, 0),
        changed: outcomes.reduce((n, o) => n + o.changed, 0),
        updated: totalUpdated,
        // MOs of the window this run found missing in Odoo (none are looked for when a type failed).
        missing: missing ?? 0,
      },
      summary: {
        totalUpdated,
        results,
        windowDays: settings.syncWindowDays,
        limit: settings.syncLimit,
        missingMarked: missing !== null,
        message: response.message,
        timingsMs: {
          total: Date.now() - started,
          fetch: outcomes.reduce((n, o) => n + o.fetchMs, 0),
          write: outcomes.reduce((n, o) => n + o.writeMs, 0),
        },
      },
      error: failure ? failure.message : failed.length > 0 ? response.message : null,
      items: outcomes.map((o) => ({
        key: o.type,
        status: o.ok ? 'success' : 'error',
        message: o.error?.message ?? null,
        details: {
          updated: o.updated,
          inserted: o.inserted,
          changed: o.changed,
          fetched: o.fetched,
          overlapping: o.overlapping,
          matched: o.matched,
          fetchMs: o.fetchMs,
          writeMs: o.writeMs,
          failure: o.error?.failure ?? null,
        },
      })),
      result: { response, failure },
    };
  }

  private async syncTypes(
    conn: OdooConnection,
    preparation: PreparedClient | OdooRpcError,
    types: Array<[string, OdooDomain]>,
    windowDays: number,
    limit: number,
    progress: SyncProgress,
  ): Promise<{ outcomes: TypeOutcome[]; missing: number | null }> {
    if (preparation instanceof OdooRpcError) {
      for (const [type] of types) progress.finished(type, false);
      return { outcomes: types.map(([type]) => failedOutcome(type, preparation)), missing: null };
    }
    let prepared = preparation;
    await this.cache.adoptUnknownDatabase(prepared.database);
    // Reading and writing overlap: each page is upserted while the next one is read, and a type's commit runs while
    // the next type is read. The writer keeps the writes in order, one transaction per type.
    const writer = this.cache.writer(prepared.database);
    // An MO matched by several types belongs to the first of them (in the mapping's order) whose read succeeded. Each
    // type's query leaves out what those earlier types match, and the ids they read are claimed in case a record
    // moved between the reads. Two types' transactions therefore never touch the same row.
    const accepted: OdooDomain[] = [];
    const claimed = new Set<number>();
    const outcomes: Array<Promise<TypeOutcome>> = [];
    try {
      // One window for every type; each type's count goes out as soon as the previous type's last page has arrived.
      const now = new Date();
      const windowOf = (domain: OdooDomain, earlier: readonly OdooDomain[]) => this.gateway.windowDomain(windowDays, typeDomain(domain, earlier), now);
      /** The next type's count, sent assuming the current type's read succeeds (`excluding` earlier domains). */
      const pending: { next: { excluding: number; count: Promise<number> } | null } = { next: null };
      for (const [index, [type, domain]] of types.entries()) {
        const window = windowOf(domain, accepted);
        const following = types[index + 1];
        const countFollowing = following
          ? (client: OdooClient) => {
              const count = client.searchCount(MO_MODEL, windowOf(following[1], [...accepted, domain]));
              count.catch(() => undefined); // awaited by the next type; not unhandled if this run ends first
              pending.next = { excluding: accepted.length + 1, count };
            }
          : undefined;
        // Sent for this type's domain only if the previous type did succeed after all.
        const count = pending.next?.excluding === accepted.length ? pending.next.count : null;
        pending.next = null;
        const job = (client: PreparedClient, typeCount: Promise<number> | null, typeWrite: TypeWrite): TypeFetch => ({
          ...client,
          type,
          domain: window,
          limit,
          claimed,
          write: typeWrite,
          count: typeCount,
          afterLastRead: countFollowing,
          progress: progress.of(type),
        });
        let write = writer.begin();
        let fetched: FetchedType;
        try {
          try {
            fetched = await this.fetchType(job(prepared, count, write));
          } catch (err) {
            // Odoo upgraded under the same configuration (16 → 17 renames the planned start): detect again, once.
            if (!(err instanceof OdooRpcError && err.failure === 'odoo_error' && err.message.includes(prepared.startField))) throw err;
            void write.discard();
            write = writer.begin();
            this.gateway.forget(prepared.revision);
            prepared = await this.gateway.prepare(conn);
            fetched = await this.fetchType(job(prepared, null, write));
          }
        } catch (err) {
          const error = this.typeError(err, type, prepared.revision);
          progress.finished(type, false);
          outcomes.push(write.discard().then(() => failedOutcome(type, error)));
          continue;
        }
        accepted.push(domain);
        for (const id of fetched.written) claimed.add(id);
        const revision = prepared.revision;
        outcomes.push(
          write.commit().then(
            (counts): TypeOutcome => {
              progress.finished(type, true);
              return {
                type,
                ok: true,
                floor: fetched.floor,
                updated: counts.inserted + counts.changed,
                inserted: counts.inserted,
                changed: counts.changed,
                fetched: fetched.fetched,
                overlapping: fetched.fetched - fetched.written.length,
                matched: fetched.matched,
                error: null,
                fetchMs: fetched.fetchMs,
                writeMs: counts.writeMs,
              };
            },
            (err: unknown) => {
              progress.finished(type, false);
              return failedOutcome(type, this.typeError(err, type, revision));
            },
          ),
        );
      }
      const done = await Promise.all(outcomes);
      if (done.some((o) => !o.ok)) return { outcomes: done, missing: null };
      // Every type read all it was asked for, so an MO of the window that none of them returned is not in Odoo (or
      // in no type) any more. With a type failed, its MOs would look missing: nothing is marked then.
      const coverage = { database: prepared.database, since: new Date(now.getTime() - windowDays * 86_400_000), seen: claimed };
      return { outcomes: done, missing: await this.markMissing({ ...coverage, fromId: Math.max(0, ...done.map((o) => o.floor)) }) };
    } finally {
      await writer.close();
    }
  }

  /** Marks the MOs a sync no longer found; a failure is logged and left to the next sync, which marks them again. */
  private async markMissing(coverage: SyncCoverage): Promise<number | null> {
    try {
      return await this.cache.markMissing(coverage);
    } catch (err) {
      this.logger.error({ err: err instanceof Error ? err.message : String(err) }, 'Marking the MOs missing in Odoo failed');
      return null;
    }
  }

  private typeError(err: unknown, type: string, revision: string): OdooRpcError {
    if (err instanceof OdooRpcError) {
      if (err.failure === 'auth_failed' || err.failure === 'session_expired') this.gateway.forget(revision);
      return err;
    }
    this.logger.error({ type, err: err instanceof Error ? err.message : String(err) }, 'MO sync of a type failed unexpectedly');
    return new OdooRpcError('bad_response', 'Saving the MOs to the local cache failed; see the server log.');
  }

  /**
   * Count, then read page by page (newest first, up to `limit`), handing each mapped page to `write` without the MOs
   * an earlier type `claimed`. Each page asks for the ids below the last one read (not an offset), so an MO deleted or
   * created meanwhile moves no other MO across a page boundary. Odoo always has the next request while we map and
   * write a page: the next page, or after the last one the next type's count (`afterLastRead`). Still one request at
   * a time, in the same order.
   */
  private async fetchType(job: TypeFetch): Promise<FetchedType> {
    const { client, startField, type, domain, limit, claimed, write, afterLastRead, progress } = job;
    const t0 = Date.now();
    const matched = await (job.count ?? client.searchCount(MO_MODEL, domain));
    const wanted = Math.min(matched, limit);
    progress.started(wanted);
    const fields = productionFields(startField);
    const read = (below: number | null, size: number) => {
      const page = client.searchRead(MO_MODEL, below === null ? domain : [...domain, ['id', '<', below]], fields, { limit: size, order: 'id desc' });
      page.catch(() => undefined); // awaited below; a read still in flight when this type fails must not go unhandled
      return page;
    };
    const send = (page: [number | null, number] | null) => {
      const next = page === null ? null : read(...page);
      if (next === null) afterLastRead?.(client);
      return next;
    };
    let fetched = 0;
    let lowest = 0;
    const written: number[] = [];
    let next = send(wanted > 0 ? [null, Math.min(PAGE_SIZE, wanted)] : null);
    while (next) {
      const page = await next;
      const asked = Math.min(PAGE_SIZE, wanted - fetched);
      fetched += page.length;
      lowest = recordId(page[page.length - 1]) ?? lowest;
      // A short page means Odoo has no more of them (some were deleted since the count).
      next = send(page.length === asked && fetched < wanted && lowest > 0 ? [lowest, Math.min(PAGE_SIZE, wanted - fetched)] : null);
      // The request is written to its socket on a later tick: let it leave before this page's mapping and upsert.
      await new Promise((resolve) => setImmediate(resolve));
      const rows = page.map((record) => mapProduction(record, startField, type));
      const own = claimed.size === 0 ? rows : rows.filter((row) => !claimed.has(row.odoo_id));
      if (own.length > 0) write.add(own);
      for (const row of own) written.push(row.odoo_id);
      progress.read(fetched);
    }
    // Cut off by its limit, the type did not read its MOs below the last id; otherwise it read all of them.
    const floor = fetched >= wanted && matched > wanted ? lowest : 0;
    return { fetched, written, matched, floor, fetchMs: Date.now() - t0 };
  }

  /** Every type failed: a 504 when all timed out, the specific 502 when all share a cause, else a generic 502. */
  private allFailedError(conn: OdooConnection, failed: TypeOutcome[]): OdooMoError {
    const errors = failed.map((f) => f.error).filter((e): e is OdooRpcError => e !== null);
    const first = errors[0];
    if (first && errors.every((e) => e.failure === first.failure)) return this.gateway.describe(first, conn);
    return new OdooMoError(
      OdooMoErrorCode.UpstreamError,
      `Odoo API error: every production type failed (${failed.map((f) => `${f.type}: ${f.error?.message ?? 'failed'}`).join('; ')}). Check the Odoo connection in Admin settings, then try again.`,
    );
  }
}

/** A raw record's id, read before the page is mapped (to ask for the next page first). */
function recordId(record: Record<string, unknown> | undefined): number | null {
  const id = record?.['id'];
  return typeof id === 'number' ? id : null;
}

function failedOutcome(type: string, error: OdooRpcError): TypeOutcome {
  return {
    type,
    ok: false,
    floor: 0,
    updated: 0,
    inserted: 0,
    changed: 0,
    fetched: 0,
    overlapping: 0,
    matched: null,
    error,
    fetchMs: 0,
    writeMs: 0,
  };
}
