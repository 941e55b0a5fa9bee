/**
 * Replays the 14 request/response pairs captured from a real Odoo 16.0 (shared/odoo/odoo16-jsonrpc-samples.txt)
 * against the fake and compares the answers.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import request from 'supertest';
import { createSandboxApp } from '../app';
import { createOdooSystem } from './server';

interface Capture {
  title: string;
  path: string;
  cookieMode: { kind: 'none' } | { kind: 'store' } | { kind: 'send' } | { kind: 'header'; value: string };
  request: unknown;
  setCookie: string | null;
  response: Record<string, unknown>;
}

const SAMPLES = 'odoo/odoo16-jsonrpc-samples.txt';

/** The shared folder sits beside the repository: /work/shared locally, `<clone>/../shared` in CI. */
function samplesFile(): string {
  const repoRoot = path.resolve(__dirname, '../../../..');
  const candidates = [process.env['ODOO_SAMPLES_FILE'], path.join(repoRoot, '..', 'shared', SAMPLES), path.join(repoRoot, 'shared', SAMPLES)];
  const found = candidates.find((c): c is string => typeof c === 'string' && fs.existsSync(c));
  if (!found) throw new Error(`Odoo captures not found; looked in ${candidates.filter(Boolean).join(', ')}`);
  return found;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseCookieMode(rest: string): Capture['cookieMode'] {
  const text = rest.trim();
  if (text === '') return { kind: 'none' };
  if (text.startsWith('-c')) return { kind: 'store' };
  if (text.startsWith('-b')) return { kind: 'send' };
  const header = /^-H\s+Cookie:\s*(.+)$/.exec(text);
  if (header?.[1]) return { kind: 'header', value: header[1].trim() };
  throw new Error(`Unknown cookie mode "${text}"`);
}

function parseBlock(block: string): Capture {
  const lines = block.split('\n');
  const title = lines.find((l) => l.startsWith('###'))?.replace(/^###\s*/, '') ?? '(untitled)';
  const requestLine = lines.findIndex((l) => l.startsWith('--> POST '));
  const statusLine = lines.findIndex((l) => l.startsWith('<-- HTTP/1.1'));
  const requestMatch = /^--> POST (\S+)(.*)$/.exec(lines[requestLine] ?? '');
  if (requestLine < 0 || statusLine < 0 || !requestMatch?.[1]) throw new Error(`Malformed capture block: ${title}`);
  const cookieLine = lines[statusLine + 1]?.startsWith('<-- Set-Cookie:') ? (lines[statusLine + 1] ?? null) : null;
  const responseStart = statusLine + (cookieLine ? 2 : 1);
  const response: unknown = JSON.parse(lines.slice(responseStart).join('\n'));
  if (!isRecord(response)) throw new Error(`Response of ${title} is not an object`);
  return {
    title,
    path: requestMatch[1],
    cookieMode: parseCookieMode(requestMatch[2] ?? ''),
    request: JSON.parse(lines.slice(requestLine + 1, statusLine).join('\n')),
    setCookie: cookieLine ? cookieLine.replace('<-- Set-Cookie:', '').trim() : null,
    response,
  };
}

function parseCaptures(text: string): Capture[] {
  return text
    .split(/^=+$/m)
    .filter((block) => block.includes('--> POST'))
    .map(parseBlock);
}

/** Traceback frame headers (`File "…", line N, in f`) and the final exception line. */
function tracebackShape(debug: unknown): { frames: string[]; last: string } {
  const text = typeof debug === 'string' ? debug : '';
  const lines = text.trimEnd().split('\n');
  return { frames: lines.filter((l) => l.startsWith('  File ')), last: lines[lines.length - 1] ?? '' };
}

const SESSION_INFO_VALUES = ['uid', 'db', 'server_version', 'server_version_info', 'name', 'username', 'user_context', 'company_id', 'partner_id', 'user_companies', 'currencies'];

function expectSameResult(actual: unknown, expected: unknown): void {
  if (isRecord(expected) && 'server_version' in expected && isRecord(actual)) {
    // Session info: same keys and the values that matter (hashes and URLs are per installation).
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
    for (const key of SESSION_INFO_VALUES) expect({ [key]: actual[key] }).toEqual({ [key]: expected[key] });
    return;
  }
  expect(actual).toEqual(expected);
}

function expectSameError(actual: unknown, expected: unknown): void {
  if (!isRecord(actual) || !isRecord(expected) || !isRecord(actual['data']) || !isRecord(expected['data'])) {
    throw new Error('error envelopes must be objects');
  }
  const pick = (e: Record<string, unknown>, data: Record<string, unknown>) => ({
    code: e['code'],
    message: e['message'],
    name: data['name'],
    dataMessage: data['message'],
    arguments: data['arguments'],
    context: data['context'],
  });
  expect(pick(actual, actual['data'])).toEqual(pick(expected, expected['data']));
  expect(typeof actual['data']['debug']).toBe('string');
  expect(actual['data']['debug']).toMatch(/^Traceback \(most recent call last\):\n/);
  expect(tracebackShape(actual['data']['debug'])).toEqual(tracebackShape(expected['data']['debug']));
}

const SET_COOKIE = /^session_id=[0-9a-f]{40}; Expires=[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT; Max-Age=604800; HttpOnly; Path=\/$/;

describe('Odoo fake replays the captured Odoo 16.0 traffic', () => {
  const captures = parseCaptures(fs.readFileSync(samplesFile(), 'utf8'));
  // Only the demo data, as on the captured server (search_count answered 4).
  const app = createSandboxApp([createOdooSystem({ moCount: 0 })]);
  let jar: string | null = null;

  it('parses all 14 captures', () => {
    expect(captures).toHaveLength(14);
    expect(SET_COOKIE.test(captures[0]?.setCookie ?? '')).toBe(true);
  });

  it.each(captures.map((c) => [c.title, c] as const))('%s', async (_title, capture) => {
    let call = request(app).post(`/odoo${capture.path}`).set('Content-Type', 'application/json');
    if (capture.cookieMode.kind === 'send' && jar) call = call.set('Cookie', jar);
    if (capture.cookieMode.kind === 'header') call = call.set('Cookie', capture.cookieMode.value);
    const res = await call.send(JSON.stringify(capture.request));

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body: unknown = res.body;
    if (!isRecord(body)) throw new Error('response body is not an object');
    expect(Object.keys(body)).toEqual(Object.keys(capture.response));
    expect(body['jsonrpc']).toBe('2.0');
    expect(body['id']).toEqual(capture.response['id']);
    if ('error' in capture.response) expectSameError(body['error'], capture.response['error']);
    else expectSameResult(body['result'], capture.response['result']);

    const cookies = res.headers['set-cookie'];
    const setCookie = Array.isArray(cookies) ? cookies : typeof cookies === 'string' ? [cookies] : [];
    if (capture.setCookie) {
      expect(setCookie).toHaveLength(1);
      expect(setCookie[0]).toMatch(SET_COOKIE);
    } else {
      expect(setCookie).toHaveLength(0);
    }
    if (capture.cookieMode.kind === 'store') jar = (setCookie[0] ?? '').split(';')[0] ?? null;
  });

  it('writes floats the way Python does (3.0, not 3)', async () => {
    const [, search] = captures;
    if (!search) throw new Error('capture 2 missing');
    const res = await request(app)
      .post(`/odoo${search.path}`)
      .set('Cookie', jar ?? '')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(search.request));
    expect(res.text).toContain('"product_qty": 3.0');
  });
});
