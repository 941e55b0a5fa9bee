import type { OdooDomain, OdooDomainTerm } from '@simpul/contracts';

/** A domain no record matches (`id in []`, which expression.py turns into its FALSE leaf). */
export const NOTHING: OdooDomain = [['id', 'in', []]];

const ARITY: ReadonlyMap<string, number> = new Map([
  ['!', 1],
  ['&', 2],
  ['|', 2],
]);

/**
 * A domain as one expression in prefix notation, the implicit `&`s between its top-level expressions written out
 * (`odoo/osv/expression.py` `normalize_domain`), so that it can be an operand of `!` or `|`. Null for an empty domain,
 * which matches everything.
 */
export function asExpression(domain: OdooDomain): OdooDomain | null {
  if (domain.length === 0) return null;
  const result: OdooDomain = [];
  let expected = 1;
  for (const token of domain) {
    if (expected === 0) {
      result.unshift('&');
      expected = 1;
    }
    expected += Array.isArray(token) ? -1 : (ARITY.get(token) ?? 0) - 1;
    result.push(token);
  }
  return result;
}

/**
 * The MOs of one production type: its own domain, and none that an earlier type in the mapping matches
 * (`own AND NOT (earlier_1 OR … OR earlier_k)`). Odoo then counts and pages only the type's own MOs, so a catch-all
 * type listed last still gets its older MOs instead of spending its limit on ones an earlier type took.
 */
export function typeDomain(own: OdooDomain, earlier: readonly OdooDomain[]): OdooDomain {
  if (earlier.length === 0) return own;
  const operands: OdooDomain[] = [];
  for (const domain of earlier) {
    const expression = asExpression(domain);
    if (!expression) return NOTHING; // an earlier type takes every MO
    operands.push(expression);
  }
  const either: OdooDomain = [...Array<'|'>(operands.length - 1).fill('|'), ...operands.flat()];
  return [...own, '!', ...either];
}

/** `text` for a LIKE pattern: `\`, `%` and `_` match themselves (PostgreSQL's default escape, which Odoo keeps). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const CODE = 'product_id.default_code';
const NAME = 'product_id.name';

const and = (a: OdooDomain, b: OdooDomain): OdooDomain => ['&', ...a, ...b];
const any = (expressions: OdooDomain[]): OdooDomain => [...Array<'|'>(expressions.length - 1).fill('|'), ...expressions.flat()];
const term = (field: string, operator: string, value: unknown): OdooDomain => [[field, operator, value] as OdooDomainTerm];
const hasCode: OdooDomain = term(CODE, '!=', false);

/** After a `]` at the start of `rest` that closes the reference: what must follow it, or null when nothing can. */
function afterBracket(rest: string): OdooDomain | null | 'anything' {
  if (rest === ']' || rest === '] ') return 'anything';
  if (!rest.startsWith('] ')) return null;
  return term(NAME, '=ilike', `${escapeLike(rest.slice(2))}%`);
}

/**
 * MOs whose product's display name contains `q` (case-insensitive, `%` and `_` literal), the way the cache's
 * `sku_name ILIKE` reads it. Odoo cannot search the display name `[CODE] Name` as one text: a many2one `ilike` goes
 * through the product's name search, which tries reference and name apart (and on 16 the reference inside `[…]`), so
 * `[CT-NOVA-08]` found the product on 16 and nothing on 18. The display name is therefore spelled out: `q` inside the
 * name, inside the reference, or across the `[`, `] ` around the reference, each split at a `]` of `q`.
 */
export function productTextDomain(q: string): OdooDomain {
  const options: OdooDomain[] = [term(NAME, 'ilike', escapeLike(q)), term(CODE, 'ilike', escapeLike(q))];
  const add = (reference: OdooDomain, rest: string) => {
    const tail = afterBracket(rest);
    if (tail === 'anything') options.push(reference);
    else if (tail) options.push(and(reference, tail));
  };
  // `q` starts at the `[`: what follows is the start of the reference, or the whole reference and then `] `…
  if (q.startsWith('[')) {
    const inner = q.slice(1);
    options.push(term(CODE, '=ilike', `${escapeLike(inner)}%`));
    for (let k = 1; k < inner.length; k += 1) if (inner[k] === ']') add(term(CODE, '=ilike', escapeLike(inner.slice(0, k))), inner.slice(k));
  }
  // …or `q` starts inside the reference (or at its `]`) and runs on past it.
  for (let k = 0; k < q.length; k += 1) {
    if (q[k] === ']') add(k === 0 ? hasCode : term(CODE, '=ilike', `%${escapeLike(q.slice(0, k))}`), q.slice(k));
  }
  // …or `q` starts at the space between `]` and the name.
  if (q.startsWith(' ')) options.push(and(hasCode, term(NAME, '=ilike', `${escapeLike(q.slice(1))}%`)));
  return any(options);
}

/**
 * The live list's text search, meaning what the cache search means: the MO number, the product's display name or
 * the source document contains `q` literally.
 */
export function textSearchDomain(q: string): OdooDomain {
  const like = escapeLike(q);
  return ['|', '|', ['name', 'ilike', like], ['origin', 'ilike', like], ...productTextDomain(q)];
}
