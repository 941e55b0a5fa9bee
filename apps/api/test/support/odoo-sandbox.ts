import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningSandbox } from './sandbox';

export const ODOO_DB = 'mrpdemo';
export const ODOO_LOGIN = 'admin';
export const ODOO_PASSWORD = 'admin';
export const ODOO_API_KEY = 'sandbox-odoo-api-key';

/** Logs in to the sandbox Odoo as a browser would and returns the session_id cookie. */
export async function odooSessionId(sandbox: RunningSandbox): Promise<string> {
  const res = await fetch(`${sandbox.url}/odoo/web/session/authenticate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1, params: { db: ODOO_DB, login: ODOO_LOGIN, password: ODOO_PASSWORD } }),
  });
  const cookie = res.headers.get('set-cookie') ?? '';
  const m = /session_id=([^;]+)/.exec(cookie);
  if (!m?.[1]) throw new Error(`no session cookie: ${cookie}`);
  return m[1];
}

export async function resetOdoo(sandbox: RunningSandbox, opts: { version?: 16 | 17; count?: number; seed?: number } = {}): Promise<void> {
  await sandbox.control('POST', '/odoo/__control/reset', { version: 16, count: 300, seed: 42, ...opts });
}

export async function fault(sandbox: RunningSandbox, rule: { kind: string; ms?: number; times?: number; after?: number; pathIncludes?: string }): Promise<void> {
  await sandbox.control('POST', '/__sandbox/faults', { system: 'odoo', ...rule });
}

export async function clearFaults(sandbox: RunningSandbox): Promise<void> {
  await sandbox.control('DELETE', '/__sandbox/faults');
}

/** `execute_kw` on the sandbox Odoo as the API-key user: what Odoo itself says, to compare the cache with. */
export async function odooCall<T>(sandbox: RunningSandbox, method: string, args: unknown[], kwargs: Record<string, unknown> = {}, model = 'mrp.production'): Promise<T> {
  const res = await fetch(`${sandbox.url}/odoo/jsonrpc`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1, params: { service: 'object', method: 'execute_kw', args: [ODOO_DB, 2, ODOO_API_KEY, model, method, args, kwargs] } }),
  });
  const body = (await res.json()) as { result?: T; error?: { data?: { message?: string } } };
  if (body.error) throw new Error(`Odoo ${model} ${method}: ${body.error.data?.message ?? 'error'}`);
  return body.result as T;
}

/** Odoo's datetime of `days` ago (a sync window's start). */
export function odooSince(days: number, now = Date.now()): string {
  return new Date(now - days * 86_400_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** The sandbox's raw edits between two syncs (deletes, field changes such as a product's category). */
export async function odooUnlink(sandbox: RunningSandbox, ids: number[], model = 'mrp.production'): Promise<void> {
  await sandbox.control('POST', '/odoo/__control/unlink', { model, ids });
}

export async function odooWrite(sandbox: RunningSandbox, ids: number[], values: Record<string, unknown>, model = 'mrp.production'): Promise<void> {
  await sandbox.control('POST', '/odoo/__control/write', { model, ids, values });
}

/** One request through the proxy: what the API sent, what Odoo answered, and a cookie to hand back with it. */
export interface ProxiedCall {
  params: { service?: string; method?: string; args?: unknown[] };
  cookie: string | undefined;
  answer: string;
  setCookie?: string;
}

export interface OdooProxy {
  /** The base URL to configure instead of the sandbox's (`…/odoo`). */
  baseUrl: string;
  /** The most requests the proxy had at once. */
  mostInFlight(): number;
  close(): Promise<void>;
}

/**
 * A recording proxy in front of the sandbox Odoo: what Odoo would see, on a free port. `seen` is called with each
 * call once Odoo has answered, and may add a Set-Cookie to the answer.
 */
export async function startOdooProxy(sandbox: RunningSandbox, seen: (call: ProxiedCall) => void): Promise<OdooProxy> {
  let inFlight = 0;
  let most = 0;
  const server = http.createServer((req, res) => {
    inFlight += 1;
    most = Math.max(most, inFlight);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const answer = await fetch(`${sandbox.url}${req.url ?? ''}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const call: ProxiedCall = { params: (JSON.parse(body) as { params: ProxiedCall['params'] }).params, cookie: req.headers.cookie, answer: await answer.text() };
      seen(call);
      inFlight -= 1;
      res.writeHead(answer.status, { 'content-type': 'application/json', ...(call.setCookie ? { 'set-cookie': call.setCookie } : {}) }).end(call.answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/odoo`,
    mostInFlight: () => most,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
