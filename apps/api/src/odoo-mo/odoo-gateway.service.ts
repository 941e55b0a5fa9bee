import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { AxiosInstance } from 'axios';
import type { OdooConnectionTestResponse, OdooDomain } from '@simpul/contracts';
import { createOdooHttp, OdooClient, OdooConnection, OdooRpcError, safeOrigin, SessionCookieJar } from './odoo-client';
import { OdooConfigService, OdooSettings } from './odoo-config.service';
import { OdooMoError, OdooMoErrorCode } from './odoo-mo.error';
import { typeDomain } from './odoo-domain';
import { detectStartField, toOdooDatetime } from './odoo-mo.mapper';

export const MO_MODEL = 'mrp.production';

export interface PreparedClient {
  client: OdooClient;
  /** The planned-start field of this Odoo (detected once per configuration revision). */
  startField: string;
  /**
   * The Odoo database the records come from: record ids are unique within it, so the cache keys MOs by it and the id.
   * The configured one in API-key mode; in session mode the session's own (`get_session_info`).
   */
  database: string;
  revision: string;
}

interface Detected {
  startField: string;
  uid: number | null;
  database: string;
}

/**
 * Owns the HTTP connection pool to Odoo and what is learnt once per configuration revision (the uid in API-key
 * mode, the planned-start field name). Translates Odoo failures into the API's errors.
 */
@Injectable()
export class OdooGatewayService implements OnModuleDestroy {
  private readonly logger = new Logger('OdooGateway');
  private readonly transport = createOdooHttp();
  private readonly detected = new Map<string, Detected>();
  /** The session cookie of each configuration (API-key mode), `version` included. */
  private readonly jars = new Map<string, SessionCookieJar>();

  constructor(private readonly config: OdooConfigService) {}

  get http(): AxiosInstance {
    return this.transport.http;
  }

  onModuleDestroy(): void {
    this.transport.destroy();
  }

  /**
   * A client ready for ORM calls: authenticated (API-key mode) and with the version-specific field known. Asks
   * `common.version` (cheap, unauthenticated) every time, so an Odoo upgraded under the same configuration is noticed;
   * `fields_get` runs once per configuration revision and server version.
   */
  async prepare(conn: OdooConnection): Promise<PreparedClient> {
    const jar = this.jarOf(conn);
    const probe = new OdooClient(conn, this.http, { jar });
    const version = await probe.version();
    const revision = `${this.config.revision(conn)}:${version.server_version}`;
    const cached = this.detected.get(revision);
    const client = new OdooClient(conn, this.http, { uid: cached?.uid ?? null, jar });
    if (cached) return { client, startField: cached.startField, database: cached.database, revision };
    const database = conn.authMode === 'api_key' ? (await client.ensureUid(), conn.database) : (await client.authenticate()).database;
    if (!database) throw new OdooRpcError('bad_response', 'Odoo did not say which database the session belongs to (get_session_info has no "db").');
    const fields = await client.fieldsGet(MO_MODEL, ['type']);
    const startField = detectStartField(fields);
    if (this.detected.size >= 16) this.detected.clear();
    this.detected.set(revision, { startField, uid: client.knownUid, database });
    this.logger.log({ odoo: safeOrigin(conn.baseUrl), serverVersion: version.server_version, authMode: conn.authMode, startField }, 'Odoo connection prepared');
    return { client, startField, database, revision };
  }

  private jarOf(conn: OdooConnection): SessionCookieJar {
    const key = this.config.revision(conn);
    let jar = this.jars.get(key);
    if (!jar) {
      if (this.jars.size >= 16) this.jars.clear();
      jar = { value: null };
      this.jars.set(key, jar);
    }
    return jar;
  }

  /** Forgets what was learnt for a revision (after an authentication failure, so the next call re-authenticates). */
  forget(revision: string): void {
    this.detected.delete(revision);
  }

  /** Odoo domain of MOs created since `days` ago, AND a type's domain (domains concatenate as an implicit '&'). */
  windowDomain(days: number, typeDomain: OdooDomain, now = new Date()): OdooDomain {
    const since = toOdooDatetime(new Date(now.getTime() - days * 86_400_000));
    return [['create_date', '>=', since], ...typeDomain];
  }

  /** "Test connection": `version`, then authentication, then the field detection and each type's count. */
  async test(settings: OdooSettings): Promise<OdooConnectionTestResponse> {
    const response: OdooConnectionTestResponse = {
      ok: false,
      serverVersion: null,
      serverVersionInfo: null,
      authMode: settings.authMode,
      user: null,
      scheduledStartField: null,
      productionTypes: [],
      error: null,
      failure: null,
    };
    let conn: OdooConnection;
    try {
      conn = this.config.connectionOf(settings);
    } catch (err) {
      return { ...response, error: (err as Error).message, failure: 'config_missing' };
    }
    const client = new OdooClient(conn, this.http, { jar: this.jarOf(conn) });
    try {
      const version = await client.version();
      response.serverVersion = version.server_version;
      response.serverVersionInfo = version.server_version_info;
      const { database, ...user } = await client.authenticate();
      response.user = user;
      const fields = await client.fieldsGet(MO_MODEL, ['type']);
      response.scheduledStartField = detectStartField(fields);
      if (database) {
        this.detected.set(`${this.config.revision(conn)}:${version.server_version}`, { startField: response.scheduledStartField, uid: client.knownUid, database });
      }
    } catch (err) {
      const rpc = asRpcError(err);
      return { ...response, error: this.describe(rpc, conn).message, failure: rpc.failure };
    }
    // What a sync would take of each type: its own MOs, none an earlier type (whose domain Odoo accepted) matched.
    const accepted: OdooDomain[] = [];
    for (const [type, domain] of Object.entries(settings.productionTypes)) {
      try {
        const count = await client.searchCount(MO_MODEL, this.windowDomain(settings.syncWindowDays, typeDomain(domain, accepted)));
        response.productionTypes.push({ production_type: type, count, error: null });
        accepted.push(domain);
      } catch (err) {
        response.productionTypes.push({ production_type: type, count: null, error: asRpcError(err).message });
      }
    }
    const failedTypes = response.productionTypes.filter((t) => t.error);
    response.ok = failedTypes.length === 0;
    if (!response.ok) {
      response.error = `Connected, but the Odoo domain of ${failedTypes.map((t) => `"${t.production_type}"`).join(', ')} was rejected: ${failedTypes[0]?.error ?? ''}`;
      response.failure = 'odoo_error';
    }
    return response;
  }

  /** The API error for an Odoo failure: a sentence saying what happened and what to do. */
  describe(err: OdooRpcError, conn: OdooConnection): OdooMoError {
    const seconds = Math.round(conn.timeoutMs / 1000);
    switch (err.failure) {
      case 'timeout':
        return new OdooMoError(
          OdooMoErrorCode.Timeout,
          `Request timeout: Odoo did not answer within ${seconds} s. Check that Odoo at ${safeOrigin(conn.baseUrl)} is up and reachable, or raise the request timeout in Admin settings, then try again.`,
        );
      case 'session_expired':
        return new OdooMoError(
          OdooMoErrorCode.SessionExpired,
          'The Odoo session has expired. Log in to Odoo again and paste the new Session ID in Admin settings, or switch to login + API key authentication, which does not expire.',
        );
      case 'auth_failed':
        return new OdooMoError(OdooMoErrorCode.AuthFailed, `${err.message} Check the database name, login and API key in Admin settings.`);
      case 'database_not_found':
        return new OdooMoError(OdooMoErrorCode.DatabaseNotFound, `${err.message} Check the database name in Admin settings.`);
      case 'unreachable':
        return new OdooMoError(OdooMoErrorCode.Unreachable, `${err.message} Check the Odoo base URL in Admin settings and that Odoo is running.`);
      default:
        return new OdooMoError(OdooMoErrorCode.UpstreamError, `Odoo API error: ${err.message} Check the Odoo base URL and the production type domains in Admin settings.`);
    }
  }
}

/** Any error from a call into Odoo, as an OdooRpcError (unexpected ones keep no detail). */
export function asRpcError(err: unknown): OdooRpcError {
  if (err instanceof OdooRpcError) return err;
  return new OdooRpcError('bad_response', 'Unexpected failure while talking to Odoo.');
}
