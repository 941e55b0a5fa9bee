import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  MoCacheItem,
  MoSearchQueryDto,
  MoStatsResponse,
  MoSyncTypeResult,
  OdooConnectionTestResponse,
  OdooDomain,
  OdooMoItem,
  OdooMoListQueryDto,
  Page,
  pageMeta,
  UpdateOdooConfigDto,
} from '@simpul/contracts';
import { DataSource } from 'typeorm';
import { pageWindow } from '../common/pagination';
import { SyncRunsService } from '../sync-runs/sync-runs.service';
import { OdooConfigService } from './odoo-config.service';
import { asRpcError, MO_MODEL, OdooGatewayService } from './odoo-gateway.service';
import { textSearchDomain, typeDomain } from './odoo-domain';
import { OdooMoCacheService } from './odoo-mo-cache.service';
import { OdooMoError, OdooMoErrorCode } from './odoo-mo.error';
import { mapProduction, productionFields, toOdooMoItem } from './odoo-mo.mapper';
import { OdooMoScheduler } from './odoo-mo.scheduler';
import { OdooMoStateService } from './odoo-mo-state.service';
import { ODOO_MO_SYNC_KIND } from './odoo-mo-sync.service';

/** Stats, cache search, the live Odoo list and the connection test. */
@Injectable()
export class OdooMoMonitorService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: OdooConfigService,
    private readonly gateway: OdooGatewayService,
    private readonly cache: OdooMoCacheService,
    private readonly runs: SyncRunsService,
    private readonly state: OdooMoStateService,
    private readonly scheduler: OdooMoScheduler,
  ) {}

  async testConnection(overrides: UpdateOdooConfigDto | undefined): Promise<OdooConnectionTestResponse> {
    const settings = this.config.overlay(await this.config.read(), overrides);
    return this.gateway.test(settings);
  }

  search(query: MoSearchQueryDto): Promise<Page<MoCacheItem>> {
    return this.cache.search(query);
  }

  async stats(): Promise<MoStatsResponse> {
    const [settings, counts, last, st] = await Promise.all([this.config.read(), this.cache.countsByTypeAndState(), this.runs.last(ODOO_MO_SYNC_KIND), this.state.get()]);
    const [lastOk] = (await this.dataSource.query(
      `SELECT finished_at FROM sync_runs WHERE kind = $1 AND status IN ('success', 'partial') ORDER BY started_at DESC LIMIT 1`,
      [ODOO_MO_SYNC_KIND],
    )) as Array<{ finished_at: Date | null }>;
    // States come from Odoo: counted in Maps, never as keys of a plain object.
    const byType = new Map<string, { total: number; byState: Map<string, number> }>();
    for (const type of Object.keys(settings.productionTypes)) byType.set(type, { total: 0, byState: new Map() });
    const byState = new Map<string, number>();
    let total = 0;
    for (const r of counts.rows) {
      const state = r.state ?? 'unknown';
      const entry = byType.get(r.production_type) ?? { total: 0, byState: new Map<string, number>() };
      entry.total += r.count;
      entry.byState.set(state, (entry.byState.get(state) ?? 0) + r.count);
      byType.set(r.production_type, entry);
      byState.set(state, (byState.get(state) ?? 0) + r.count);
      total += r.count;
    }
    const summary = last?.summary as { totalUpdated?: number; results?: MoSyncTypeResult[] } | undefined;
    return {
      total,
      missing: counts.missing,
      lastUpdated: counts.lastUpdated?.toISOString() ?? null,
      byType: [...byType].map(([type, e]) => ({ production_type: type, total: e.total, byState: Object.fromEntries(e.byState) })),
      byState: Object.fromEntries(byState),
      lastSync: last
        ? {
            runId: last.id,
            trigger: last.trigger,
            status: last.status,
            startedAt: last.startedAt,
            finishedAt: last.finishedAt,
            totalUpdated: summary?.totalUpdated ?? 0,
            results: summary?.results ?? [],
            error: last.error,
          }
        : null,
      lastSuccessfulSyncAt: lastOk?.finished_at?.toISOString() ?? null,
      schedule: {
        enabled: settings.scheduleEnabled,
        cron: settings.schedule,
        timezone: settings.timezone,
        nextRunAt: settings.scheduleEnabled ? (this.scheduler.nextRunAt()?.toISOString() ?? null) : null,
        consecutiveFailures: st.consecutiveFailures,
        nextAttemptAt: st.nextAttemptAt?.toISOString() ?? null,
        pausedAt: st.pausedAt?.toISOString() ?? null,
        lastError: st.lastError,
      },
    };
  }

  /**
   * `GET /api/odoo/mo-list`: one page read live from Odoo (search_count + search_read with offset/limit). A type is
   * what the sync would give it (its domain, less what earlier types match), and `q` means what it means in the cache.
   */
  async liveList(query: OdooMoListQueryDto): Promise<Page<OdooMoItem>> {
    const settings = await this.config.read();
    const conn = this.config.connectionOf(settings);
    const { page, limit, offset } = pageWindow(query);
    const domain: OdooDomain = [];
    if (query.production_type) {
      const types = Object.entries(settings.productionTypes);
      const at = types.findIndex(([type]) => type === query.production_type);
      const own = types[at];
      if (!own) {
        throw new OdooMoError(
          OdooMoErrorCode.UnknownProductionType,
          `Unknown production type "${query.production_type}". Known types: ${types.map(([type]) => type).join(', ')}.`,
        );
      }
      domain.push(...typeDomain(own[1], types.slice(0, at).map(([, d]) => d)));
    }
    if (query.state) domain.push(['state', '=', query.state]);
    if (query.days) domain.push(...this.gateway.windowDomain(query.days, []));
    const q = query.q?.trim();
    if (q) domain.push(...textSearchDomain(q));
    let revision: string | null = null;
    try {
      const { client, startField, database, revision: rev } = await this.gateway.prepare(conn);
      revision = rev;
      const total = await client.searchCount(MO_MODEL, domain);
      const records = offset < total ? await client.searchRead(MO_MODEL, domain, productionFields(startField), { offset, limit, order: 'id desc' }) : [];
      const rows = records.map((r) => mapProduction(r, startField, query.production_type ?? ''));
      // The cache's type of each record (by its id: two companies' MOs can share a number).
      const known = query.production_type ? new Map<number, string>() : await this.cache.typesOf(database, rows.map((r) => r.odoo_id));
      return {
        items: rows.map((r) => toOdooMoItem(r, query.production_type ?? known.get(r.odoo_id) ?? null)),
        meta: pageMeta(page, limit, total),
      };
    } catch (err) {
      if (err instanceof OdooMoError) throw err;
      const rpc = asRpcError(err);
      if (revision && (rpc.failure === 'auth_failed' || rpc.failure === 'session_expired' || rpc.failure === 'odoo_error')) this.gateway.forget(revision);
      throw this.gateway.describe(rpc, conn);
    }
  }
}
