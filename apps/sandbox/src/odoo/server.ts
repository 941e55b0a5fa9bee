/**
 * The fake Odoo server: the web-client JSON routes (addons/web/controllers/session.py, dataset.py), the external
 * API route /jsonrpc (odoo/addons/base/controllers/rpc.py → odoo/service/common.py, model.py) and the sandbox's own
 * control routes under /__control.
 */
import express, { Request, RequestHandler, Response } from 'express';
import { createHash } from 'node:crypto';
import type { FakeSystem } from '../app';
import type { FaultRegistry } from '../faults';
import {
  AUTH_FRAMES,
  CALL_KW_FRAMES,
  DISPATCH_FRAMES,
  Frame,
  OdooError,
  RPC_FRAMES,
  accessDeniedLogin,
  accessDeniedRpc,
  injectedServerError,
  internalError,
  serializeOdooError,
  sessionExpired,
  typeError,
  unknownDatabase,
  unknownRpcMethod,
  unknownRpcService,
} from './errors';
import type { Scalar } from './domain';
import { OdooDatabase, OdooVersion } from './models';
import { callModelMethod } from './orm';
import { pyJson } from './pyjson';
import { odooDatetime, seedDatabase } from './seed';
import { SessionStore, WebSession, readSessionCookie, sessionCookie } from './session';

export interface OdooUserOptions {
  login: string;
  password: string;
  /** API keys (Odoo 14+): accepted instead of the password by /jsonrpc, not by the web login. */
  apiKeys?: string[];
  uid?: number;
  name?: string;
}

export interface OdooSystemOptions {
  version?: OdooVersion;
  /** Generated manufacturing orders on top of the 4 demo ones. */
  moCount?: number;
  seed?: number;
  db?: string;
  users?: OdooUserOptions[];
  /** The server clock (sessions, and the 60-day window generated MOs are spread over). */
  now?: () => Date;
}

export interface OdooResetOptions {
  version?: OdooVersion;
  moCount?: number;
  seed?: number;
}

export interface OdooState {
  db: string;
  version: OdooVersion;
  seed: number;
  moCount: number;
  productions: number;
  sessions: number;
  logins: string[];
  seededAt: string;
}

export interface OdooSystem extends FakeSystem {
  reset(options?: OdooResetOptions): OdooState;
  state(): OdooState;
  /** Forgets every web session; the next call_kw answers SessionExpiredException. */
  expireSessions(): number;
  readonly database: OdooDatabase;
}

export const DEFAULT_DB = 'mrpdemo';
export const DEFAULT_API_KEY = 'sandbox-odoo-api-key';
export const DEFAULT_USERS: OdooUserOptions[] = [{ login: 'admin', password: 'admin', apiKeys: [DEFAULT_API_KEY], uid: 2, name: 'Mitchell Admin' }];
const MAX_MO_COUNT = 100_000;

interface User {
  uid: number;
  login: string;
  name: string;
  password: string;
  apiKeys: string[];
}

function normaliseUsers(users: OdooUserOptions[]): User[] {
  let nextUid = 6; // demo users take the low ids
  return users.map((u) => ({ uid: u.uid ?? nextUid++, login: u.login, name: u.name ?? u.login, password: u.password, apiKeys: u.apiKeys ?? [] }));
}

function versionInfo(version: OdooVersion): { server_version: string; server_version_info: Array<number | string>; server_serie: string; protocol_version: number } {
  return { server_version: `${version}.0`, server_version_info: [version, 0, 0, 'final', 0, ''], server_serie: `${version}.0`, protocol_version: 1 };
}

export function createOdooSystem(options: OdooSystemOptions = {}): OdooSystem {
  const now = options.now ?? (() => new Date());
  const users = normaliseUsers(options.users ?? DEFAULT_USERS);
  const dbName = options.db ?? DEFAULT_DB;
  const sessions = new SessionStore();
  let seedOptions = { version: options.version ?? 16, moCount: options.moCount ?? 300, seed: options.seed ?? 42 };
  let seededAt = now();
  let database = build();

  function build(): OdooDatabase {
    return seedDatabase({ db: dbName, ...seedOptions, now: seededAt, users: users.map(({ uid, login, name }) => ({ uid, login, name })) });
  }

  function state(): OdooState {
    return {
      db: dbName,
      ...seedOptions,
      productions: database.mustTable('mrp.production').rows.length,
      sessions: sessions.size,
      logins: users.map((u) => u.login),
      seededAt: seededAt.toISOString(),
    };
  }

  const server: ServerState = {
    dbName,
    users,
    sessions,
    now: () => now().getTime(),
    db: () => database,
  };

  const system: OdooSystem = {
    name: 'odoo',
    description: `Odoo ${seedOptions.version}.0 JSON-RPC (db "${dbName}", login admin/admin, API key ${DEFAULT_API_KEY}): /web/session/*, /web/dataset/call_kw, /jsonrpc`,
    get database() {
      return database;
    },
    state,
    expireSessions: () => sessions.expireAll(),
    reset(reset: OdooResetOptions = {}) {
      seedOptions = { version: reset.version ?? seedOptions.version, moCount: reset.moCount ?? seedOptions.moCount, seed: reset.seed ?? seedOptions.seed };
      seededAt = now();
      database = build();
      return state();
    },
    router(faults: FaultRegistry) {
      return buildRouter(server, faults, system);
    },
  };
  return system;
}

interface ServerState {
  dbName: string;
  users: User[];
  sessions: SessionStore;
  now(): number;
  db(): OdooDatabase;
}

// ---- JSON-RPC plumbing --------------------------------------------------------------------------------------------

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requestId(req: Request): unknown {
  const body: unknown = req.body;
  return isRecord(body) && 'id' in body ? body['id'] : null;
}

function requestParams(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  return isRecord(body) && isRecord(body['params']) ? body['params'] : {};
}

function send(res: Response, payload: Record<string, unknown>): void {
  res.status(200).type('application/json').send(pyJson(payload));
}

function sendError(res: Response, id: unknown, err: OdooError, outer: Frame[]): void {
  send(res, { jsonrpc: '2.0', id, error: serializeOdooError(err, outer) });
}

interface RpcCall {
  req: Request;
  res: Response;
  params: Record<string, unknown>;
  session: WebSession | undefined;
}

interface RouteSpec {
  /** `user` routes need a live session; its absence is reported before the body is even read (id null). */
  auth: 'user' | 'none';
  /** Frames of the controller, placed above whatever the handler raises. */
  frames: Frame[];
  handle(call: RpcCall): unknown;
}

/** odoo/http.py: _serve_db → ir_http._authenticate → JsonRPCDispatcher.dispatch / handle_error. */
function rpcRoute(server: ServerState, faults: FaultRegistry, spec: RouteSpec): RequestHandler {
  return (req, res) => {
    let session: WebSession | undefined;
    if (spec.auth === 'user') {
      session = server.sessions.find(readSessionCookie(req.headers.cookie), server.now());
      if (faults.take('odoo', 'session-expired', req.path) || !session) {
        sendError(res, null, sessionExpired(), AUTH_FRAMES);
        return;
      }
    }
    const id = requestId(req);
    if (faults.take('odoo', 'protocol-error', req.path)) {
      sendError(res, id, injectedServerError(), DISPATCH_FRAMES.slice(0, -2));
      return;
    }
    try {
      const result = spec.handle({ req, res, params: requestParams(req), session });
      send(res, { jsonrpc: '2.0', id, result });
    } catch (err) {
      if (err instanceof OdooError) sendError(res, id, err, spec.frames);
      else sendError(res, id, internalError(err), DISPATCH_FRAMES);
    }
  };
}

/** route_wrapper drops unknown params, but a missing required one is Python's TypeError. */
function required(params: Record<string, unknown>, name: string, qualname: string): unknown {
  if (!Object.hasOwn(params, name)) throw typeError(`${qualname}() missing 1 required positional argument: '${name}'`);
  return params[name];
}

// ---- session info (odoo/addons/base/models/ir_http.py session_info, + web's additions) ----------------------------

function sessionInfo(server: ServerState, user: User, req: Request): Record<string, unknown> {
  const db = server.db();
  const hash = (text: string) => createHash('sha1').update(text).digest('hex');
  return {
    uid: user.uid,
    is_system: true,
    is_admin: true,
    user_context: { lang: 'en_US', tz: 'Europe/Brussels', uid: user.uid },
    db: server.dbName,
    ...(({ server_version, server_version_info }) => ({ server_version, server_version_info }))(versionInfo(db.version)),
    support_url: 'https://www.odoo.com/buy',
    name: user.name,
    username: user.login,
    partner_display_name: `YourCompany, ${user.name}`,
    company_id: 1,
    partner_id: user.uid + 1,
    'web.base.url': `${req.protocol}://${req.get('host') ?? 'localhost'}${req.baseUrl}`,
    active_ids_limit: 20000,
    profile_session: null,
    profile_collectors: null,
    profile_params: null,
    max_file_upload_size: 134217728,
    home_action_id: false,
    cache_hashes: { translations: hash(`translations:${db.version}`), load_menus: createHash('sha256').update(`menus:${user.uid}`).digest('hex') },
    currencies: { '1': { symbol: '\u20ac', position: 'after', digits: [69, 2] }, '2': { symbol: '$', position: 'before', digits: [69, 2] } },
    bundle_params: { lang: 'en_US' },
    user_companies: {
      current_company: 1,
      allowed_companies: { '2': { id: 2, name: 'My Company (Chicago)', sequence: 10 }, '1': { id: 1, name: 'My Company (San Francisco)', sequence: 0 } },
    },
    show_effect: true,
    display_switch_company_menu: true,
    user_id: [user.uid],
    max_time_between_keys_in_ms: 100,
    web_tours: [],
    tour_disable: true,
    notification_type: 'email',
    odoobot_initialized: true,
    iap_company_enrich: true,
  };
}

// ---- credentials --------------------------------------------------------------------------------------------------

/** res_users._check_credentials: the password, or (non-interactive only) an API key. */
function credentialsMatch(user: User, secret: unknown, interactive: boolean): boolean {
  if (typeof secret !== 'string' || secret === '') return false;
  return secret === user.password || (!interactive && user.apiKeys.includes(secret));
}

function assertDatabase(server: ServerState, db: unknown): void {
  if (db !== server.dbName) throw unknownDatabase(typeof db === 'string' ? db : String(db));
}

// ---- routes -------------------------------------------------------------------------------------------------------

function authenticateRoute(server: ServerState): RouteSpec {
  return {
    auth: 'none',
    frames: DISPATCH_FRAMES,
    handle: ({ params, req, res }) => {
      const db = required(params, 'db', 'Session.authenticate');
      const login = required(params, 'login', 'Session.authenticate');
      const password = required(params, 'password', 'Session.authenticate');
      assertDatabase(server, db);
      const user = server.users.find((u) => u.login === login);
      if (!user || !credentialsMatch(user, password, true)) throw accessDeniedLogin();
      const session = server.sessions.create(server.dbName, user.uid, user.login, server.now());
      res.append('Set-Cookie', sessionCookie(session.sid, server.now()));
      return sessionInfo(server, user, req);
    },
  };
}

function sessionUser(server: ServerState, session: WebSession | undefined): User {
  const user = server.users.find((u) => u.uid === session?.uid);
  if (!user) throw sessionExpired();
  return user;
}

function getSessionInfoRoute(server: ServerState): RouteSpec {
  return {
    auth: 'user',
    frames: DISPATCH_FRAMES,
    handle: ({ session, req, res }) => {
      const user = sessionUser(server, session);
      if (session) {
        server.sessions.touch(session, server.now()); // request.session.touch(): saved, so the cookie is sent again
        res.append('Set-Cookie', sessionCookie(session.sid, server.now()));
      }
      return sessionInfo(server, user, req);
    },
  };
}

function destroyRoute(server: ServerState): RouteSpec {
  return {
    auth: 'user',
    frames: DISPATCH_FRAMES,
    handle: ({ session }) => {
      if (session) server.sessions.forget(session.sid);
      return null;
    },
  };
}

function callKwRoute(server: ServerState): RouteSpec {
  return {
    auth: 'user',
    frames: CALL_KW_FRAMES,
    handle: ({ params, session }) => {
      const model = required(params, 'model', 'DataSet.call_kw');
      const method = required(params, 'method', 'DataSet.call_kw');
      const args = required(params, 'args', 'DataSet.call_kw');
      const kwargs = required(params, 'kwargs', 'DataSet.call_kw');
      const user = sessionUser(server, session);
      return callModelMethod(server.db(), String(model), String(method), args, kwargs, { uid: user.uid, entry: 'call_kw' });
    },
  };
}

function positionalArgs(args: unknown, count: number, qualname: string, names: string[]): unknown[] {
  const list = Array.isArray(args) ? args : [];
  if (list.length < count) {
    const missing = names.slice(list.length, count);
    const quoted = missing.map((n) => `'${n}'`);
    const text = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
    throw typeError(`${qualname}() missing ${missing.length} required positional argument${missing.length > 1 ? 's' : ''}: ${text}`);
  }
  return list;
}

/** odoo/service/common.py: exp_version, exp_login, exp_authenticate. */
function commonService(server: ServerState, method: string, args: unknown): unknown {
  if (method === 'version') return versionInfo(server.db().version);
  if (method === 'login' || method === 'authenticate') {
    const names = ['db', 'login', 'password', 'user_agent_env'];
    const [db, login, password] = positionalArgs(args, method === 'login' ? 3 : 4, `exp_${method}`, names);
    assertDatabase(server, db);
    const user = server.users.find((u) => u.login === login);
    return user && credentialsMatch(user, password, false) ? user.uid : false;
  }
  throw unknownRpcMethod('common', method);
}

/** odoo/service/model.py dispatch: security.check, then execute_kw / execute. */
function objectService(server: ServerState, method: string, args: unknown): unknown {
  if (method !== 'execute_kw' && method !== 'execute') throw unknownRpcMethod('object', method);
  const list = positionalArgs(args, 5, method, ['db', 'uid', 'passwd', 'obj', 'method']);
  const [db, uidRaw, password, model, modelMethod] = list;
  assertDatabase(server, db);
  const uid = typeof uidRaw === 'number' ? uidRaw : Number(uidRaw);
  const user = server.users.find((u) => u.uid === uid);
  if (!user || !credentialsMatch(user, password, false)) throw accessDeniedRpc();
  const ctx = { uid: user.uid, entry: 'execute_kw' as const };
  if (method === 'execute') return callModelMethod(server.db(), String(model), String(modelMethod), list.slice(5), {}, ctx);
  return callModelMethod(server.db(), String(model), String(modelMethod), list[5] ?? [], list[6] ?? {}, ctx);
}

/** odoo/service/db.py, the two harmless calls. */
function dbService(server: ServerState, method: string): unknown {
  if (method === 'list') return [server.dbName];
  if (method === 'server_version') return `${server.db().version}.0`;
  throw unknownRpcMethod('db', method);
}

function jsonrpcRoute(server: ServerState): RouteSpec {
  return {
    auth: 'none',
    frames: RPC_FRAMES,
    handle: ({ params }) => {
      const service = required(params, 'service', 'jsonrpc');
      const method = String(required(params, 'method', 'jsonrpc'));
      const args = required(params, 'args', 'jsonrpc');
      if (service === 'common') return commonService(server, method, args);
      if (service === 'object') return objectService(server, method, args);
      if (service === 'db') return dbService(server, method);
      throw unknownRpcService(String(service));
    },
  };
}

// ---- control ------------------------------------------------------------------------------------------------------

function parseReset(body: unknown): OdooResetOptions | string {
  const input = isRecord(body) ? body : {};
  const reset: OdooResetOptions = {};
  const version = input['version'];
  if (version !== undefined) {
    if (version !== 16 && version !== 17 && version !== '16' && version !== '17') return 'version must be 16 or 17';
    reset.version = Number(version) === 17 ? 17 : 16;
  }
  const count = input['count'] ?? input['moCount'];
  if (count !== undefined) {
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > MAX_MO_COUNT) return `count must be an integer from 0 to ${MAX_MO_COUNT}`;
    reset.moCount = count;
  }
  const seed = input['seed'];
  if (seed !== undefined) {
    if (typeof seed !== 'number' || !Number.isInteger(seed)) return 'seed must be an integer';
    reset.seed = seed;
  }
  return reset;
}

/** Fields the ORM keeps itself (odoo/models.py MAGIC_COLUMNS, `__last_update`). */
const MAGIC_FIELDS: ReadonlySet<string> = new Set(['id', 'create_uid', 'create_date', 'write_uid', 'write_date', '__last_update', 'display_name']);

/** The values of a control `write`: stored fields of the model only (readonly ones too, as a raw update can); a many2one takes an existing id or false. */
function writeValues(db: OdooDatabase, model: string, values: unknown): Record<string, Scalar> | string {
  if (!isRecord(values) || Object.keys(values).length === 0) return 'values must be an object of field: value';
  const out: Record<string, Scalar> = {};
  for (const [name, value] of Object.entries(values)) {
    const field = db.field(model, name);
    if (!field || field.store === false || MAGIC_FIELDS.has(name)) return `${model}.${name} is not a stored field the control write may set`;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return `${name} must be text, a number or false`;
    if (field.type === 'many2one' && value !== false && (typeof value !== 'number' || !db.record(field.relation ?? '', value))) {
      return `${name} must be the id of an existing ${field.relation ?? 'record'}, or false`;
    }
    out[name] = value;
  }
  return out;
}

/** `{ model, ids }` of a control call: a known model and a list of whole numbers. */
function targetOf(db: OdooDatabase, body: unknown): { model: string; ids: number[] } | string {
  const input = isRecord(body) ? body : {};
  const model = input['model'];
  const ids = input['ids'];
  if (typeof model !== 'string' || !db.table(model)) return 'model must be one of the fake\'s models, e.g. "mrp.production"';
  if (!Array.isArray(ids) || !ids.every((id): id is number => Number.isInteger(id))) return 'ids must be a list of record ids';
  return { model, ids };
}

function controlRouter(system: OdooSystem, now: () => Date): express.Router {
  const router = express.Router();
  router.get('/state', (_req, res) => {
    res.json(system.state());
  });
  router.post('/reset', (req, res) => {
    const reset = parseReset(req.body);
    if (typeof reset === 'string') {
      res.status(400).json({ error: reset });
      return;
    }
    res.json(system.reset(reset));
  });
  router.post('/expire-sessions', (_req, res) => {
    res.json({ expired: system.expireSessions() });
  });
  // What users do in Odoo between two syncs: delete records, edit them (an MO's quantity, a product's category). Raw
  // changes, without Odoo's business checks (a done MO cannot really be deleted), so a test can make any case happen.
  router.post('/unlink', (req, res) => {
    const target = targetOf(system.database, req.body);
    if (typeof target === 'string') {
      res.status(400).json({ error: target });
      return;
    }
    const table = system.database.mustTable(target.model);
    res.json({ deleted: target.ids.filter((id) => table.delete(id)).length });
  });
  router.post('/write', (req, res) => {
    const db = system.database;
    const target = targetOf(db, req.body);
    const values = typeof target === 'string' ? target : writeValues(db, target.model, (req.body as Record<string, unknown>)['values']);
    if (typeof target === 'string' || typeof values === 'string') {
      res.status(400).json({ error: typeof target === 'string' ? target : values });
      return;
    }
    const table = db.mustTable(target.model);
    const stamp = odooDatetime(now());
    let updated = 0;
    for (const id of target.ids) {
      const row = table.get(id);
      if (!row) continue;
      Object.assign(row, values, { write_date: stamp }, db.version === 16 ? { __last_update: stamp } : {});
      if ('display_name' in row) row['display_name'] = table.def.displayName(row);
      updated += 1;
    }
    res.json({ updated });
  });
  return router;
}

function buildRouter(server: ServerState, faults: FaultRegistry, system: OdooSystem): express.Router {
  const router = express.Router();
  const route = (spec: RouteSpec) => rpcRoute(server, faults, spec);
  router.use('/__control', controlRouter(system, () => new Date(server.now())));
  router.post('/web/session/authenticate', route(authenticateRoute(server)));
  router.post('/web/session/get_session_info', route(getSessionInfoRoute(server)));
  router.post('/web/session/destroy', route(destroyRoute(server)));
  router.post('/web/dataset/call_kw{/*rest}', route(callKwRoute(server)));
  router.post('/web/webclient/version_info', route({ auth: 'none', frames: DISPATCH_FRAMES, handle: () => versionInfo(server.db().version) }));
  router.post('/jsonrpc', route(jsonrpcRoute(server)));
  return router;
}
