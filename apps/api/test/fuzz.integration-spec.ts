import type { OpenAPIObject, ParameterObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import request from 'supertest';
import {
  ApiFixtures,
  ApiOperation,
  concretePath,
  createApiFixtures,
  destructiveLast,
  isEnvelope,
  loadOperations,
  resolve,
  Schema,
} from './support/openapi-walk';
import { createTestApp, TEST_PASSWORD, TestApp, TestUser } from './support/test-app';

/** About this many requests per run; the same ones every run unless FUZZ_SEED picks another sample. */
const BUDGET = 2000;
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261203);

/** mulberry32: a small seeded generator, so a failure found once is found again. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Hostile JSON values, written as JSON source so that numbers JSON.stringify cannot write (1e400) can be sent. */
const COMMON_JSON = [
  'null',
  'true',
  '[]',
  '["x"]',
  '{}',
  '{"a":{"b":1}}',
  '""',
  '"   "',
  '"a\\u0000b"',
  '"\\ud800"',
  '"x\\udc00y"',
  '"__proto__"',
  '"constructor"',
  '"toString"',
  '"not-a-value"',
  '"\' OR 1=1 --"',
];
const STRING_JSON = [
  '12345',
  '-1',
  `"${'x'.repeat(100_000)}"`,
  `"${'😀'.repeat(3000)}"`,
  '"2026-02-30"',
  '"0000-01-01"',
  '"2026-13-01T25:61:00Z"',
  '"00000000-0000-0000-0000-000000000000"',
  '"http://user:key@host"',
  '"%00"',
];
const NUMBER_JSON = [
  '"12"',
  '"abc"',
  '-1',
  '0',
  '1.5',
  '-0',
  '1e400',
  '-1e400',
  '123456789012345678901234567890',
  '99999999999999999999',
  '1e-400',
  '"99999999999999999999"',
];
const VALUE_JSON: Record<string, string[]> = {
  string: STRING_JSON,
  integer: NUMBER_JSON,
  number: NUMBER_JSON,
  boolean: ['"true"', '1', '0', '"yes"'],
  array: ['{"0":"x"}', `[${Array(600).fill('null').join(',')}]`, '[[[[[[[[[[[]]]]]]]]]]]', '[null]', '["__proto__"]'],
  object: [
    '"x"',
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"x":' + '['.repeat(40) + ']'.repeat(40) + '}',
  ],
};

/** Hostile query and path values (already URL-encoded where it matters). */
const QUERY_VALUES = [
  '',
  '%00',
  'a%00b',
  '__proto__',
  'constructor',
  'toString',
  'not-a-value',
  '-1',
  '0',
  '1.5',
  '1e309',
  'NaN',
  '99999999999999999999',
  '2026-02-30',
  '0000-01-01',
  'x'.repeat(3000),
  '%ED%A0%80',
  '%FF%FE',
  'true',
  '00000000-0000-0000-0000-000000000000',
  '%27%20OR%201%3D1--',
];
const PATH_VALUES = [
  'x',
  '%00',
  '__proto__',
  '99999999999999999999',
  '00000000-0000-0000-0000-000000000000',
  '..%2F..%2Fetc',
  'a'.repeat(300),
];

/** Whole-request probes for operations that take a JSON body. */
const BODY_PROBES: Array<{ name: string; type: string; body: string }> = [
  { name: 'octet-stream', type: 'application/octet-stream', body: '{}' },
  { name: 'text/plain', type: 'text/plain', body: '{}' },
  { name: 'form', type: 'application/x-www-form-urlencoded', body: 'a=1' },
  {
    name: 'multipart',
    type: 'multipart/form-data; boundary=fuzz',
    body: '--fuzz\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--fuzz--\r\n',
  },
  { name: 'latin1', type: 'application/json; charset=latin1', body: '{}' },
  { name: 'utf-16', type: 'application/json; charset=utf-16', body: '{}' },
  { name: 'deep', type: 'application/json', body: '['.repeat(10_000) + ']'.repeat(10_000) },
  { name: 'deep object', type: 'application/json', body: '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000) },
  { name: 'malformed', type: 'application/json', body: '{"a": ' },
  { name: 'top-level array', type: 'application/json', body: '[1,2]' },
  { name: 'top-level null', type: 'application/json', body: 'null' },
];

interface Probe {
  op: ApiOperation;
  label: string;
  send: (t: TestApp, token: string) => request.Test;
}

/** A plausible value for a schema, so one hostile field at a time reaches validation with the rest in order. */
function baseValue(doc: OpenAPIObject, raw: Schema, name: string, f: ApiFixtures): unknown {
  const schema = resolve(doc, raw);
  const ids: Record<string, string> = {
    customer_id: f.customerId,
    vendor_id: f.vendorId,
    product_id: f.partId,
    service_id: f.serviceId,
  };
  if (Object.hasOwn(ids, name)) return ids[name];
  if (schema.enum) return schema.enum[0];
  if (schema.oneOf) return baseValue(doc, schema.oneOf[0] as Schema, name, f);
  if (schema.format === 'email') return 'fuzz@test.local';
  if (schema.format === 'date') return '2026-01-15';
  if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
  if (schema.format === 'uri') return 'https://odoo.example.com';
  switch (schema.type) {
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object':
      return baseBody(doc, schema, f);
    default:
      return 'fuzz value'.padEnd(schema.minLength ?? 0, 'x').slice(0, schema.maxLength ?? 100);
  }
}

function baseBody(doc: OpenAPIObject, schema: Schema, f: ApiFixtures): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const name of schema.required ?? [])
    body[name] = baseValue(doc, (schema.properties?.[name] ?? {}) as Schema, name, f);
  return body;
}

function valuesFor(doc: OpenAPIObject, raw: Schema): string[] {
  const schema = resolve(doc, raw);
  const type = schema.type ?? (schema.oneOf ? 'number' : 'string');
  return [...COMMON_JSON, ...(VALUE_JSON[type as string] ?? STRING_JSON)];
}

/** Every probe the document suggests, before sampling. */
function probesFor(doc: OpenAPIObject, op: ApiOperation, f: ApiFixtures): { fixed: Probe[]; sampled: Probe[] } {
  const path = concretePath(op.path, f);
  const label = `${op.method.toUpperCase()} ${op.path}`;
  const fixed: Probe[] = [];
  const sampled: Probe[] = [];
  const base = op.body ? JSON.stringify(baseBody(doc, op.body, f)) : undefined;
  const send = (url: string, type?: string, body?: string) => (t: TestApp, token: string) => {
    const req = t.http[op.method](url).set('Authorization', `Bearer ${token}`);
    if (type) req.set('Content-Type', type);
    return body === undefined ? req : req.send(body);
  };
  const json = (url: string, body?: string) => send(url, body === undefined ? undefined : 'application/json', body);

  for (const name of [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string)) {
    for (const value of PATH_VALUES.slice(0, 3)) {
      const url = concretePath(op.path.replace(`{${name}}`, value), f);
      fixed.push({ op, label: `${label} path ${name}=${value.slice(0, 20)}`, send: json(url, base) });
    }
    for (const value of PATH_VALUES.slice(3)) {
      const url = concretePath(op.path.replace(`{${name}}`, value), f);
      sampled.push({ op, label: `${label} path ${name}=${value.slice(0, 20)}`, send: json(url, base) });
    }
  }
  if (op.body) {
    for (const probe of BODY_PROBES)
      fixed.push({ op, label: `${label} body ${probe.name}`, send: send(path, probe.type, probe.body) });
    for (const [name, prop] of Object.entries(op.body.properties ?? {})) {
      for (const value of valuesFor(doc, prop as Schema)) {
        const body = (base ?? '{}').replace(/^\{/, `{"${name}":${value},`).replace(/,}$/, '}');
        sampled.push({ op, label: `${label} ${name}=${value.slice(0, 40)}`, send: json(path, body) });
      }
    }
  }
  for (const param of op.query as ParameterObject[]) {
    for (const value of QUERY_VALUES) {
      sampled.push({
        op,
        label: `${label} ?${param.name}=${value.slice(0, 40)}`,
        send: json(`${path}?${param.name}=${value}`, base),
      });
    }
    sampled.push({
      op,
      label: `${label} ?${param.name} twice`,
      send: json(`${path}?${param.name}=1&${param.name}=2`, base),
    });
  }
  if (op.multipart) {
    const files = [
      Buffer.from('kode,nama,harga\nA\u0000,B,1\n'),
      Buffer.from([0xff, 0xfe, 0x00, 0x01]),
      Buffer.alloc(0),
      Buffer.from('kode\n' + '\ud800\n'),
    ];
    files.forEach((file, i) =>
      fixed.push({
        op,
        label: `${label} file #${i}`,
        send: (t, token) => t.http.post(path).set('Authorization', `Bearer ${token}`).attach('file', file, 'fuzz.csv'),
      }),
    );
  }
  return { fixed, sampled };
}

function sample<T>(items: T[], count: number, random: () => number): T[] {
  const pool = [...items];
  for (let i = pool.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
  }
  return pool.slice(0, count);
}

/**
 * The fuzz tier: walks the served OpenAPI document and sends hostile values, per parameter type, to every operation
 * (the sample is seeded, so every run sends the same ~2,000 requests). No answer may be a 5xx, every 4xx must be
 * the error envelope, and afterwards login and an existing token must still work.
 */
describe('fuzz: hostile input across the OpenAPI document (integration)', () => {
  let t: TestApp;
  let admin: TestUser;
  let bystander: TestUser;
  let fixtures: ApiFixtures;
  let doc: OpenAPIObject;
  let operations: ApiOperation[];

  beforeAll(async () => {
    // The fuzzer's own failed logins must not throttle the final check; throttling has its own tests.
    t = await createTestApp({ LOGIN_THROTTLE_LIMIT: '1000000', LOGIN_DELAY_AFTER_FAILURES: '100' });
    admin = await t.loginAs('admin');
    bystander = await t.loginAs('staff');
    fixtures = await createApiFixtures(t, admin.token);
    ({ doc, operations } = await loadOperations(t));
  });
  afterAll(() => t.close());

  it(`answers ~${BUDGET} hostile requests with no 5xx and every 4xx in the envelope`, async () => {
    const random = generator(SEED);
    const planned = operations.sort(destructiveLast).map((op) => probesFor(doc, op, fixtures));
    const fixedCount = planned.reduce((n, p) => n + p.fixed.length, 0);
    const perOperation = Math.max(1, Math.floor((BUDGET - fixedCount) / planned.length));
    // Every operation gets its share; what operations with few parameters leave over goes to the rest, at random.
    const shuffled = planned.map((p) => sample(p.sampled, p.sampled.length, random));
    const probes = planned.flatMap((p, i) => [...p.fixed, ...(shuffled[i] as Probe[]).slice(0, perOperation)]);
    probes.push(
      ...sample(
        shuffled.flatMap((s) => s.slice(perOperation)),
        BUDGET - probes.length,
        random,
      ),
    );
    expect(operations.length).toBeGreaterThan(90);
    expect(probes.length).toBeGreaterThan(BUDGET * 0.8);
    expect(probes.length).toBeLessThan(BUDGET * 1.2);

    const serverErrors: string[] = [];
    const notEnvelope: string[] = [];
    const statuses = new Map<number, number>();
    for (const probe of probes) {
      let res: request.Response;
      try {
        res = await probe.send(t, admin.token);
      } catch (err) {
        serverErrors.push(`${probe.label} -> connection failed: ${(err as Error).message}`);
        continue;
      }
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status >= 500)
        serverErrors.push(`${probe.label} -> ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      else if (res.status >= 400 && !isEnvelope(res.body))
        notEnvelope.push(`${probe.label} -> ${res.status} ${res.text?.slice(0, 120)}`);
    }
    expect({ serverErrors, notEnvelope }).toEqual({ serverErrors: [], notEnvelope: [] });
    // A fuzzer that only ever hit one status would prove little.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(BUDGET / 2);
    expect(statuses.get(415) ?? 0).toBeGreaterThan(100);
  });

  it('leaves the server working: login and an existing token still work', async () => {
    expect(Object.keys(Object.prototype)).toEqual([]);
    await t.http.post('/api/auth/login').send({ email: admin.email, password: TEST_PASSWORD }).expect(200);
    await t.http.get('/api/auth/me').set('Authorization', `Bearer ${bystander.token}`).expect(200);
    await t.http.get('/api/health').expect(200);
  });
});
