import { DEFAULT_PRODUCTION_TYPES, ProductionTypeMapping, validateOdooDomain, validateProductionTypes } from '@simpul/contracts';
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
