import { ValidateBy, ValidationOptions } from 'class-validator';

/** Decimals travel as JSON numbers (as the seeds send them) or strings; responses always use strings with 2 places. */
export type DecimalInput = number | string;

const DECIMAL_2 = /^-?\d{1,16}(\.\d{1,2})?$/;

function asDecimalString(value: unknown): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'string') return value.trim();
  return null;
}

/** At most 2 decimal places and 16 integer digits, i.e. what `numeric(18,2)` stores exactly. */
export function isDecimal2(value: unknown, opts: { min?: number; positive?: boolean } = {}): boolean {
  const s = asDecimalString(value);
  if (s === null || !DECIMAL_2.test(s.replace(/e.*$/i, 'x'))) return false;
  const n = Number(s);
  if (opts.positive && !(n > 0)) return false;
  if (opts.min !== undefined && n < opts.min) return false;
  return true;
}

/** A money or quantity field: number or numeric string with at most 2 decimals. */
export function IsDecimal2(opts: { min?: number; positive?: boolean } = {}, validationOptions?: ValidationOptions) {
  const bound = opts.positive ? ' greater than 0' : opts.min !== undefined ? ` of at least ${opts.min}` : '';
  return ValidateBy(
    {
      name: 'isDecimal2',
      validator: {
        validate: (value: unknown) => isDecimal2(value, opts),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a number${bound} with at most 2 decimal places`,
      },
    },
    validationOptions,
  );
}

export const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD` that is a real calendar date. */
export function IsDateOnly(validationOptions?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isDateOnly',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !DATE_ONLY.test(value)) return false;
          const d = new Date(`${value}T00:00:00Z`);
          return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
        },
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a date in YYYY-MM-DD format`,
      },
    },
    validationOptions,
  );
}
