// Validates an OpenAPI document file with swagger-parser (an ES module, so it runs here rather than inside jest).
// Prints "valid", or the validator's message and exits 1.
import SwaggerParser from '@apidevtools/swagger-parser';
import { readFileSync } from 'node:fs';

try {
  await SwaggerParser.validate(JSON.parse(readFileSync(process.argv[2], 'utf8')));
  console.log('valid');
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
