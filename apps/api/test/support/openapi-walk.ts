import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { createMasterData } from './orders-fixtures';
import type { TestApp } from './test-app';

export type Schema = SchemaObject;

export interface ApiOperation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI style: `/api/users/{id}`. */
  path: string;
  op: OperationObject;
  query: ParameterObject[];
  /** The JSON body's schema (resolved), when the operation takes JSON. */
  body: Schema | null;
  multipart: boolean;
}

/** Every operation of the served OpenAPI document, with its query parameters and JSON body schema resolved. */
export async function loadOperations(t: TestApp): Promise<{ doc: OpenAPIObject; operations: ApiOperation[] }> {
  const doc = (await t.http.get('/api/docs-json').expect(200)).body as OpenAPIObject;
  const operations: ApiOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const op = item[method];
      if (!op) continue;
      const params = (op.parameters ?? []) as ParameterObject[];
      const content = (
        op.requestBody as { content?: Record<string, { schema?: Schema | ReferenceObject }> } | undefined
      )?.content;
      const json = content?.['application/json']?.schema;
      operations.push({
        method,
        path,
        op,
        query: params.filter((p) => p.in === 'query'),
        body: json ? resolve(doc, json) : null,
        multipart: Boolean(content?.['multipart/form-data']),
      });
    }
  }
  return { doc, operations };
}

export function resolve(doc: OpenAPIObject, schema: Schema | ReferenceObject): Schema {
  if ('$ref' in schema) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolve(doc, doc.components?.schemas?.[name] as Schema | ReferenceObject);
  }
  return schema;
}

/** Real rows for the path ids, so requests reach the services instead of stopping at a 404. */
export interface ApiFixtures {
  userId: string;
  customerId: string;
  vendorId: string;
  partId: string;
  serviceId: string;
  saleOrderId: string;
  saleProductLineId: string;
  saleServiceLineId: string;
  purchaseOrderId: string;
  purchaseLineId: string;
  syncRunId: string;
}

/** Creates one of everything through the API, as a client would. */
export async function createApiFixtures(t: TestApp, adminToken: string): Promise<ApiFixtures> {
  const auth = { Authorization: `Bearer ${adminToken}` };
  const m = await createMasterData(t, adminToken, { parts: 1 });
  const partId = m.partIds[0] as string;
  const serviceId = m.serviceIds[0] as string;
  const tag = Math.random().toString(36).slice(2, 8);
  const line = { line_number: 1, description: 'line', qty: 1, unit_price: 1000, discount: 0, line_total: 1000 };
  const header = { order_date: '2026-01-15', status: 'draft', subtotal: 2000, tax: 0, total: 2000 };
  const sale = await t.http
    .post('/api/v1/sale-orders')
    .set(auth)
    .send({
      ...header,
      order_number: `SO-${tag}`,
      customer_id: m.customerId,
      product_lines: [{ ...line, product_id: partId }],
      service_lines: [{ ...line, service_id: serviceId }],
    })
    .expect(201);
  const purchase = await t.http
    .post('/api/v1/purchase-orders')
    .set(auth)
    .send({
      ...header,
      subtotal: 1000,
      total: 1000,
      po_number: `PO-${tag}`,
      vendor_id: m.vendorId,
      product_lines: [{ ...line, product_id: partId }],
    })
    .expect(201);
  const run = await t.http.post('/api/master/parts/sync-po').set(auth).expect(200);
  const user = await t.createUser('staff');
  return {
    userId: user.id,
    customerId: m.customerId,
    vendorId: m.vendorId,
    partId,
    serviceId,
    saleOrderId: sale.body.data.id,
    saleProductLineId: sale.body.data.product_lines[0].id,
    saleServiceLineId: sale.body.data.service_lines[0].id,
    purchaseOrderId: purchase.body.data.id,
    purchaseLineId: purchase.body.data.product_lines[0].id,
    syncRunId: run.body.data.runId,
  };
}

/** The fixture each path's id stands for; an id with no fixture gets a well-formed unknown one. */
export function concretePath(path: string, f: ApiFixtures): string {
  const rules: Array<[RegExp, string]> = [
    [/^\/api\/users\//, f.userId],
    [/^\/api\/v1\/customers\//, f.customerId],
    [/^\/api\/v1\/vendors\//, f.vendorId],
    [/^\/api\/v1\/parts\//, f.partId],
    [/^\/api\/v1\/services\//, f.serviceId],
    [/^\/api\/sync-runs\//, f.syncRunId],
    [/(sale-orders|\/sale)\/product-lines\//, f.saleProductLineId],
    [/(sale-orders|\/sale)\/service-lines\//, f.saleServiceLineId],
    [/(purchase-orders|\/purchase)\/product-lines\//, f.purchaseLineId],
    [/(sale-orders|\/sale)\//, f.saleOrderId],
    [/(purchase-orders|\/purchase)\//, f.purchaseOrderId],
  ];
  const id = rules.find(([re]) => re.test(path))?.[1] ?? '00000000-0000-4000-8000-000000000000';
  return path
    .replace('{entity}', 'parts')
    .replace('{key}', 'orders.allowBackorders')
    .replace(/\{[A-Za-z]+\}/g, id);
}

/** The error envelope: `{ success: false, error: <sentence>, code }`. */
export function isEnvelope(body: unknown): boolean {
  const b = body as { success?: unknown; error?: unknown; code?: unknown };
  return b?.success === false && typeof b.error === 'string' && b.error.length > 0 && typeof b.code === 'string';
}

/** Destructive operations last, so they do not take the fixtures away from the others. */
export function destructiveLast(a: ApiOperation, b: ApiOperation): number {
  const rank = (o: ApiOperation) =>
    o.method === 'delete' || o.path.includes('/delete/') ? 2 : /\/(confirm|pay|cancel)$/.test(o.path) ? 1 : 0;
  return rank(a) - rank(b);
}
