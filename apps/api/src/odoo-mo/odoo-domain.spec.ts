import { DEFAULT_PRODUCTION_TYPES, OdooDomain, ProductionTypeMapping, validateOdooDomain, validateProductionTypes } from '@simpul/contracts';
import { asExpression, escapeLike, NOTHING, productTextDomain, textSearchDomain, typeDomain } from './odoo-domain';
import { fromStoredProductionTypes, storedProductionTypesProblem, toStoredProductionTypes } from './odoo-mo.settings';

describe('validateOdooDomain', () => {
  it.each([
    ['empty (matches everything)', []],
    ['one term', [['state', '=', 'done']]],
    ['implicit & between terms', [['state', '=', 'done'], ['product_qty', '>', 10]]],
    ['explicit operators', ['|', ['state', '=', 'done'], '&', ['state', '=', 'draft'], '!', ['origin', '=', false]]],
    ['dotted path', [['product_id.categ_id.name', 'ilike', 'liquid']]],
    ['list value', [['state', 'in', ['draft', 'confirmed']]]],
    ['TRUE / FALSE leaves', ['|', [1, '=', 1], [0, '=', 1]]],
    ['upper-case operator as Odoo lower-cases it', [['name', 'ILIKE', 'mo']]],
    ['null and boolean values', [['origin', '=', null], ['origin', '!=', false]]],
    ['two top-level expressions', ['|', ['a', '=', 1], ['b', '=', 2], '!', ['c', '=', 3]]],
  ])('accepts %s', (_name, domain) => {
    expect(validateOdooDomain(domain)).toBeNull();
  });

  it.each([
    ['not a list', 'state = done', /must be a JSON list/],
    ['an object', { state: 'done' }, /must be a JSON list/],
    ['a 2-element term', [['state', '=']], /exactly 3 elements/],
    ['a 4-element term', [['state', '=', 'done', 1]], /exactly 3 elements/],
    ['an unknown operator', [['state', 'equals', 'done']], /unknown operator "equals"/],
    ['an unknown token', ['^', ['a', '=', 1], ['b', '=', 1]], /neither a term/],
    ['& with one operand', ['&', ['state', '=', 'done']], /missing 1 operand/],
    ['| with no operand', ['|'], /missing 2 operands/],
    ['! alone', ['!'], /missing 1 operand/],
    ['a bad field name', [['state; drop', '=', 1]], /invalid field name/],
    ['a numeric field other than the TRUE/FALSE leaves', [[2, '=', 1]], /invalid field name/],
    ['an object value', [['state', '=', { a: 1 }]], /value that is not/],
    ['a list value with a comparison', [['product_qty', '>', [1, 2]]], /list value with operator ">"/],
    ['nested lists in a list value', [['state', 'in', [['a']]]], /list value containing/],
    ['a bare string term', ['state'], /neither a term/],
  ])('rejects %s', (_name, domain, message) => {
    expect(validateOdooDomain(domain)).toMatch(message);
  });
});

describe('validateProductionTypes', () => {
  it('accepts the defaults and a fourth type', () => {
    expect(validateProductionTypes(DEFAULT_PRODUCTION_TYPES)).toBeNull();
    expect(validateProductionTypes({ ...DEFAULT_PRODUCTION_TYPES, coil: [['product_id.default_code', '=like', 'CL-%']] })).toBeNull();
  });

  it('names the type and the problem', () => {
    expect(validateProductionTypes({ liquid: [['a', '=']] })).toBe(
      'The Odoo domain of production type "liquid" element 1 must have exactly 3 elements [field, operator, value], not 2.',
    );
    expect(validateProductionTypes({ Liquid: [] })).toMatch(/"Liquid" is not a valid name/);
    expect(validateProductionTypes({})).toMatch(/At least one/);
    expect(validateProductionTypes([])).toMatch(/JSON object/);
  });

  it('is stored as an ordered list and read back in the same order', () => {
    const mapping: ProductionTypeMapping = { zeta: [], alpha: [['state', '=', 'done']] };
    const stored = toStoredProductionTypes(mapping);
    expect(stored).toEqual([
      { type: 'zeta', domain: [] },
      { type: 'alpha', domain: [['state', '=', 'done']] },
    ]);
    expect(Object.keys(fromStoredProductionTypes(stored))).toEqual(['zeta', 'alpha']);
    expect(storedProductionTypesProblem(stored)).toBeNull();
    expect(storedProductionTypesProblem([{ type: 'a', domain: [] }, { type: 'a', domain: [] }])).toMatch(/listed twice/);
    expect(storedProductionTypesProblem({ a: [] })).toMatch(/must be a list/);
  });
});

/**
 * A small evaluator of the domains the API builds (prefix `&`, `|`, `!`; `ilike`, `=ilike`, `!=`, `in` on the fields
 * below), written from `odoo/osv/expression.py` and PostgreSQL's LIKE, to check what they mean without an Odoo.
 */
type Mo = { id: number; name: string; origin: string | null; code: string | null; product: string; categ: string };
const FIELD_OF: ReadonlyMap<string, (mo: Mo) => string | number | null> = new Map<string, (mo: Mo) => string | number | null>([
  ['id', (mo) => mo.id],
  ['name', (mo) => mo.name],
  ['origin', (mo) => mo.origin],
  ['product_id.default_code', (mo) => mo.code],
  ['product_id.name', (mo) => mo.product],
  ['categ', (mo) => mo.categ],
]);

function likeRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const c = pattern.charAt(i);
    if (c === '\\' && i + 1 < pattern.length) source += pattern.charAt(++i).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    else if (c === '%') source += '.*';
    else if (c === '_') source += '.';
    else source += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'is');
}

function evaluate(domain: OdooDomain, mo: Mo): boolean {
  const tokens = asExpression(domain) ?? [];
  let pos = 0;
  const next = (): boolean => {
    const token = tokens[pos++];
    if (token === '!') return !next();
    if (token === '&' || token === '|') {
      const left = next();
      const right = next();
      return token === '&' ? left && right : left || right;
    }
    const [field, operator, value] = token as [string, string, unknown];
    const read = FIELD_OF.get(field);
    if (!read) throw new Error(`unknown field ${field}`);
    const v = read(mo);
    switch (operator) {
      case 'ilike':
        return v !== null && likeRegExp(`%${String(value)}%`).test(String(v));
      case '=ilike':
        return v !== null && likeRegExp(String(value)).test(String(v));
      case '!=':
        return value === false ? v !== null : v !== value;
      case '=':
        return v === value;
      case 'in':
        return (value as unknown[]).includes(v);
      default:
        throw new Error(`operator ${operator}`);
    }
  };
  return tokens.length === 0 || next();
}

describe('Odoo domains the sync and the live list build', () => {
  const mo = (id: number, categ: string): Mo => ({ id, name: `WH/MO/${id}`, origin: null, code: null, product: 'x', categ });
  const liquid = [['categ', '=', 'liquid']] as OdooDomain;
  const device = ['|', ['categ', '=', 'device'], ['categ', '=', 'both']] as OdooDomain;
  const twoTerms = [['categ', '!=', false], ['id', 'in', [1, 2, 3]]] as OdooDomain;

  it('writes a domain out as one expression, the implicit & included', () => {
    expect(asExpression([])).toBeNull();
    expect(asExpression(liquid)).toEqual(liquid);
    expect(asExpression(twoTerms)).toEqual(['&', ...twoTerms]);
    expect(asExpression([...twoTerms, '!', ['id', '=', 4]])).toEqual(['&', '&', ...twoTerms, '!', ['id', '=', 4]]);
  });

  it('gives a type only the MOs no earlier type matches', () => {
    const all = ['liquid', 'device', 'both', 'other'].map((c, k) => mo(k + 1, c));
    const ids = (domain: OdooDomain) => all.filter((m) => evaluate(domain, m)).map((m) => m.id);
    expect(ids(typeDomain(device, []))).toEqual([2, 3]);
    expect(ids(typeDomain([], [liquid, device]))).toEqual([4]);
    expect(ids(typeDomain([['categ', '=', 'both']], [device]))).toEqual([]);
    expect(ids(typeDomain(twoTerms, [liquid]))).toEqual([2, 3]);
    // A catch-all earlier type leaves nothing, said with a leaf Odoo reads as FALSE.
    expect(typeDomain(liquid, [device, []])).toEqual(NOTHING);
    expect(ids(NOTHING)).toEqual([]);
  });

  it('escapes LIKE wildcards so that % and _ match themselves', () => {
    expect(escapeLike('100%_a\\b')).toBe('100\\%\\_a\\\\b');
  });

  it("matches the product's display name [CODE] Name exactly as a substring search of it does", () => {
    // Random products and every substring of their display names, plus near misses, with the characters that matter.
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet.charAt(Math.floor(rnd() * alphabet.length))).join('');
    const chars = 'ab[] %_\\';
    const products = Array.from({ length: 60 }, (_, k): Mo => ({
      id: k + 1,
      name: 'MO',
      origin: null,
      code: k % 5 === 0 ? null : pick(chars, 1 + Math.floor(rnd() * 4)),
      product: pick(chars, 1 + Math.floor(rnd() * 5)),
      categ: '',
    }));
    const display = (m: Mo) => (m.code ? `[${m.code}] ${m.product}` : m.product);
    const queries = new Set<string>();
    for (const m of products.slice(0, 25)) {
      const d = display(m);
      for (let i = 0; i < d.length; i += 1) for (let j = i + 1; j <= d.length; j += 1) queries.add(d.slice(i, j));
    }
    for (let k = 0; k < 300; k += 1) queries.add(pick(chars, 1 + Math.floor(rnd() * 6)));
    let matches = 0;
    for (const q of queries) {
      const domain = productTextDomain(q);
      for (const m of products) {
        const expected = display(m).toLowerCase().includes(q.toLowerCase());
        if (expected) matches += 1;
        if (evaluate(domain, m) !== expected) throw new Error(`"${q}" on ${JSON.stringify(display(m))}: expected ${expected}`);
      }
    }
    expect(queries.size).toBeGreaterThan(500);
    expect(matches).toBeGreaterThan(500);
  });

  it('searches the MO number, the source and the product the same way', () => {
    const m: Mo = { id: 1, name: 'WH/MO/00012', origin: 'S00142', code: 'CT-NOVA-08', product: 'Nova Cartridge', categ: '' };
    const finds = (q: string, mo: Mo = m) => evaluate(textSearchDomain(q), mo);
    for (const q of ['wh/mo/0001', 's0014', '[CT-NOVA-08]', 'NOVA-08] Nova', '08] nova cart', 'cartridge']) expect(finds(q)).toBe(true);
    for (const q of ['%', '_', 'WH_MO', 'S%1', '[CT-NOVA-08] x', 'NOVA-08]Nova']) expect(finds(q)).toBe(false);
    expect(finds('100%', { ...m, origin: 'OP/100%' })).toBe(true);
    expect(finds('_', { ...m, product: 'Pod_X' })).toBe(true);
  });
});
