import Decimal from 'decimal.js';
import type { DecimalInput } from './decimal';

/**
 * The totals rules, shared by the API (which enforces them) and the SPA (which shows them live):
 * `line_total = qty × unit_price − discount` rounded half-up to 2 places, and `total = subtotal + tax`.
 */
export function money(value: DecimalInput | null | undefined): Decimal {
  return new Decimal(value === null || value === undefined || value === '' ? 0 : String(value));
}

export function toMoneyString(value: Decimal.Value): string {
  return new Decimal(value).toFixed(2, Decimal.ROUND_HALF_UP);
}

export interface PricedLineInput {
  qty: DecimalInput;
  unit_price: DecimalInput;
  discount: DecimalInput;
  line_total?: DecimalInput;
}

export function expectedLineTotal(line: PricedLineInput): string {
  return toMoneyString(money(line.qty).times(money(line.unit_price)).minus(money(line.discount)));
}

export interface TotalsProblem {
  field: string;
  expected: string;
  message: string;
}

/** Problems with a line's arithmetic, or [] when it adds up. `path` prefixes the field names (e.g. `product_lines.0`). */
export function lineProblems(line: PricedLineInput, path = ''): TotalsProblem[] {
  const at = (f: string) => (path ? `${path}.${f}` : f);
  const gross = money(line.qty).times(money(line.unit_price));
  if (money(line.discount).greaterThan(gross)) {
    return [{ field: at('discount'), expected: toMoneyString(gross), message: `${at('discount')} cannot exceed qty × unit_price (${toMoneyString(gross)})` }];
  }
  const expected = expectedLineTotal(line);
  if (line.line_total !== undefined && !money(line.line_total).equals(expected)) {
    return [{ field: at('line_total'), expected, message: `${at('line_total')} must equal qty × unit_price − discount = ${expected}` }];
  }
  return [];
}

export function headerProblems(h: { subtotal: DecimalInput; tax: DecimalInput; total: DecimalInput }): TotalsProblem[] {
  const expected = toMoneyString(money(h.subtotal).plus(money(h.tax)));
  return money(h.total).equals(expected)
    ? []
    : [{ field: 'total', expected, message: `total must equal subtotal + tax = ${expected}` }];
}

export function sumLineTotals(lines: readonly { line_total: DecimalInput }[]): string {
  return toMoneyString(lines.reduce((acc, l) => acc.plus(money(l.line_total)), new Decimal(0)));
}
