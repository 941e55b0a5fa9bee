import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { openApiPath } from '../src/common/http/openapi';
import { registeredRoutes } from '../src/common/http/routes';
import { createTestApp, TestApp } from './support/test-app';

type Operation = OperationObject;

/** swagger-parser's verdict on a document, run in its own node process (the validator is an ES module). */
function validate(document: object): { ok: boolean; output: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'simpul-openapi-'));
  try {
    const file = path.join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const res = spawnSync(process.execPath, [path.join(__dirname, 'support/validate-openapi.mjs'), file], {
      encoding: 'utf8',
    });
    return { ok: res.status === 0 && res.stdout.trim() === 'valid', output: `${res.stdout}${res.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The served OpenAPI document is valid, complete, and describes every error in the envelope. */
describe('OpenAPI document (integration)', () => {
  let t: TestApp;
  let doc: OpenAPIObject;
  const operations: Array<{ key: string; op: Operation }> = [];

  beforeAll(async () => {
    t = await createTestApp();
    doc = (await t.http.get('/api/docs-json').expect(200)).body as OpenAPIObject;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of ['get', 'put', 'post', 'patch', 'delete'] as const) {
        const op = item?.[method];
        if (op) operations.push({ key: `${method.toUpperCase()} ${path}`, op });
      }
    }
  });
  afterAll(() => t.close());

  it('is a valid OpenAPI 3 document whose every $ref resolves (swagger-parser)', () => {
    expect(validate(doc)).toEqual({ ok: true, output: 'valid\n' });
    // The validator does fail a document with a dangling $ref, so the line above can fail.
    const broken = structuredClone(doc);
    (broken.components?.schemas as Record<string, unknown>)['Dangling'] = { $ref: '#/components/schemas/Nowhere' };
    expect(validate(broken).ok).toBe(false);
  });

  it('has an operation for every registered route', () => {
    const routes = registeredRoutes(t.app);
    expect(routes.length).toBeGreaterThan(90);
    const documented = new Set(operations.map((o) => o.key));
    const missing = routes.map((r) => `${r.method} ${openApiPath(r.path)}`).filter((k) => !documented.has(k));
    expect(missing).toEqual([]);
  });

  it('gives every operation a summary and its error responses in the envelope schema', () => {
    expect(operations.length).toBeGreaterThan(90);
    const problems: string[] = [];
    for (const { key, op } of operations) {
      if (!op.summary) problems.push(`${key}: no summary`);
      const errors = Object.entries(op.responses).filter(([status]) => Number(status) >= 400);
      if (!errors.some(([status]) => status === '400')) problems.push(`${key}: no 400`);
      for (const [status, response] of errors) {
        const schema = (response as ResponseObject).content?.['application/json']?.schema as
          ReferenceObject | undefined;
        if (schema?.$ref !== '#/components/schemas/ApiError') problems.push(`${key} ${status}: not the error envelope`);
      }
      const secured = (op.security ?? []).length > 0;
      if (secured && !op.responses['401']) problems.push(`${key}: needs a token but documents no 401`);
    }
    expect(problems).toEqual([]);
  });

  it('documents the query parameters of every route that reads them, and the body of every route that takes one', () => {
    const problems: string[] = [];
    const byKey = new Map(operations.map((o) => [o.key, o.op]));
    for (const route of registeredRoutes(t.app)) {
      const key = `${route.method} ${openApiPath(route.path)}`;
      const op = byKey.get(key);
      const query = (op?.parameters ?? []).filter((p) => (p as ParameterObject).in === 'query');
      if (route.readsQuery && query.length === 0) problems.push(`${key}: reads the query but documents no parameter`);
      if (route.readsBody && !op?.requestBody) problems.push(`${key}: reads a body but documents none`);
    }
    expect(problems).toEqual([]);
    // The list endpoints' filters, paging and sort fields, with their allow-lists.
    const parts = byKey.get('GET /api/v1/parts')?.parameters as ParameterObject[];
    expect(parts.map((p) => p.name).sort()).toEqual(['limit', 'order', 'page', 'po_out_of_date', 'q', 'sort']);
    expect((parts.find((p) => p.name === 'sort')?.schema as SchemaObject).enum).toEqual(
      expect.arrayContaining(['kode', 'nama', 'stock']),
    );
    const page = parts.find((p) => p.name === 'page')?.schema as SchemaObject;
    expect(page).toMatchObject({ type: 'integer', minimum: 1, maximum: 1_000_000 });
  });

  it('describes nested bodies by their DTOs, not by the placeholders Object and Array', () => {
    const schemas = doc.components?.schemas ?? {};
    expect(Object.keys(schemas)).not.toContain('EnvSchema');
    const lines = (schemas['CreateSaleOrderDto'] as SchemaObject).properties?.['product_lines'] as SchemaObject;
    expect(lines.items).toEqual({ $ref: '#/components/schemas/ProductLineDto' });
    expect(JSON.stringify(doc)).not.toMatch(/#\/components\/schemas\/(Object|Array)"/);
  });
});
