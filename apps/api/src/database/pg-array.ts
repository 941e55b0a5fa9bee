const NEEDS_ESCAPE = /["\\]/g;

/**
 * A Postgres array literal (`{"a","b \"c\"",NULL}`) of one value per item, for a `$n::type[]` parameter. node-postgres
 * builds the same text from a JS array, but with two regex replaces per element and one string concatenation after
 * another. Bulk writes send thousands of elements per statement, so they build it here: each item is read once, only
 * values that need it are escaped, and `join` writes the literal as one flat string instead of a chain of thousands
 * of partial strings for the garbage collector to copy.
 */
export function pgArrayLiteral<T>(items: readonly T[], value: (item: T) => string | number | null): string {
  if (items.length === 0) return '{}';
  const texts = new Array<string | null>(items.length);
  let nulls = 0;
  for (let i = 0; i < items.length; i += 1) {
    const v = value(items[i] as T);
    if (v === null) {
      texts[i] = null;
      nulls += 1;
    } else {
      const s = typeof v === 'string' ? v : String(v);
      texts[i] = s.includes('"') || s.includes('\\') ? s.replace(NEEDS_ESCAPE, '\\$&') : s;
    }
  }
  if (nulls === 0) return `{"${texts.join('","')}"}`;
  return `{${texts.map((t) => (t === null ? 'NULL' : `"${t}"`)).join(',')}}`;
}
