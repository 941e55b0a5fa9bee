import type { AxiosInstance } from 'axios';
import { OdooClient, OdooConnection, OdooRpcError, SessionCookieJar } from './odoo-client';

const SID_A = '0123456789abcdef0123456789abcdef01234567';
const SID_B = 'fedcba9876543210fedcba9876543210fedcba98';
import { detectStartField, mapProduction, odooDatetimeToIso, odooQuantity, toOdooDatetime } from './odoo-mo.mapper';

// Records exactly as captured from a real Odoo 16 (shared/odoo/odoo16-jsonrpc-samples.txt, capture 2) and as 17 sends them.
const ODOO16_RECORD = {
  id: 2,
  name: 'WH/MO/00002',
  product_id: [37, '[FURN_9666] Table'],
  product_qty: 1.0,
  product_uom_id: [1, 'Units'],
  state: 'confirmed',
  date_planned_start: '2026-11-23 08:32:00',
  date_start: false,
  create_date: '2026-11-22 08:32:07',
  origin: false,
  company_id: [1, 'My Company (San Francisco)'],
};

describe('Odoo response mapping', () => {
  it('maps an Odoo 16 record (planned start in date_planned_start, empty values false)', () => {
    expect(mapProduction(ODOO16_RECORD, 'date_planned_start', 'device')).toEqual({
      mo_number: 'WH/MO/00002',
      odoo_id: 2,
      production_type: 'device',
      sku_name: '[FURN_9666] Table',
      quantity: '1',
      uom: 'Units',
      note: null,
      state: 'confirmed',
      scheduled_start: '2026-11-23T08:32:00.000Z',
      create_date: '2026-11-22T08:32:07.000Z',
      company: 'My Company (San Francisco)',
    });
  });

  it('maps an Odoo 17 record (planned start in date_start) with a source document and a fractional quantity', () => {
    const row = mapProduction(
      { id: 9, name: 'WH/MO/00009', product_id: [61, '[LQ-MGI-30-03] Mango Ice 30ml 3mg'], product_qty: 2.5, product_uom_id: [10, 'L'], state: 'draft', date_start: '2026-11-24 01:00:00', create_date: '2026-11-20 23:59:59', origin: 'SO042' },
      'date_start',
      'liquid',
    );
    expect(row).toMatchObject({ quantity: '2.5', uom: 'L', note: 'SO042', scheduled_start: '2026-11-24T01:00:00.000Z', create_date: '2026-11-20T23:59:59.000Z' });
  });

  it('handles empty many2ones and missing fields', () => {
    const row = mapProduction({ id: 1, name: 'MO1', product_id: false, product_qty: false, product_uom_id: false, state: false, create_date: false }, 'date_start', 'x');
    expect(row).toMatchObject({ sku_name: '', quantity: '0', uom: null, state: null, scheduled_start: null, create_date: null, company: null });
  });

  it('refuses a record without a name or an id, and a non-numeric quantity', () => {
    expect(() => mapProduction({ id: 1, name: false }, 'date_start', 'x')).toThrow(OdooRpcError);
    expect(() => mapProduction({ name: 'WH/MO/00001' }, 'date_start', 'x')).toThrow(/without an id/);
    expect(() => mapProduction({ id: 0, name: 'WH/MO/00001' }, 'date_start', 'x')).toThrow(/without an id/);
    expect(() => odooQuantity('12')).toThrow(/not a number/);
  });

  it('converts quantities without float noise, including exponent forms', () => {
    expect(odooQuantity(120.0)).toBe('120');
    expect(odooQuantity(0.1)).toBe('0.1');
    expect(odooQuantity(1e-7)).toBe('0.0000001');
    expect(odooQuantity(1.5e21)).toBe('1500000000000000000000');
  });

  it('reads and writes Odoo UTC datetimes', () => {
    expect(odooDatetimeToIso('2026-11-22 08:32:07')).toBe('2026-11-22T08:32:07.000Z');
    expect(odooDatetimeToIso(false)).toBeNull();
    expect(odooDatetimeToIso('yesterday')).toBeNull();
    expect(odooDatetimeToIso('2026-11-22T08:32:07.5')).toBe('2026-11-22T08:32:07.500Z');
    expect(odooDatetimeToIso('2026-11-22 08:32:07.123456')).toBe('2026-11-22T08:32:07.123Z');
  });

  it('refuses datetimes that do not exist instead of rolling them over', () => {
    expect(odooDatetimeToIso('2024-02-29 10:00:00')).toBe('2024-02-29T10:00:00.000Z');
    expect(odooDatetimeToIso('2000-02-29 10:00:00')).toBe('2000-02-29T10:00:00.000Z');
    for (const impossible of ['2023-02-29 10:00:00', '1900-02-29 10:00:00', '2026-04-31 00:00:00', '2026-13-01 00:00:00', '2026-00-10 00:00:00', '2026-01-00 00:00:00', '2026-01-01 24:00:00', '2026-01-01 23:60:00', '2026-01-01 23:59:60']) {
      expect(odooDatetimeToIso(impossible)).toBeNull();
    }
    expect(toOdooDatetime(new Date('2026-10-23T09:05:01.789Z'))).toBe('2026-10-23 09:05:01');
  });

  it('detects the planned-start field from fields_get', () => {
    expect(detectStartField({ date_planned_start: { type: 'datetime' }, date_start: { type: 'datetime' } })).toBe('date_planned_start');
    expect(detectStartField({ date_start: { type: 'datetime' } })).toBe('date_start');
  });
});

describe('OdooClient error mapping', () => {
  const conn: OdooConnection = { baseUrl: 'http://odoo.test', database: 'mrpdemo', authMode: 'api_key', login: 'admin', sessionId: null, apiKey: 'secret-key-123', timeoutMs: 5000 };
  const sent: Array<{ url: string; body: { params: Record<string, unknown> }; headers: Record<string, string> }> = [];
  type Answer = { status?: number; data?: unknown; throw?: unknown; headers?: Record<string, string[]> };
  function clientAnswering(answers: Answer[], c: OdooConnection = conn, jar?: SessionCookieJar): OdooClient {
    const http = {
      post: async (url: string, body: { params: Record<string, unknown> }, config: { headers: Record<string, string> }) => {
        sent.push({ url, body, headers: config.headers });
        const a = answers.shift() ?? { data: { jsonrpc: '2.0', id: 1, result: null } };
        if (a.throw) throw a.throw;
        // The client asks axios for the body as bytes (responseType 'arraybuffer': a Buffer in Node).
        return { status: a.status ?? 200, headers: a.headers ?? {}, data: Buffer.from(typeof a.data === 'string' ? a.data : JSON.stringify(a.data)) };
      },
    } as unknown as AxiosInstance;
    return new OdooClient(c, http, { jar });
  }
  const error = (code: number, name: string, message: string) => ({ data: { jsonrpc: '2.0', id: null, error: { code, message: 'Odoo Server Error', data: { name, message, debug: 'Traceback…', arguments: [message], context: {} } } } });

  beforeEach(() => sent.splice(0));

  it('uses execute_kw on /jsonrpc with the uid from common.authenticate in API-key mode', async () => {
    const client = clientAnswering([{ data: { jsonrpc: '2.0', id: 1, result: 2 } }, { data: { jsonrpc: '2.0', id: 2, result: 42 } }]);
    expect(await client.searchCount('mrp.production', [])).toBe(42);
    expect(sent.map((s) => s.url)).toEqual(['http://odoo.test/jsonrpc', 'http://odoo.test/jsonrpc']);
    expect(sent[0]?.body.params).toEqual({ service: 'common', method: 'authenticate', args: ['mrpdemo', 'admin', 'secret-key-123', {}] });
    expect(sent[1]?.body.params).toEqual({ service: 'object', method: 'execute_kw', args: ['mrpdemo', 2, 'secret-key-123', 'mrp.production', 'search_count', [[]], {}] });
  });

  it('keeps the session_id cookie Odoo hands back in API-key mode and sends it with every later call', async () => {
    const jar: SessionCookieJar = { value: null };
    const client = clientAnswering(
      [
        { data: { jsonrpc: '2.0', id: 1, result: 2 }, headers: { 'set-cookie': [`session_id=${SID_A}; Expires=Sun, 29 Nov 2026 08:33:06 GMT; Max-Age=604800; HttpOnly; Path=/`] } },
        { data: { jsonrpc: '2.0', id: 2, result: 42 } },
        // A rotated session replaces it; a value that is no session id (it would break the header) is not kept.
        { data: { jsonrpc: '2.0', id: 3, result: 43 }, headers: { 'set-cookie': ['frontend_lang=en_US; Path=/', `session_id=${SID_B}; Path=/`] } },
        { data: { jsonrpc: '2.0', id: 4, result: 44 }, headers: { 'set-cookie': ['session_id=bad value; Path=/'] } },
        { data: { jsonrpc: '2.0', id: 5, result: 45 } },
      ],
      conn,
      jar,
    );
    for (let k = 0; k < 4; k += 1) await client.searchCount('mrp.production', []);
    expect(sent.map((s) => s.headers['cookie'] ?? null)).toEqual([null, `session_id=${SID_A}`, `session_id=${SID_A}`, `session_id=${SID_B}`, null]);
    // The jar is the configuration's: the next client (the next run) starts with what this one kept.
    expect(jar.value).toBeNull();
    const again = clientAnswering([{ data: { jsonrpc: '2.0', id: 6, result: 2 }, headers: { 'set-cookie': [`session_id=${SID_A}; Path=/`] } }], conn, jar);
    await again.ensureUid();
    expect(jar.value).toBe(SID_A);
    const next = clientAnswering([{ data: { jsonrpc: '2.0', id: 7, result: 1 } }], conn, jar);
    await next.version().catch(() => undefined);
    expect(sent[sent.length - 1]?.headers['cookie']).toBe(`session_id=${SID_A}`);
  });

  it('names only the database when Odoo has no such database, never its PostgreSQL host, port or a raw newline', async () => {
    const text = 'connection to server at "db" (172.18.0.2), port 5432 failed: FATAL:  database "nope" does not exist\n';
    const client = clientAnswering([error(200, 'psycopg2.OperationalError', text)], { ...conn, database: 'nope' });
    const err = (await client.ensureUid().catch((e: unknown) => e)) as OdooRpcError;
    expect(err).toMatchObject({ failure: 'database_not_found', message: 'Database "nope" does not exist on this Odoo server.' });
    expect(JSON.stringify({ message: err.message, odoo: err.odoo })).not.toMatch(/172\.18|5432|\\n|server at/);
    // Another OperationalError stays an Odoo error.
    const other = clientAnswering([error(200, 'psycopg2.OperationalError', 'could not serialize access')]);
    await expect(other.ensureUid()).rejects.toMatchObject({ failure: 'odoo_error' });
  });

  it('uses call_kw with the session cookie in session mode', async () => {
    const client = clientAnswering([{ data: { jsonrpc: '2.0', id: 1, result: [] } }], { ...conn, authMode: 'session', sessionId: 'abc123', apiKey: null });
    await client.searchRead('mrp.production', [['state', '=', 'done']], ['name'], { limit: 10, order: 'id desc' });
    expect(sent[0]?.url).toBe('http://odoo.test/web/dataset/call_kw/mrp.production/search_read');
    expect(sent[0]?.headers).toEqual({ cookie: 'session_id=abc123' });
    expect(sent[0]?.body.params).toEqual({ model: 'mrp.production', method: 'search_read', args: [[['state', '=', 'done']]], kwargs: { fields: ['name'], limit: 10, order: 'id desc' } });
  });

  it('recognises an expired session (code 100)', async () => {
    const client = clientAnswering([error(100, 'odoo.http.SessionExpiredException', 'Session expired')], { ...conn, authMode: 'session', sessionId: 'abc', apiKey: null });
    await expect(client.searchCount('mrp.production', [])).rejects.toMatchObject({ failure: 'session_expired' });
  });

  it('treats common.authenticate answering false as wrong credentials', async () => {
    const client = clientAnswering([{ data: { jsonrpc: '2.0', id: 1, result: false } }]);
    await expect(client.ensureUid()).rejects.toMatchObject({ failure: 'auth_failed', message: expect.stringContaining('common.authenticate returned false') });
  });

  it('maps AccessDenied, other Odoo errors, HTTP errors, non-JSON-RPC bodies and transport failures', async () => {
    const withUid = (answer: Answer) => {
      const c = clientAnswering([{ data: { jsonrpc: '2.0', id: 1, result: 2 } }, answer]);
      return c.searchCount('mrp.production', []);
    };
    await expect(withUid(error(200, 'odoo.exceptions.AccessDenied', 'Access Denied'))).rejects.toMatchObject({ failure: 'auth_failed' });
    await expect(withUid(error(200, 'builtins.ValueError', 'Invalid field secret-key-123 on model'))).rejects.toMatchObject({
      failure: 'odoo_error',
      message: 'Odoo error during mrp.production search_count: builtins.ValueError: Invalid field [redacted] on model',
    });
    await expect(withUid({ status: 500, data: '<h1>500</h1>' })).rejects.toMatchObject({ failure: 'http', message: expect.stringContaining('HTTP 500') });
    await expect(withUid({ data: '<html>login</html>' })).rejects.toMatchObject({ failure: 'bad_response' });
    const timeout = Object.assign(new Error('timeout of 5000ms exceeded'), { isAxiosError: true, code: 'ETIMEDOUT', config: { headers: { cookie: 'x' }, data: 'secret-key-123' } });
    await expect(withUid({ throw: timeout })).rejects.toMatchObject({ failure: 'timeout', message: 'Odoo did not answer within 5 s (mrp.production search_count).' });
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { isAxiosError: true, code: 'ECONNREFUSED', config: { data: 'secret-key-123' } });
    const err = await withUid({ throw: refused }).catch((e: unknown) => e);
    expect(err).toMatchObject({ failure: 'unreachable', message: 'Could not reach Odoo at http://odoo.test (connection refused) during mrp.production search_count.' });
    expect(JSON.stringify(err)).not.toContain('secret-key-123');
    expect(Object.keys(err as object)).not.toContain('config');
  });
});
