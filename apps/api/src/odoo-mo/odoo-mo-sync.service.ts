import { Injectable, Logger } from '@nestjs/common';
import type { MoSyncResponse, MoSyncTypeResult, OdooDomain, SyncTrigger } from '@simpul/contracts';
import type { Actor } from '../common/auth/actor';
import { SyncRunsService } from '../sync-runs/sync-runs.service';
import { OdooClient, OdooConnection, OdooRpcError } from './odoo-client';
import { OdooConfigService } from './odoo-config.service';
import { asRpcError, MO_MODEL, OdooGatewayService } from './odoo-gateway.service';
import { OdooMoCacheService } from './odoo-mo-cache.service';
import { OdooMoError, OdooMoErrorCode } from './odoo-mo.error';
import { mapProduction, MoRow, productionFields } from './odoo-mo.mapper';

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
  matched: number | null;
  error: OdooRpcError | null;
  /** Time spent reading from Odoo and writing the cache, in ms. */
  fetchMs: number;
  writeMs: number;
}

interface FetchedType {
  rows: MoRow[];
  matched: number;
  fetchMs: number;
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
    const conn = this.config.connectionOf(settings);
    const types = Object.entries(settings.productionTypes);
    const { runId: _runId, ...result } = await this.runs.run<SyncResult>(ODOO_MO_SYNC_KIND, trigger, actor, async (ctx) => {
      const started = Date.now();
      const outcomes = await this.syncTypes(conn, types, settings.syncWindowDays, settings.syncLimit);
      const results: MoSyncTypeResult[] = outcomes.map((o) =>
        o.ok
          ? { production_type: o.type, updated: o.updated, status: 'success' }
          : { production_type: o.type, updated: o.updated, status: 'error', error: o.error?.message ?? 'failed' },
      );
      await ctx.addItems(
        outcomes.map((o) => ({
          key: o.type,
          status: o.ok ? 'success' : 'error',
          message: o.error?.message ?? null,
          details: {
            updated: o.updated,
            inserted: o.inserted,
            changed: o.changed,
            fetched: o.fetched,
            matched: o.matched,
            fetchMs: o.fetchMs,
            writeMs: o.writeMs,
            failure: o.error?.failure ?? null,
          },
        })),
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
        result: { response, failure },
      };
    });
    return result;
  }

  private async syncTypes(conn: OdooConnection, types: Array<[string, OdooDomain]>, windowDays: number, limit: number): Promise<TypeOutcome[]> {
    let prepared: Awaited<ReturnType<OdooGatewayService['prepare']>> | null = null;
    let prepError: OdooRpcError | null = null;
    try {
      prepared = await this.gateway.prepare(conn);
    } catch (err) {
      prepError = asRpcError(err);
    }
    // Odoo reads and cache writes overlap: while type n is upserted, type n+1 is fetched. Writes stay one at a time
    // (in type order), so types whose domains overlap never lock the same rows from two transactions.
    const outcomes: TypeOutcome[] = [];
    let writes: Promise<unknown> = Promise.resolve();
    for (const [type, domain] of types) {
      if (!prepared) {
        outcomes.push(failedOutcome(type, prepError as OdooRpcError));
        continue;
      }
      const window = this.gateway.windowDomain(windowDays, domain);
      let fetched: FetchedType;
      try {
        try {
          fetched = await this.fetchType(prepared.client, prepared.startField, type, window, limit);
        } catch (err) {
          // Odoo upgraded under the same configuration (16 → 17 renames the planned start): detect again, once.
          if (!(err instanceof OdooRpcError && err.failure === 'odoo_error' && err.message.includes(prepared.startField))) throw err;
          this.gateway.forget(prepared.revision);
          prepared = await this.gateway.prepare(conn);
          fetched = await this.fetchType(prepared.client, prepared.startField, type, window, limit);
        }
      } catch (err) {
        outcomes.push(failedOutcome(type, this.typeError(err, type, prepared.revision)));
        continue;
      }
      const slot = outcomes.push(failedOutcome(type, new OdooRpcError('bad_response', 'not written'))) - 1;
      writes = writes.then(async () => {
        try {
          const t0 = Date.now();
          const counts = await this.cache.upsert(fetched.rows);
          const updated = counts.inserted + counts.changed;
          outcomes[slot] = {
            type,
            ok: true,
            updated,
            inserted: counts.inserted,
            changed: counts.changed,
            fetched: fetched.rows.length,
            matched: fetched.matched,
            error: null,
            fetchMs: fetched.fetchMs,
            writeMs: Date.now() - t0,
          };
        } catch (err) {
          outcomes[slot] = failedOutcome(type, this.typeError(err, type, prepared?.revision ?? ''));
        }
      });
    }
    await writes;
    return outcomes;
  }

  private typeError(err: unknown, type: string, revision: string): OdooRpcError {
    if (err instanceof OdooRpcError) {
      if (err.failure === 'auth_failed' || err.failure === 'session_expired') this.gateway.forget(revision);
      return err;
    }
    this.logger.error({ type, err: err instanceof Error ? err.message : String(err) }, 'MO sync of a type failed unexpectedly');
    return new OdooRpcError('bad_response', 'Saving the MOs to the local cache failed; see the server log.');
  }

  /** Count, then read page by page (newest first, up to `limit`). */
  private async fetchType(client: OdooClient, startField: string, type: string, domain: OdooDomain, limit: number): Promise<FetchedType> {
    const t0 = Date.now();
    const matched = await client.searchCount(MO_MODEL, domain);
    const wanted = Math.min(matched, limit);
    const fields = productionFields(startField);
    const rows: MoRow[] = [];
    for (let offset = 0; offset < wanted; offset += PAGE_SIZE) {
      const page = await client.searchRead(MO_MODEL, domain, fields, { offset, limit: Math.min(PAGE_SIZE, wanted - offset), order: 'id desc' });
      for (const record of page) rows.push(mapProduction(record, startField, type));
      if (page.length < Math.min(PAGE_SIZE, wanted - offset)) break;
    }
    return { rows, matched, fetchMs: Date.now() - t0 };
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
  return { type, ok: false, updated: 0, inserted: 0, changed: 0, fetched: 0, matched: null, error, fetchMs: 0, writeMs: 0 };
}
