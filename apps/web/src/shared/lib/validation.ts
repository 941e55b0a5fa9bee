import type { FieldError } from '@simpul/contracts';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';

export type FieldErrors = Record<string, string[]>;

/** Turns a class-validator constraint (name + default message) into the text shown to people. */
export type ConstraintTranslator = (constraint: string, defaultMessage: string) => string;

function collect(errors: ValidationError[], translate: ConstraintTranslator | undefined, out: FieldErrors, prefix = ''): void {
  for (const err of errors) {
    const field = prefix ? `${prefix}.${err.property}` : err.property;
    const messages = Object.entries(err.constraints ?? {}).map(([name, msg]) => (translate ? translate(name, msg) : msg));
    if (messages.length) out[field] = [...(out[field] ?? []), ...messages];
    if (err.children?.length) collect(err.children, translate, out, field);
  }
}

/** Validates a form with the same DTO class the API uses. Returns {} when valid. */
export async function validateDto<T extends object>(
  dtoClass: new () => T,
  plain: object,
  translate?: ConstraintTranslator,
): Promise<FieldErrors> {
  const instance = plainToInstance(dtoClass, plain);
  const errors = await validate(instance, { forbidUnknownValues: false });
  const out: FieldErrors = {};
  collect(errors, translate, out);
  return out;
}

/** The API's `fields` array as a field -> messages map. */
export function fieldsToMap(fields: FieldError[] | undefined): FieldErrors {
  const out: FieldErrors = {};
  for (const f of fields ?? []) out[f.field] = [...(out[f.field] ?? []), ...f.messages];
  return out;
}
