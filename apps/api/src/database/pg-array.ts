const NEEDS_ESCAPE = /["\\]/g;

/**
 * A Postgres array literal (`{"a","b \"c\"",NULL}`) of one value per item, for a `$n::type[]` parameter. node-postgres
 * builds the same text from a JS array, but runs two regex replaces per element; bulk writes send thousands of
 * elements per statement, so they build it here, reading each item once instead of first copying a column out.
 */
export function pgArrayLiteral<T>(items: readonly T[], value: (item: T) => string | number | null): string {
  let out = '{';
  for (let i = 0; i < items.length; i += 1) {
    if (i > 0) out += ',';
    const v = value(items[i] as T);
    if (v === null) {
      out += 'NULL';
    } else {
      const s = typeof v === 'string' ? v : String(v);
      out += '"' + (s.includes('"') || s.includes('\\') ? s.replace(NEEDS_ESCAPE, '\\$&') : s) + '"';
    }
  }
  return out + '}';
}
