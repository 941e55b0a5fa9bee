import { ValidateBy, ValidationOptions } from 'class-validator';

/** Decimals travel as JSON numbers (as the seeds send them) or strings; responses always use strings with 2 places. */
export type DecimalInput = number | string;

export const DECIMAL_2 = /^-?\d{1,16}(\.\d{1,2})?$/;

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

/** Whether year-month-day is a day of the calendar PostgreSQL stores (which has no year 0). */
function isCalendarDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year);
  return year >= 1 && d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export function isDateOnly(value: unknown): boolean {
  if (typeof value !== 'string' || !DATE_ONLY.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return isCalendarDay(y, m, d);
}

/** `YYYY-MM-DD` that is a real calendar date. */
export function IsDateOnly(validationOptions?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isDateOnly',
      validator: {
        validate: isDateOnly,
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a date in YYYY-MM-DD format`,
      },
    },
    validationOptions,
  );
}

export const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))?)?$/;

/** An ISO 8601 date or date-time (`2026-02-01`, `2026-02-01T10:00:00.000Z`, `…+07:00`) naming a real moment. */
export function isTimestamp(value: unknown): boolean {
  const m = typeof value === 'string' ? TIMESTAMP.exec(value) : null;
  if (!m || !isDateOnly(m[1])) return false;
  const limits: Array<[string | undefined, number]> = [[m[2], 23], [m[3], 59], [m[4], 59], [m[6], 14], [m[7], 59]];
  return limits.every(([part, max]) => Number(part ?? 0) <= max);
}

export function IsTimestamp(validationOptions?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isTimestamp',
      validator: {
        validate: isTimestamp,
        defaultMessage: (args) => `${args?.property ?? 'value'} must be an ISO 8601 date or date-time, such as 2026-02-01 or 2026-02-01T10:00:00Z`,
      },
    },
    validationOptions,
  );
}
