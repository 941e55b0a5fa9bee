import { DomainField, DomainSchema, Row, compileDomain, likeToRegExp, normalizeDomain } from './domain';
import { OdooError } from './errors';

/** A tiny schema: orders → product → category, enough for every operator and dotted paths. */
const FIELDS: Record<string, Record<string, DomainField>> = {
  order: {
    id: { type: 'integer' },
    name: { type: 'char' },
    qty: { type: 'float' },
    state: { type: 'selection' },
    origin: { type: 'char' },
    done: { type: 'boolean' },
    created: { type: 'datetime' },
    product_id: { type: 'many2one', relation: 'product' },
  },
  product: { id: { type: 'integer' }, name: { type: 'char' }, categ_id: { type: 'many2one', relation: 'category' } },
  category: { id: { type: 'integer' }, name: { type: 'char' }, parent_id: { type: 'many2one', relation: 'category' } },
};

const ROWS: Record<string, Row[]> = {
  category: [
    { id: 1, name: 'All / Saleable / Liquid', parent_id: false },
    { id: 2, name: 'Device', parent_id: false },
    { id: 3, name: 'Salt Nic', parent_id: 1 },
    { id: 4, name: 'Salt Nic 30ml', parent_id: 3 },
  ],
  product: [
    { id: 10, name: 'Mango Ice 30ml', categ_id: 1 },
    { id: 11, name: 'Nova Pod Kit', categ_id: 2 },
    { id: 12, name: 'Loose part', categ_id: false },
    { id: 13, name: 'Salt Mango', categ_id: 3 },
    { id: 14, name: 'Salt Mango 30ml', categ_id: 4 },
  ],
  order: [
    { id: 1, name: 'WH/MO/00001', qty: 3, state: 'draft', origin: false, done: false, created: '2026-11-01 08:00:00', product_id: 10 },
    { id: 2, name: 'WH/MO/00002', qty: 10, state: 'confirmed', origin: 'S00012', done: false, created: '2026-11-10 23:59:59', product_id: 11 },
    { id: 3, name: 'WH/MO/00003', qty: 7.5, state: 'done', origin: 'OP/00001', done: true, created: '2026-11-11 00:00:00', product_id: 12 },
    { id: 4, name: 'wh/mo/100%', qty: 0, state: 'cancel', origin: false, done: false, created: false, product_id: false },
  ],
};

const schema: DomainSchema = {
  field: (model, name) => FIELDS[model]?.[name],
  record: (model, id) => ROWS[model]?.find((r) => r['id'] === id),
  displayName: (model, id) => {
    const name = ROWS[model]?.find((r) => r['id'] === id)?.['name'];
    return typeof name === 'string' ? name : '';
  },
  records: (model) => ROWS[model] ?? [],
  version: 16,
};

function productIds(domain: unknown): number[] {
  const predicate = compileDomain(domain, 'product', schema);
  return (ROWS['product'] ?? []).filter(predicate).map((r) => Number(r['id']));
}

function ids(domain: unknown): number[] {
  const predicate = compileDomain(domain, 'order', schema);
  return (ROWS['order'] ?? []).filter(predicate).map((r) => Number(r['id']));
}

function errorOf(domain: unknown): OdooError {
  try {
    compileDomain(domain, 'order', schema);
  } catch (err) {
    if (err instanceof OdooError) return err;
    throw err;
  }
  throw new Error('expected an OdooError');
}

describe('Odoo domain evaluator', () => {
  it('matches everything with an empty domain and handles the constant leaves', () => {
    expect(ids([])).toEqual([1, 2, 3, 4]);
    expect(ids([[1, '=', 1]])).toEqual([1, 2, 3, 4]);
    expect(ids([[0, '=', 1]])).toEqual([]);
  });

  describe('leaf operators', () => {
    it('= and != (NULL is "not equal" to any value)', () => {
      expect(ids([['state', '=', 'done']])).toEqual([3]);
      expect(ids([['qty', '=', 10]])).toEqual([2]);
      expect(ids([['origin', '!=', 'S00012']])).toEqual([1, 3, 4]);
    });

    it('= false / != false test for empty values', () => {
      expect(ids([['origin', '=', false]])).toEqual([1, 4]);
      expect(ids([['origin', '!=', false]])).toEqual([2, 3]);
      expect(ids([['product_id', '=', false]])).toEqual([4]);
      expect(ids([['done', '=', false]])).toEqual([1, 2, 4]);
      expect(ids([['done', '=', true]])).toEqual([3]);
    });

    it('<, <=, >, >= on numbers (NULL never compares)', () => {
      expect(ids([['qty', '<', 7.5]])).toEqual([1, 4]);
      expect(ids([['qty', '<=', 7.5]])).toEqual([1, 3, 4]);
      expect(ids([['qty', '>', 3]])).toEqual([2, 3]);
      expect(ids([['qty', '>=', 3]])).toEqual([1, 2, 3]);
    });

    it('compares UTC datetime strings, widening a bare date to the whole day', () => {
      expect(ids([['created', '>=', '2026-11-10 00:00:00']])).toEqual([2, 3]);
      expect(ids([['created', '<', '2026-11-11 00:00:00']])).toEqual([1, 2]);
      expect(ids([['created', '<=', '2026-11-10']])).toEqual([1, 2]);
      expect(ids([['created', '>', '2026-11-10']])).toEqual([3]);
      expect(ids([['created', '>=', '2026-11-11']])).toEqual([3]);
      expect(ids([['created', '>=', '2026-11-10T23:59:59Z']])).toEqual([2, 3]);
    });

    it('in / not in, with False standing for NULL', () => {
      expect(ids([['state', 'in', ['confirmed', 'done']]])).toEqual([2, 3]);
      expect(ids([['state', 'not in', ['confirmed', 'done']]])).toEqual([1, 4]);
      expect(ids([['origin', 'in', [false, 'S00012']]])).toEqual([1, 2, 4]);
      expect(ids([['origin', 'not in', ['S00012']]])).toEqual([1, 3, 4]);
      expect(ids([['origin', 'not in', [false]]])).toEqual([2, 3]);
      expect(ids([['state', 'in', []]])).toEqual([]);
      expect(ids([['product_id', 'in', [10, 12]]])).toEqual([1, 3]);
    });

    it('like / ilike are substring matches with % and _ wildcards', () => {
      expect(ids([['name', 'like', 'MO/0000']])).toEqual([1, 2, 3]);
      expect(ids([['name', 'like', 'mo/']])).toEqual([4]);
      expect(ids([['name', 'ilike', 'mo/']])).toEqual([1, 2, 3, 4]);
      expect(ids([['name', 'ilike', 'mo/0%3']])).toEqual([3]);
      expect(ids([['name', 'like', 'WH/MO/0000_']])).toEqual([1, 2, 3]);
      expect(ids([['name', 'like', '100\\%']])).toEqual([4]);
      expect(ids([['origin', 'ilike', 's0']])).toEqual([2]);
    });

    it('not like / not ilike keep empty values', () => {
      expect(ids([['origin', 'not ilike', 's0']])).toEqual([1, 3, 4]);
      expect(ids([['name', 'not like', 'WH']])).toEqual([4]);
    });

    it('=like / =ilike use the value as the whole pattern', () => {
      expect(ids([['name', '=like', 'WH/MO/%']])).toEqual([1, 2, 3]);
      expect(ids([['name', '=like', 'MO/%']])).toEqual([]);
      expect(ids([['name', '=ilike', 'wh/mo/%']])).toEqual([1, 2, 3, 4]);
    });

    it('=? ignores an empty value', () => {
      expect(ids([['state', '=?', false]])).toEqual([1, 2, 3, 4]);
      expect(ids([['state', '=?', 'draft']])).toEqual([1]);
    });

    it('accepts operator aliases and case as Odoo normalises them', () => {
      expect(ids([['state', '<>', 'draft']])).toEqual([2, 3, 4]);
      expect(ids([['name', 'ILIKE', 'mo/00001']])).toEqual([1]);
    });
  });

  describe('logical operators', () => {
    it('puts an implicit & between terms', () => {
      expect(ids([['qty', '>', 1], ['state', '!=', 'done']])).toEqual([1, 2]);
      expect(normalizeDomain([['a', '=', 1], ['b', '=', 2], ['c', '=', 3]])).toEqual(['&', '&', ['a', '=', 1], ['b', '=', 2], ['c', '=', 3]]);
    });

    it('| and ! in prefix notation, nested', () => {
      expect(ids(['|', ['state', '=', 'draft'], ['state', '=', 'done']])).toEqual([1, 3]);
      expect(ids(['!', ['state', '=', 'draft']])).toEqual([2, 3, 4]);
      // (draft OR done) AND NOT (qty > 5)
      expect(ids(['&', '|', ['state', '=', 'draft'], ['state', '=', 'done'], '!', ['qty', '>', 5]])).toEqual([1]);
      // draft OR (confirmed AND origin set) OR cancel
      expect(ids(['|', '|', ['state', '=', 'draft'], '&', ['state', '=', 'confirmed'], ['origin', '!=', false], ['state', '=', 'cancel']])).toEqual([1, 2, 4]);
      expect(ids(['!', '|', ['state', '=', 'draft'], ['state', '=', 'done']])).toEqual([2, 4]);
    });
  });

  describe('dotted paths through many2one fields', () => {
    it('follows product_id.categ_id.name', () => {
      expect(ids([['product_id.categ_id.name', 'ilike', 'liquid']])).toEqual([1]);
      expect(ids(['|', ['product_id.categ_id.name', 'ilike', 'liquid'], ['product_id.categ_id.name', 'ilike', 'device']])).toEqual([1, 2]);
    });

    it('never matches through an empty many2one, even with a negative operator (it is a sub-search)', () => {
      expect(ids([['product_id.categ_id.name', '!=', 'Device']])).toEqual([1]);
      expect(ids([['product_id.name', 'not ilike', 'nova']])).toEqual([1, 3]);
    });

    it('compares a many2one with text through the display name', () => {
      expect(ids([['product_id', 'ilike', 'mango']])).toEqual([1]);
      expect(ids([['product_id', 'not ilike', 'mango']])).toEqual([2, 3, 4]);
      expect(ids([['product_id', '=', 'Nova Pod Kit']])).toEqual([2]);
    });
  });

  describe('malformed domains raise Odoo errors', () => {
    it('wrong arity', () => {
      const err = errorOf(['|', ['state', '=', 'draft']]);
      expect(err.pyName).toBe('builtins.AssertionError');
      expect(err.message).toBe("This domain is syntactically not correct: ['|', ['state', '=', 'draft']]");
      expect(errorOf(['&']).pyName).toBe('builtins.AssertionError');
    });

    it('not a list', () => {
      expect(errorOf('state = draft').pyName).toBe('builtins.AssertionError');
    });

    it('invalid leaves and operators', () => {
      const err = errorOf([['state', 'equals', 'draft']]);
      expect(err.pyName).toBe('builtins.ValueError');
      expect(err.message).toBe("Invalid leaf ('state', 'equals', 'draft')");
      expect(errorOf([['state', '=']]).message).toBe("Invalid leaf ('state', '=')");
      expect(errorOf(['foo']).message).toBe('Invalid leaf foo');
      expect(errorOf([[1, '=', 2]]).message).toBe("Invalid leaf (1, '=', 2)");
    });

    it('unknown fields, also on the way of a dotted path', () => {
      expect(errorOf([['nope', '=', 1]]).message).toBe("Invalid field order.nope in leaf ('nope', '=', 1)");
      expect(errorOf([['product_id.nope', '=', 1]]).message).toBe("Invalid field product.nope in leaf ('product_id.nope', '=', 1)");
      expect(errorOf([['state.name', '=', 1]]).pyName).toBe('builtins.ValueError');
    });
  });

  it('translates LIKE patterns to anchored regular expressions', () => {
    expect(likeToRegExp('a%b_c', false).test('aXXXbYc')).toBe(true);
    expect(likeToRegExp('a.c', false).test('abc')).toBe(false);
    expect(likeToRegExp('ABC', true).test('abc')).toBe(true);
  });

  describe('child_of / parent_of (expression.py child_of_domain, parent_of_domain)', () => {
    it('child_of takes a category and everything under it, by id, ids or name (name_search ilike)', () => {
      expect(productIds([['categ_id', 'child_of', 1]])).toEqual([10, 13, 14]);
      expect(productIds([['categ_id', 'child_of', 3]])).toEqual([13, 14]);
      expect(productIds([['categ_id', 'child_of', [3, 2]]])).toEqual([11, 13, 14]);
      expect(productIds([['categ_id', 'child_of', 'salt nic']])).toEqual([13, 14]);
      expect(productIds([['categ_id', 'child_of', ['liquid']]])).toEqual([10, 13, 14]);
      expect(productIds([['categ_id', 'child_of', []]])).toEqual([]);
      expect(productIds([['categ_id', 'child_of', 'no such category']])).toEqual([]);
    });

    it('parent_of takes a category and its ancestors; on id it tests the record itself', () => {
      expect(productIds([['categ_id', 'parent_of', 4]])).toEqual([10, 13, 14]);
      expect(productIds([['categ_id', 'parent_of', 3]])).toEqual([10, 13]);
      expect(compileDomain([['id', 'child_of', 3]], 'category', schema)({ id: 4 })).toBe(true);
      expect(compileDomain([['id', 'child_of', 3]], 'category', schema)({ id: 1 })).toBe(false);
      expect(compileDomain([['id', 'parent_of', 3]], 'category', schema)({ id: 1 })).toBe(true);
    });

    it('works through dotted paths and under negation; an empty many2one is never a child', () => {
      expect(ids([['product_id.categ_id', 'child_of', 1]])).toEqual([1]);
      expect(ids(['!', ['product_id.categ_id', 'child_of', 1]])).toEqual([2, 3, 4]);
    });

    it('refuses a comodel without a parent_id hierarchy, as Odoo does', () => {
      expect(errorOf([['product_id', 'child_of', 10]]).message).toMatch(/Invalid parent field/);
    });
  });
});
