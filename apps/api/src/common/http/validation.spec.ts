import { ValidationError } from 'class-validator';
import { flattenValidationErrors, validationErrorFromFields } from './validation';

function err(property: string, constraints?: Record<string, string>, children: ValidationError[] = []): ValidationError {
  return Object.assign(new ValidationError(), { property, constraints, children });
}

describe('validation errors', () => {
  it('flattens nested errors into dotted field paths', () => {
    const fields = flattenValidationErrors([
      err('email', { isEmail: 'email must be an email' }),
      err('product_lines', undefined, [err('0', undefined, [err('qty', { isNumber: 'qty must be a number' })])]),
    ]);
    expect(fields).toEqual([
      { field: 'email', messages: ['email must be an email'] },
      { field: 'product_lines.0.qty', messages: ['qty must be a number'] },
    ]);
  });

  it('builds one sentence that names each field by its full path', () => {
    const error = validationErrorFromFields([{ field: 'product_lines.0.qty', messages: ['qty must be a number'] }]);
    expect(error.message).toBe('Invalid data provided: product_lines.0.qty must be a number.');
    expect(error.kind).toBe('invalid');
  });
});
