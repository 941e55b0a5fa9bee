import { INestApplication } from '@nestjs/common';
import { ApiBody, DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';

const REF_PREFIX = '#/components/schemas/';

/** Documents a request body by the contracts DTO whose class-validator rules also validate it. */
export const ApiBodyOf = (dto: new () => object) => ApiBody({ schema: { $ref: `${REF_PREFIX}${dto.name}` } });

/** The OpenAPI document, with schemas generated from the same class-validator metadata the API enforces. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Simpul API')
    .setDescription('Operations hub: orders, stock, syncs and engineering change control.')
    .setVersion('1.0')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  const schemas = validationMetadatasToSchemas({ refPointerPrefix: REF_PREFIX });
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...(schemas as object) } };
  return document;
}
