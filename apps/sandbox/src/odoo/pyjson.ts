/**
 * Python-flavoured serialisation. Odoo answers with `json.dumps(...)` of Python values, so a float field carries `3.0`
 * on the wire and error texts quote values with `repr()` (`'mrp.production'`, `('state', '=', 1)`). JavaScript has a
 * single number type, so floats are wrapped in {@link PyFloat} until they are written out.
 */

/** A number that Python holds as a float: serialised as `3.0`, not `3`. */
export class PyFloat {
  constructor(readonly value: number) {}

  toString(): string {
    return pyFloatText(this.value);
  }
}

/** Python's `repr(float)`: shortest round-trip digits, always with a fraction or exponent. */
export function pyFloatText(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return `${value}.0`;
  return String(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof PyFloat);
}

/** `json.dumps(value, ensure_ascii=False)` with the default `', '` / `': '` separators, as Odoo's make_json_response. */
export function pyJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof PyFloat) return pyFloatText(value.value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : pyFloatText(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(pyJson).join(', ')}]`;
  if (isPlainObject(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${pyJson(v)}`).join(', ')}}`;
  }
  return JSON.stringify(String(value));
}

/** Python's `repr()` of a JSON-decoded value (lists stay lists; `tuple` renders a domain leaf as Python holds it). */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value instanceof PyFloat) return pyFloatText(value.value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return pyStringRepr(value);
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  if (isPlainObject(value)) return `{${Object.entries(value).map(([k, v]) => `${pyStringRepr(k)}: ${pyRepr(v)}`).join(', ')}}`;
  return pyStringRepr(String(value));
}

/** `repr(tuple(items))`, e.g. a normalised domain leaf `('state', '=', 'done')`. */
export function pyTupleRepr(items: readonly unknown[]): string {
  return items.length === 1 ? `(${pyRepr(items[0])},)` : `(${items.map(pyRepr).join(', ')})`;
}

/** Python picks single quotes unless the text holds a single quote and no double quote. */
export function pyStringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .split(quote)
    .join(`\\${quote}`);
  return `${quote}${escaped}${quote}`;
}
