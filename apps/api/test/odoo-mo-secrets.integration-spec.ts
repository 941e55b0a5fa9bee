import { PassThrough } from 'node:stream';
import { OdooMoScheduler } from '../src/odoo-mo/odoo-mo.scheduler';
import { clearFaults, fault, ODOO_API_KEY, ODOO_DB, ODOO_LOGIN, odooSessionId, resetOdoo } from './support/odoo-sandbox';
import { RunningSandbox, startSandbox } from './support/sandbox';
import { createTestApp, TestApp, TestUser } from './support/test-app';

const WRONG_KEY = 'wrong-key-7f3a9c1e5b';

describe('Odoo secrets never leak (integration)', () => {
  let t: TestApp;
  let sandbox: RunningSandbox;
  let admin: TestUser;
  let sessionId: string;
  const lines: string[] = [];
  const bodies: string[] = [];
  const auth = (u: TestUser) => ({ Authorization: `Bearer ${u.token}` });

  /** Every response body is kept, to be searched at the end. */
  async function call(method: 'get' | 'put' | 'post', url: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const req = t.http[method](url).set(auth(admin));
    const res = body === undefined ? await req : await req.send(body as object);
    bodies.push(`${method.toUpperCase()} ${url} -> ${res.status} ${res.text}`);
    return { status: res.status, body: res.body };
  }

  beforeAll(async () => {
    sandbox = await startSandbox();
    await resetOdoo(sandbox, { count: 80 });
    const logStream = new PassThrough();
    let buffer = '';
    logStream.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      lines.push(...parts);
    });
    t = await createTestApp({ LOG_LEVEL: 'debug' }, { logStream });
    // Nest buffers application logs until listen(); the test app only init()s, so flush them to the stream now.
    t.app.flushLogs();
    admin = await t.loginAs('admin');
    sessionId = await odooSessionId(sandbox);
  });
  afterAll(async () => {
    await t.close();
    await sandbox.stop();
  });

  it('keeps the API key and session id out of every response, log line, audit row and run record', async () => {
    // Configure both secrets and exercise every path that touches them, failures included.
    expect((await call('put', '/api/admin/odoo-config', { baseUrl: `${sandbox.url}/odoo`, database: ODOO_DB, login: ODOO_LOGIN, apiKey: ODOO_API_KEY, sessionId })).status).toBe(200);
    await call('get', '/api/admin/odoo-config');
    expect((await call('post', '/api/admin/odoo-config/test', {})).body['data']).toMatchObject({ ok: true });
    expect((await call('post', '/api/admin/sync-mo')).status).toBe(200);
    await call('get', '/api/odoo/mo-list?limit=3');
    await call('post', '/api/admin/odoo-config/test', { apiKey: WRONG_KEY });
    await call('put', '/api/admin/odoo-config', { apiKey: WRONG_KEY });
    expect((await call('post', '/api/admin/sync-mo')).status).toBe(502);
    await call('get', '/api/odoo/mo-list');
    await call('put', '/api/admin/odoo-config', { apiKey: ODOO_API_KEY, authMode: 'session' });
    expect((await call('post', '/api/admin/sync-mo')).status).toBe(200);
    await call('post', '/api/admin/odoo-config/test', {});
    await sandbox.control('POST', '/odoo/__control/expire-sessions');
    expect((await call('post', '/api/admin/sync-mo')).status).toBe(502);
    await call('post', '/api/admin/odoo-config/test', {});
    const freshSession = await odooSessionId(sandbox);
    await call('put', '/api/admin/odoo-config', { sessionId: freshSession, timeoutSeconds: 1 });
    await fault(sandbox, { kind: 'timeout', pathIncludes: 'call_kw' });
    expect((await call('post', '/api/admin/sync-mo')).status).toBe(504);
    await clearFaults(sandbox);
    await fault(sandbox, { kind: 'protocol-error' });
    expect((await call('post', '/api/admin/sync-mo')).status).toBe(502);
    await clearFaults(sandbox);
    // The scheduled path logs its failures too.
    await fault(sandbox, { kind: 'http500' });
    await t.app.get(OdooMoScheduler).runScheduled();
    await clearFaults(sandbox);
    await call('put', '/api/settings/odoo.apiKey', { value: ODOO_API_KEY });
    await call('get', '/api/settings');
    await call('get', '/api/admin/mo-stats');
    await call('get', '/api/search/mo?limit=5');
    const runs = await call('get', '/api/sync-runs?kind=odoo-mo&limit=50');
    for (const run of runs.body['data'] as Array<{ id: string }>) await call('get', `/api/sync-runs/${run.id}?limit=50`);
    const audit = await call('get', '/api/audit-logs?limit=200');
    expect((audit.body['data'] as Array<{ resourceId: string }>).some((a) => a.resourceId === 'odoo.apiKey')).toBe(true);
    await call('get', '/api/notifications');

    await new Promise((r) => setTimeout(r, 200));
    const secrets = [ODOO_API_KEY, sessionId, freshSession, WRONG_KEY];
    const leaks = (where: string, texts: string[]) => texts.filter((text) => secrets.some((s) => text.includes(s))).map((text) => `${where}: ${text.slice(0, 300)}`);

    expect(lines.length).toBeGreaterThan(20);
    expect(lines.some((l) => l.includes('Odoo connection prepared'))).toBe(true);
    expect(lines.some((l) => l.includes('/api/admin/sync-mo'))).toBe(true);
    const dbTexts: string[] = (
      await t.ds.query(`
        SELECT row_to_json(a)::text AS t FROM audit_logs a
        UNION ALL SELECT row_to_json(r)::text FROM sync_runs r
        UNION ALL SELECT row_to_json(i)::text FROM sync_run_items i
        UNION ALL SELECT row_to_json(n)::text FROM notifications n
        UNION ALL SELECT row_to_json(s)::text FROM settings s`)
    ).map((r: { t: string }) => r.t);
    expect([...leaks('response', bodies), ...leaks('log', lines), ...leaks('db', dbTexts)]).toEqual([]);
  });

  it('masks a short secret whole, where its last four characters would be most of it', async () => {
    const shortKey = 'k3y9ab';
    expect((await call('put', '/api/admin/odoo-config', { apiKey: shortKey, sessionId: 'S3ss10n' })).body['data']).toMatchObject({
      apiKeySet: true,
      apiKeyMasked: '••••',
      sessionIdSet: true,
      sessionIdMasked: '••••',
    });
    const settings = (await call('get', '/api/settings')).body['data'] as Array<{ key: string; value: unknown }>;
    expect(settings.find((x) => x.key === 'odoo.apiKey')?.value).toBe('••••');
    expect(bodies.filter((b) => b.includes('3y9a') || b.includes('ss10'))).toEqual([]);
    await call('put', '/api/admin/odoo-config', { apiKey: ODOO_API_KEY, sessionId: null });
  });
});
