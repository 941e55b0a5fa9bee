import { Injectable, Logger } from '@nestjs/common';
import type { MoSyncResponse, MoSyncTypeResult, OdooDomain, SyncRunProgressItem, SyncTrigger } from '@simpul/contracts';
import type { Actor } from '../common/auth/actor';
import { RunContext, SyncOutcome, SyncRunsService } from '../sync-runs/sync-runs.service';
import { OdooClient, OdooConnection, OdooRpcError } from './odoo-client';
import { OdooConfigService, OdooSettings } from './odoo-config.service';
import { asRpcError, MO_MODEL, OdooGatewayService, PreparedClient } from './odoo-gateway.service';
import { OdooMoCacheService, TypeWrite } from './odoo-mo-cache.service';
import { OdooMoStateService } from './odoo-mo-state.service';
import { OdooMoError, OdooMoErrorCode } from './odoo-mo.error';
import { mapProduction, productionFields } from './odoo-mo.mapper';

export const ODOO_MO_SYNC_KIND = 'odoo-mo';
/** Records per search_read page. */
export const PAGE_SIZE = 500;

interface TypeOutcome {
  type: string;
  ok: boolean;
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
  /** MO numbers this type wrote (it claims them from later types); the rest of `fetched` an earlier type had. */
  written: string[];
  matched: number;
  fetchMs: number;
}

/** One type's read: the connection's client, the type's window domain, and where its pages go. */
interface TypeFetch extends PreparedClient {
  type: string;
  domain: OdooDomain;
  limit: number;
  claimed: ReadonlySet<string>;
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
    const outcomes = await this.syncTypes(conn, await prepared, types, settings.syncWindowDays, settings.syncLimit, progress);
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
      },
      summary: {
        totalUpdated,
        results,
        windowDays: settings.syncWindowDays,
        limit: settings.syncLimit,
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
  ): Promise<TypeOutcome[]> {
    let prepared = preparation instanceof OdooRpcError ? null : preparation;
    const prepError = preparation instanceof OdooRpcError ? preparation : null;
    // Reading and writing overlap: each page is upserted while the next one is read, and a type's commit runs while
    // the next type is read. The writer keeps the writes in order, one transaction per type.
    const writer = this.cache.writer();
    // An MO matched by several types belongs to the first of them (in the mapping's order) whose read succeeded. It is
    // therefore written once, and two types' transactions never touch the same row.
    const claimed = new Set<string>();
    const outcomes: Array<Promise<TypeOutcome>> = [];
    try {
      // One window for every type; each type's count goes out as soon as the previous type's last page has arrived.
      const now = new Date();
      let nextCount: Promise<number> | null = null;
      for (const [index, [type, domain]] of types.entries()) {
        if (!prepared) {
          progress.finished(type, false);
          outcomes.push(Promise.resolve(failedOutcome(type, prepError as OdooRpcError)));
          continue;
        }
        const window = this.gateway.windowDomain(windowDays, domain, now);
        const following = types[index + 1];
        const countFollowing = following
          ? (client: OdooClient) => {
              nextCount = client.searchCount(MO_MODEL, this.gateway.windowDomain(windowDays, following[1], now));
              nextCount.catch(() => undefined); // awaited by the next type; not unhandled if this run ends first
            }
          : undefined;
        const count = nextCount;
        nextCount = null;
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
        for (const moNumber of fetched.written) claimed.add(moNumber);
        const revision = prepared.revision;
        outcomes.push(
          write.commit().then(
            (counts): TypeOutcome => {
              progress.finished(type, true);
              return {
                type,
                ok: true,
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
      return await Promise.all(outcomes);
    } finally {
      await writer.close();
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
   * an earlier type `claimed`. Odoo always has the next request while we map and write a page: the next page, or after
   * the last one the next type's count (`afterLastRead`). Still one request at a time, in the same order.
   */
  private async fetchType(job: TypeFetch): Promise<FetchedType> {
    const { client, startField, type, domain, limit, claimed, write, afterLastRead, progress } = job;
    const t0 = Date.now();
    const matched = await (job.count ?? client.searchCount(MO_MODEL, domain));
    const wanted = Math.min(matched, limit);
    progress.started(wanted);
    const fields = productionFields(startField);
    const read = (offset: number) => {
      const page = client.searchRead(MO_MODEL, domain, fields, {
        offset,
        limit: Math.min(PAGE_SIZE, wanted - offset),
        order: 'id desc',
      });
      page.catch(() => undefined); // awaited below; a read still in flight when this type fails must not go unhandled
      return page;
    };
    const send = (offset: number | null) => {
      const next = offset === null ? null : read(offset);
      if (next === null) afterLastRead?.(client);
      return next;
    };
    let fetched = 0;
    const written: string[] = [];
    let next = send(wanted > 0 ? 0 : null);
    for (let offset = 0; next; offset += PAGE_SIZE) {
      const page = await next;
      const complete = page.length === Math.min(PAGE_SIZE, wanted - offset);
      next = send(complete && offset + PAGE_SIZE < wanted ? offset + PAGE_SIZE : null);
      // The request is written to its socket on a later tick: let it leave before this page's mapping and upsert.
      await new Promise((resolve) => setImmediate(resolve));
      const rows = page.map((record) => mapProduction(record, startField, type));
      const own = claimed.size === 0 ? rows : rows.filter((row) => !claimed.has(row.mo_number));
      if (own.length > 0) write.add(own);
      for (const row of own) written.push(row.mo_number);
      fetched += page.length;
      progress.read(fetched);
    }
    return { fetched, written, matched, fetchMs: Date.now() - t0 };
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

function failedOutcome(type: string, error: OdooRpcError): TypeOutcome {
  return {
    type,
    ok: false,
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
