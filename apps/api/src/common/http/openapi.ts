import { INestApplication, SetMetadata, Type } from '@nestjs/common';
import { ValidationTypes } from 'class-validator';
import { ApiBody, DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type {
  OperationObject,
  ParameterObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { DECIMAL_2, TIMESTAMP } from '@simpul/contracts';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { targetConstructorToSchema, validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { MAX_JSON_DEPTH } from './limits';
import { registeredRoutes, RouteInfo } from './routes';

const REF_PREFIX = '#/components/schemas/';
const QUERY_DTO = 'simpul:openapi-query';
const EXTRA_ERRORS = 'simpul:openapi-errors';
const ERROR_SCHEMA = 'ApiError';

/** Documents a request body by the contracts DTO whose class-validator rules also validate it. */
export const ApiBodyOf = (dto: new () => object) => ApiBody({ schema: { $ref: `${REF_PREFIX}${dto.name}` } });

/**
 * Documents the query parameters of a route whose `@Query()` argument carries no class type (the controller
 * factories); other routes are documented from the argument's type.
 */
export const ApiQueryOf = (dto: new () => object) => SetMetadata(QUERY_DTO, dto);

/** Statuses a route can answer beyond the ones every route of its kind can (see `errorResponses`). */
export const ApiErrors = (...statuses: Array<422 | 429 | 502 | 504>) => SetMetadata(EXTRA_ERRORS, statuses);

const ERROR_DESCRIPTIONS: ReadonlyMap<number, string> = new Map([
  [400, 'Invalid input: a parameter or body field is missing or malformed (`fields` names each one).'],
  [401, 'No valid access token.'],
  [404, 'Not found.'],
  [409, 'Conflicts with the current state: a duplicate, a status that does not allow it, or a sync already running.'],
  [413, 'The body is larger than the route accepts.'],
  [415, 'The body is not of the route’s media type (UTF-8 JSON unless stated otherwise).'],
  [422, 'The upload has rows with errors; nothing was applied (`details.preview` lists them).'],
  [429, 'Too many failed attempts; wait the number of seconds in Retry-After.'],
  [502, 'Odoo answered with an error or could not be reached.'],
  [504, 'Odoo did not answer in time.'],
]);

/** The error envelope every 4xx/5xx answer uses. */
const API_ERROR: SchemaObject = {
  type: 'object',
  required: ['success', 'error', 'code'],
  properties: {
    success: { type: 'boolean', enum: [false] },
    error: { type: 'string', description: 'One sentence a person can act on.' },
    code: { type: 'string', description: 'Machine-readable, e.g. VALIDATION_FAILED.' },
    fields: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'messages'],
        properties: { field: { type: 'string' }, messages: { type: 'array', items: { type: 'string' } } },
      },
    },
    details: { type: 'object', additionalProperties: true },
    requestId: { type: 'string' },
  },
};

/** JSON Schema of the custom validators in libs/contracts, which class-validator-jsonschema cannot know. */
const CONVERTERS = {
  isDecimal2: {
    oneOf: [{ type: 'number' }, { type: 'string', pattern: DECIMAL_2.source }],
    description: 'At most 2 decimal places.',
  },
  isDateOnly: { type: 'string', format: 'date' },
  isTimestamp: {
    type: 'string',
    pattern: TIMESTAMP.source,
    description: 'ISO 8601 date or date-time, e.g. 2026-02-01 or 2026-02-01T10:00:00Z.',
  },
  isHttpBaseUrl: {
    type: 'string',
    format: 'uri',
    description: 'http(s), without user name, password, query string or fragment.',
  },
  isProductionTypeMapping: {
    type: 'object',
    additionalProperties: { type: 'array', items: {} },
    description: 'Production type name → Odoo domain.',
  },
  // OpenAPI 3.0 has no `null` type; "defined" is what `required` already says.
  [ValidationTypes.IS_DEFINED]: {},
  // `@IsOptional()` (and a ValidateIf that skips null) lets null through: document it as nullable.
  [ValidationTypes.CONDITIONAL_VALIDATION]: (meta: { propertyName: string; constraints: unknown[] }) => {
    const validates = meta.constraints[0] as (object: object, value: unknown) => boolean;
    return validates({ [meta.propertyName]: null }, null) ? {} : { nullable: true };
  },
};

const SCHEMA_OPTIONS: NonNullable<Parameters<typeof validationMetadatasToSchemas>[0]> = {
  refPointerPrefix: REF_PREFIX,
  classTransformerMetadataStorage: defaultMetadataStorage,
  additionalConverters: CONVERTERS as never,
};

/** Every DTO's JSON Schema, generated from the same class-validator metadata the API enforces. */
function dtoSchemas(): Record<string, SchemaObject> {
  return validationMetadatasToSchemas(SCHEMA_OPTIONS) as Record<string, SchemaObject>;
}

/** The OpenAPI document: operations from the router, schemas from the DTOs, errors from the routes' guards. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Simpul API')
    .setDescription(
      'Operations hub: orders, stock, syncs and engineering change control. Every error answers the envelope ' +
        '`{ success: false, error, code }`; bodies are UTF-8 JSON nested at most ' +
        `${MAX_JSON_DEPTH} levels.`,
    )
    .setVersion('1.0')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  const schemas: Record<string, SchemaObject> = { ...dtoSchemas(), [ERROR_SCHEMA]: API_ERROR };
  for (const route of registeredRoutes(app)) {
    const op = document.paths[openApiPath(route.path)]?.[route.method.toLowerCase() as 'get'];
    if (!op) continue;
    const queryDto = (Reflect.getMetadata(QUERY_DTO, route.handler) as Type | undefined) ?? route.queryType;
    if (queryDto)
      op.parameters = [
        ...(op.parameters ?? []),
        ...queryParameters(targetConstructorToSchema(queryDto, SCHEMA_OPTIONS) as SchemaObject, op),
      ];
    op.responses = { ...op.responses, ...errorResponses(route, op) };
  }
  document.components = { ...document.components, schemas: reachable(document, schemas) };
  return document;
}

/** `/api/users/:id` → `/api/users/{id}`. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function queryParameters(schema: SchemaObject, op: OperationObject): ParameterObject[] {
  const existing = new Set((op.parameters ?? []).map((p) => ('name' in p ? p.name : '')));
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {})
    .filter(([name]) => !existing.has(name))
    .map(([name, prop]) => ({ name, in: 'query', required: required.has(name), schema: prop as SchemaObject }));
}

function errorResponses(route: RouteInfo, op: OperationObject): Record<string, ResponseObject> {
  const statuses = [400];
  if (!route.isPublic) statuses.push(401);
  if (route.path.includes(':')) statuses.push(404);
  const mutates = route.method !== 'GET';
  if (mutates && !route.isPublic) statuses.push(409);
  if (route.readsBody || op.requestBody) statuses.push(413, 415);
  statuses.push(...((Reflect.getMetadata(EXTRA_ERRORS, route.handler) as number[] | undefined) ?? []));
  const responses: Record<string, ResponseObject> = {};
  // Errors a decorator documented in another shape (terminus's 503) are answered in the envelope too.
  for (const [status, response] of Object.entries(op.responses)) {
    if (Number(status) >= 400) responses[status] = errorResponse((response as ResponseObject).description);
  }
  for (const status of statuses) responses[String(status)] = errorResponse(ERROR_DESCRIPTIONS.get(status) ?? 'Error.');
  if (route.roles) responses['403'] = errorResponse(`Only these roles may call this: ${route.roles.join(', ')}.`);
  const throttled = responses['429'];
  if (throttled) {
    throttled.headers = {
      'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer' } },
    };
  }
  return responses;
}

function errorResponse(description: string): ResponseObject {
  return { description, content: { 'application/json': { schema: { $ref: `${REF_PREFIX}${ERROR_SCHEMA}` } } } };
}

/** Only the schemas the document refers to (directly or through other schemas), e.g. not the env schema. */
function reachable(document: OpenAPIObject, schemas: Record<string, SchemaObject>): Record<string, SchemaObject> {
  const kept: Record<string, SchemaObject> = {};
  const queue = refsIn(document.paths);
  while (queue.length > 0) {
    const name = queue.pop() as string;
    if (Object.hasOwn(kept, name) || !Object.hasOwn(schemas, name)) continue;
    kept[name] = schemas[name] as SchemaObject;
    queue.push(...refsIn(kept[name]));
  }
  return kept;
}

function refsIn(value: unknown): string[] {
  const refs: string[] = [];
  JSON.stringify(value, (key, v: unknown) => {
    if (key === '$ref' && typeof v === 'string' && v.startsWith(REF_PREFIX)) refs.push(v.slice(REF_PREFIX.length));
    return v;
  });
  return refs;
}
