import { ValidationError, ValidationPipe } from '@nestjs/common';
import type { FieldError } from '@simpul/contracts';
import { CommonError, CommonErrorCode } from '../errors/common.error';

/** Flattens nested class-validator errors into `field.path: messages`. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own: FieldError[] = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

function qualify(field: string, message: string): string {
  // class-validator names only the leaf property; prefix the full path for nested fields.
  const leaf = field.split('.').pop() ?? field;
  return field !== leaf && message.startsWith(leaf) ? `${field}${message.slice(leaf.length)}` : message;
}

export function validationErrorFromFields(fields: FieldError[]): InstanceType<typeof CommonError> {
  const sentences = fields.flatMap((f) => f.messages.map((m) => qualify(f.field, m)));
  return new CommonError(CommonErrorCode.ValidationFailed, `Invalid data provided: ${sentences.join('; ')}.`, {
    fields,
  });
}

/** The one validation pipe: unknown properties are rejected, payloads become DTO instances. */
export function createValidationPipe(expectedType?: new () => object): ValidationPipe {
  return new ValidationPipe({
    expectedType,
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => validationErrorFromFields(flattenValidationErrors(errors)),
  });
}
