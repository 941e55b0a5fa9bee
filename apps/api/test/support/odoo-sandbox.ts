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
