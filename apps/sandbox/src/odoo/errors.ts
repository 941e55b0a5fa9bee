/**
 * Odoo exceptions as the JSON-RPC dispatcher serialises them (odoo/http.py: JsonRPCDispatcher.handle_error and
 * serialize_exception): HTTP 200, `code` 100 for SessionExpiredException and 200 for everything else, and `data`
 * holding the Python class path, a traceback, the message, the exception arguments and its context.
 */
import { pyRepr } from './pyjson';

/** One traceback frame, as Python prints it. Paths are those of the captured server (`/opt/odoo`). */
export interface Frame {
  file: string;
  line: number;
  func: string;
  code: string;
}

export interface OdooErrorOptions {
  /** Frames inside the ORM / service layer, below the entry point's own frames. */
  frames?: Frame[];
  /** JSON-RPC error code: 100 only for an expired session. */
  code?: number;
  /** `str(exc)` on the traceback's last line when it differs from the message (KeyError quotes its argument). */
  excText?: string;
}

export class OdooError extends Error {
  readonly frames: Frame[];
  readonly code: number;
  readonly excText: string;

  /** @param pyName the exception's class path, e.g. `builtins.ValueError` or `odoo.exceptions.AccessDenied`. */
  constructor(
    readonly pyName: string,
    message: string,
    options: OdooErrorOptions = {},
  ) {
    super(message);
    this.frames = options.frames ?? [];
    this.code = options.code ?? 200;
    this.excText = options.excText ?? message;
  }
}

export interface JsonRpcErrorBody {
  code: number;
  message: string;
  data: { name: string; debug: string; message: string; arguments: unknown[]; context: Record<string, unknown> };
}

const ODOO = '/opt/odoo';

function frame(file: string, line: number, func: string, code: string): Frame {
  return { file: file.startsWith('/') ? file : `${ODOO}/${file}`, line, func, code };
}

/** Outer frames every request goes through (odoo/http.py Application → _serve_db). */
export const SERVE_FRAMES: Frame[] = [
  frame('odoo/http.py', 1632, '_serve_db', 'return service_model.retrying(self._serve_ir_http, self.env)'),
  frame('odoo/service/model.py', 133, 'retrying', 'result = func()'),
];

/** Authentication of `auth='user'` routes, where a missing session is detected before the JSON body is read. */
export const AUTH_FRAMES: Frame[] = [
  ...SERVE_FRAMES,
  frame('odoo/http.py', 1657, '_serve_ir_http', 'ir_http._authenticate(rule.endpoint)'),
  frame('odoo/addons/base/models/ir_http.py', 127, '_authenticate', "getattr(cls, f'_auth_method_{auth}')()"),
  frame('odoo/addons/base/models/ir_http.py', 106, '_auth_method_user', 'raise http.SessionExpiredException("Session expired")'),
];

/** From the dispatcher to the controller method. */
export const DISPATCH_FRAMES: Frame[] = [
  ...SERVE_FRAMES,
  frame('odoo/http.py', 1659, '_serve_ir_http', 'response = self.dispatcher.dispatch(rule.endpoint, args)'),
  frame('odoo/http.py', 1863, 'dispatch', "result = self.request.registry['ir.http']._dispatch(endpoint)"),
  frame('odoo/addons/base/models/ir_http.py', 154, '_dispatch', 'result = endpoint(**request.params)'),
  frame('odoo/http.py', 716, 'route_wrapper', 'result = endpoint(self, *args, **params_ok)'),
];

/** addons/web/controllers/dataset.py call_kw → odoo/api.py call_kw. */
export const CALL_KW_FRAMES: Frame[] = [
  ...DISPATCH_FRAMES,
  frame('addons/web/controllers/dataset.py', 42, 'call_kw', 'return self._call_kw(model, method, args, kwargs)'),
  frame('addons/web/controllers/dataset.py', 33, '_call_kw', 'return call_kw(request.env[model], method, args, kwargs)'),
];

export const API_CALL_KW_FRAMES: Frame[] = [
  frame('odoo/api.py', 464, 'call_kw', 'result = _call_kw_model(method, model, args, kwargs)'),
  frame('odoo/api.py', 435, '_call_kw_model', 'result = method(recs, *args, **kwargs)'),
];

/** /jsonrpc (odoo/addons/base/controllers/rpc.py) → odoo/http.py dispatch_rpc. */
export const RPC_FRAMES: Frame[] = [
  ...DISPATCH_FRAMES,
  frame('odoo/addons/base/controllers/rpc.py', 155, 'jsonrpc', 'return dispatch_rpc(service, method, args)'),
  frame('odoo/http.py', 369, 'dispatch_rpc', 'return dispatch(method, params)'),
];

/** odoo/service/model.py dispatch → execute_kw → execute: below RPC_FRAMES for `object.execute_kw`. */
export const EXECUTE_KW_INNER_FRAMES: Frame[] = [
  frame('odoo/service/model.py', 37, 'dispatch', 'res = execute_kw(db, uid, *params[3:])'),
  frame('odoo/service/model.py', 59, 'execute_kw', 'return execute(db, uid, obj, method, *args, **kw or {})'),
  frame('odoo/service/model.py', 65, 'execute', 'res = execute_cr(cr, uid, obj, method, *args, **kw)'),
];

const EXECUTE_CR_CALL_FRAME = frame('odoo/service/model.py', 51, 'execute_cr', 'result = retrying(partial(odoo.api.call_kw, recs, method, args, kw), env)');

/**
 * Frames between an entry point's own frames (CALL_KW_FRAMES or RPC_FRAMES) and the error: `model` for resolving the
 * model name, `method` for anything the ORM method raises.
 */
export function ormFrames(entry: 'call_kw' | 'execute_kw', stage: 'model' | 'method'): Frame[] {
  const service = entry === 'execute_kw' ? EXECUTE_KW_INNER_FRAMES : [];
  if (stage === 'model') return service;
  return entry === 'execute_kw' ? [...service, EXECUTE_CR_CALL_FRAME, ...API_CALL_KW_FRAMES] : [...API_CALL_KW_FRAMES];
}

/** The same exception, seen from further up the stack. */
export function withFramesBefore(err: OdooError, before: Frame[]): OdooError {
  return new OdooError(err.pyName, err.message, { frames: [...before, ...err.frames], code: err.code, excText: err.excText });
}

/** The Python traceback text: `data.debug`. */
export function renderTraceback(err: OdooError, outer: Frame[]): string {
  const lines = ['Traceback (most recent call last):'];
  for (const f of [...outer, ...err.frames]) {
    lines.push(`  File "${f.file}", line ${f.line}, in ${f.func}`, `    ${f.code}`);
  }
  const shortName = err.pyName.startsWith('builtins.') ? err.pyName.slice('builtins.'.length) : err.pyName;
  lines.push(`${shortName}: ${err.excText}`);
  return `${lines.join('\n')}\n`;
}

/** The `error` member of the JSON-RPC response. */
export function serializeOdooError(err: OdooError, outer: Frame[]): JsonRpcErrorBody {
  return {
    code: err.code,
    message: err.code === 100 ? 'Odoo Session Expired' : 'Odoo Server Error',
    data: { name: err.pyName, debug: renderTraceback(err, outer), message: err.message, arguments: [err.message], context: {} },
  };
}

// ---- the exceptions the fake raises ------------------------------------------------------------------------------

/** odoo/addons/base/models/ir_http.py _auth_method_user: no session, or one the store does not know. */
export function sessionExpired(): OdooError {
  return new OdooError('odoo.http.SessionExpiredException', 'Session expired', { code: 100 });
}

/** odoo/modules/registry.py __getitem__: `request.env[model]` on an unknown model (call_kw path). */
export function unknownModelKeyError(model: string): OdooError {
  return new OdooError('builtins.KeyError', model, {
    excText: pyRepr(model),
    frames: [
      frame('odoo/api.py', 550, '__getitem__', 'return self.registry[model_name](self, (), ())'),
      frame('odoo/modules/registry.py', 190, '__getitem__', 'return self.models[model_name]'),
    ],
  });
}

/** odoo/service/model.py execute_cr: unknown model through /jsonrpc execute_kw. */
export function objectDoesntExist(model: string): OdooError {
  return new OdooError('odoo.exceptions.UserError', `Object ${model} doesn't exist`, {
    frames: [frame('odoo/service/model.py', 49, 'execute_cr', `raise UserError(_("Object %s doesn't exist", obj))`)],
  });
}

/** odoo/models.py read: a requested field the model does not have. */
export function invalidField(field: string, model: string, caller: 'search_read' | 'read'): OdooError {
  const frames =
    caller === 'search_read' ? [frame('odoo/models.py', 5030, 'search_read', 'result = records.read(fields, **read_kwargs)')] : [];
  frames.push(frame('odoo/models.py', 2985, 'read', 'raise ValueError("Invalid field %r on model %r" % (name, self._name))'));
  return new OdooError('builtins.ValueError', `Invalid field ${pyRepr(field)} on model ${pyRepr(model)}`, { frames });
}

/** Wrong password on /web/session/authenticate (res_users.py _login → _check_credentials). */
export function accessDeniedLogin(): OdooError {
  return new OdooError('odoo.exceptions.AccessDenied', 'Access Denied', {
    frames: [
      frame('addons/web/controllers/session.py', 33, 'authenticate', 'pre_uid = request.session.authenticate(db, login, password)'),
      frame('odoo/http.py', 969, 'authenticate', "pre_uid = registry['res.users'].authenticate(dbname, login, password, wsgienv)"),
      frame('odoo/addons/base/models/res_users.py', 826, 'authenticate', 'uid = cls._login(db, login, password, user_agent_env=user_agent_env)'),
      frame('odoo/addons/base/models/res_users.py', 801, '_login', 'user._check_credentials(password, user_agent_env)'),
      frame('odoo/addons/base/models/res_users.py', 1992, '_check_credentials', 'return super()._check_credentials(password, user_agent_env)'),
      frame('odoo/addons/base/models/res_users.py', 418, '_check_credentials', 'raise AccessDenied()'),
    ],
  });
}

/** Wrong uid/password on /jsonrpc object service (odoo/service/security.py check → res_users.check). */
export function accessDeniedRpc(): OdooError {
  return new OdooError('odoo.exceptions.AccessDenied', 'Access Denied', {
    frames: [
      frame('odoo/service/model.py', 28, 'dispatch', 'security.check(db, uid, passwd)'),
      frame('odoo/service/security.py', 9, 'check', 'return res_users.check(db, uid, passwd)'),
      frame('/usr/lib/python3/dist-packages/decorator.py', 232, 'fun', 'return caller(func, *(extras + args), **kw)'),
      frame('odoo/tools/cache.py', 90, 'lookup', 'value = d[key] = self.method(*args, **kwargs)'),
      frame('odoo/addons/base/models/res_users.py', 856, 'check', "self._check_credentials(passwd, {'interactive': False})"),
      frame('odoo/addons/base/models/res_users.py', 2004, '_check_credentials', 'raise AccessDenied()'),
    ],
  });
}

/**
 * A database that does not exist: odoo/modules/registry.py Registry.new opens a cursor and psycopg2 refuses the
 * connection. libpq's text names Odoo's own PostgreSQL server (host, address, port) and ends with a newline; the
 * fake's server is `localhost` on 5432 over TCP, as in a typical deployment. (A server started with
 * `--db-filter`/`db_name` would refuse earlier; the fake models the default setup.)
 */
export function unknownDatabase(db: string): OdooError {
  const message = `connection to server at "localhost" (127.0.0.1), port 5432 failed: FATAL:  database "${db}" does not exist\n`;
  return new OdooError('psycopg2.OperationalError', message, {
    frames: [
      frame('odoo/modules/registry.py', 87, 'new', 'odoo.modules.load_modules(registry, force_demo, status, update_module)'),
      frame('odoo/modules/loading.py', 351, 'load_modules', 'with db.cursor() as cr:'),
      frame('odoo/sql_db.py', 740, 'cursor', 'return Cursor(self.__pool, self.__dbname, self.__dsn)'),
      frame('odoo/sql_db.py', 638, 'borrow', 'result = psycopg2.connect('),
      frame('/usr/lib/python3/dist-packages/psycopg2/__init__.py', 122, 'connect', 'conn = _connect(dsn, connection_factory=connection_factory, **kwasync)'),
    ],
  });
}

/** A ValueError raised inside the ORM (domain parsing, order parsing…). */
export function valueError(message: string, frames: Frame[] = []): OdooError {
  return new OdooError('builtins.ValueError', message, { frames });
}

/** Python's own argument binding errors (`got an unexpected keyword argument`…). */
export function typeError(message: string): OdooError {
  return new OdooError('builtins.TypeError', message, { frames: [frame('odoo/api.py', 435, '_call_kw_model', 'result = method(recs, *args, **kwargs)')] });
}

/** odoo/api.py call_kw: `getattr(type(model), name)` for a method the model lacks. */
export function attributeError(model: string, method: string): OdooError {
  return new OdooError('builtins.AttributeError', `type object '${model}' has no attribute '${method}'`, {
    frames: [frame('odoo/api.py', 461, 'call_kw', 'method = getattr(type(model), name)')],
  });
}

/** odoo/models.py _read / check_access: ids that are not in the table. */
export function missingError(model: string, ids: number[], uid: number): OdooError {
  const idsText = ids.length === 1 ? `${ids[0]},` : ids.join(', ');
  return new OdooError('odoo.exceptions.MissingError', `Record does not exist or has been deleted.\n(Record: ${model}(${idsText}), User: ${uid})`, {
    frames: [frame('odoo/models.py', 3576, '_read', 'raise self.env[\'ir.actions.act_window\']._get_missing_error(forbidden)')],
  });
}

/** odoo/service/common.py dispatch (`Exception`) and odoo/service/model.py dispatch (`NameError`): unknown method. */
export function unknownRpcMethod(service: string, method: string): OdooError {
  if (service === 'object') {
    return new OdooError('builtins.NameError', `Method not available ${method}`, {
      frames: [frame('odoo/service/model.py', 33, 'dispatch', 'raise NameError("Method not available %s" % method)')],
    });
  }
  return new OdooError('builtins.Exception', `Method not found: ${method}`, {
    frames: [frame(`odoo/service/${service}.py`, 63, 'dispatch', 'raise Exception("Method not found: %s" % method)')],
  });
}

/** odoo/http.py dispatch_rpc: a service name the server does not have. */
export function unknownRpcService(service: string): OdooError {
  return new OdooError('builtins.KeyError', service, {
    excText: pyRepr(service),
    frames: [frame('odoo/http.py', 366, 'dispatch_rpc', "dispatch = rpc_dispatchers[service_name]")],
  });
}

/** What the `protocol-error` fault switch injects: an unexpected server-side exception. */
export function injectedServerError(): OdooError {
  return new OdooError('builtins.RuntimeError', 'Sandbox fault switch: injected Odoo server error (protocol-error)', {
    frames: [frame('odoo/http.py', 1863, 'dispatch', "result = self.request.registry['ir.http']._dispatch(endpoint)")],
  });
}

/** Anything the fake itself did not expect: still an Odoo-shaped error, never an HTML page. */
export function internalError(err: unknown): OdooError {
  return new OdooError('builtins.Exception', err instanceof Error ? err.message : String(err));
}
