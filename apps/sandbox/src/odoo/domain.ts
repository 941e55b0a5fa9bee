/**
 * Odoo search domains, evaluated in memory. Mirrors odoo/osv/expression.py: prefix (Polish) notation with an implicit
 * `&` between consecutive terms (normalize_domain), the leaf operators of TERM_OPERATORS, SQL NULL semantics for empty
 * values (`false`), dotted paths through many2one fields (a sub-search on the comodel) and the datetime "date only"
 * widening. A domain is compiled once per request into a predicate, so evaluating it over n records is O(n).
 */
import { Frame, OdooError, valueError } from './errors';
import { pyRepr, pyTupleRepr } from './pyjson';

/** A stored value: `false` stands for NULL, many2one values are the related id. */
export type Scalar = string | number | boolean;
export type Row = Readonly<Record<string, Scalar>>;
export type Predicate = (row: Row) => boolean;

export interface DomainField {
  type: string;
  relation?: string;
}

/** What the evaluator needs to know about the models it searches. */
export interface DomainSchema {
  field(model: string, name: string): DomainField | undefined;
  record(model: string, id: number): Row | undefined;
  /** The comodel's display name (`name_get`), used when a many2one is compared with text. */
  displayName(model: string, id: number): string;
  /** Every row of a model, for `child_of` / `parent_of` (a name search, then the walk along `parent_id`). */
  records(model: string): Iterable<Row>;
  /** The server's major version: product.product's name search differs between 16 and 17. */
  readonly version: number;
}

export const TERM_OPERATORS = [
  '=', '!=', '<=', '<', '>', '>=', '=?', '=like', '=ilike', 'like', 'not like', 'ilike', 'not ilike', 'in', 'not in', 'child_of', 'parent_of',
] as const;
type TermOperator = (typeof TERM_OPERATORS)[number];
const NEGATIVE_OPERATORS: ReadonlySet<TermOperator> = new Set<TermOperator>(['!=', 'not like', 'not ilike', 'not in']);
const NEGATION: Partial<Record<TermOperator, TermOperator>> = { '!=': '=', 'not like': 'like', 'not ilike': 'ilike', 'not in': 'in' };
const ARITY: ReadonlyMap<string, number> = new Map([
  ['!', 1],
  ['&', 2],
  ['|', 2],
]);

const EXPRESSION_FRAMES: Frame[] = [
  { file: '/opt/odoo/odoo/models.py', line: 4867, func: '_search', code: 'query = self._where_calc(domain)' },
  { file: '/opt/odoo/odoo/models.py', line: 4620, func: '_where_calc', code: 'return expression.expression(domain, self).query' },
];
const NORMALIZE_FRAMES: Frame[] = [
  ...EXPRESSION_FRAMES,
  { file: '/opt/odoo/odoo/osv/expression.py', line: 444, func: '__init__', code: 'self.expression = distribute_not(normalize_domain(domain))' },
  { file: '/opt/odoo/odoo/osv/expression.py', line: 189, func: 'normalize_domain', code: "assert expected == 0, 'This domain is syntactically not correct: %s' % (domain)" },
];
const PARSE_FRAMES: Frame[] = [
  ...EXPRESSION_FRAMES,
  { file: '/opt/odoo/odoo/osv/expression.py', line: 450, func: '__init__', code: 'self.parse()' },
];

function assertionError(message: string): OdooError {
  return new OdooError('builtins.AssertionError', message, { frames: NORMALIZE_FRAMES });
}

function parseError(message: string, code: string, line: number): OdooError {
  return valueError(message, [...PARSE_FRAMES, { file: '/opt/odoo/odoo/osv/expression.py', line, func: 'parse', code }]);
}

/** `str(element)` as check_leaf prints it: leaves are tuples once normalised. */
function leafText(element: unknown): string {
  if (typeof element === 'string') return element;
  return Array.isArray(element) ? pyTupleRepr(element) : pyRepr(element);
}

function isOperatorToken(token: unknown): token is '&' | '|' | '!' {
  return token === '&' || token === '|' || token === '!';
}

/** normalize_domain: inserts the implicit `&`s and checks the arity. An empty domain matches everything. */
export function normalizeDomain(domain: unknown): unknown[] {
  if (!Array.isArray(domain)) {
    throw assertionError("Domains to normalize must have a 'domain' form: a list or tuple of domain components");
  }
  if (domain.length === 0) return [[1, '=', 1]];
  const result: unknown[] = [];
  let expected = 1;
  for (const token of domain) {
    if (expected === 0) {
      result.unshift('&');
      expected = 1;
    }
    expected += Array.isArray(token) ? -1 : (typeof token === 'string' ? (ARITY.get(token) ?? 0) : 0) - 1;
    result.push(token);
  }
  if (expected !== 0) throw assertionError(`This domain is syntactically not correct: ${pyRepr(domain)}`);
  return result;
}

/** Compiles a domain on `model` into a predicate; throws the Odoo error a real server raises while parsing it. */
export function compileDomain(domain: unknown, model: string, schema: DomainSchema): Predicate {
  const tokens = normalizeDomain(domain);
  const [predicate] = compileAt(tokens, 0, model, schema);
  return predicate;
}

function compileAt(tokens: unknown[], pos: number, model: string, schema: DomainSchema): [Predicate, number] {
  const token = tokens[pos];
  if (token === '!') {
    const [inner, next] = compileAt(tokens, pos + 1, model, schema);
    return [(row) => !inner(row), next];
  }
  if (token === '&' || token === '|') {
    const [left, afterLeft] = compileAt(tokens, pos + 1, model, schema);
    const [right, next] = compileAt(tokens, afterLeft, model, schema);
    return [token === '&' ? (row) => left(row) && right(row) : (row) => left(row) || right(row), next];
  }
  return [compileLeaf(token, model, schema), pos + 1];
}

function isConstantLeaf(token: readonly unknown[], left: number): boolean {
  return token.length === 3 && token[0] === left && token[1] === '=' && token[2] === 1;
}

/** _normalize_leaf: operators are case-insensitive and `<>` / `==` are accepted aliases. */
function normalizeOperator(raw: string): string {
  const lowered = raw.toLowerCase();
  if (lowered === '<>') return '!=';
  if (lowered === '==') return '=';
  return lowered;
}

function isTermOperator(op: string): op is TermOperator {
  return (TERM_OPERATORS as readonly string[]).includes(op);
}

function compileLeaf(token: unknown, model: string, schema: DomainSchema): Predicate {
  if (Array.isArray(token) && isConstantLeaf(token, 1)) return () => true;
  if (Array.isArray(token) && isConstantLeaf(token, 0)) return () => false;
  if (isOperatorToken(token) || !Array.isArray(token) || token.length !== 3 || typeof token[0] !== 'string' || typeof token[1] !== 'string') {
    throw parseError(`Invalid leaf ${leafText(token)}`, 'raise ValueError("Invalid leaf %s" % str(self.leaf))', 520);
  }
  const operator = normalizeOperator(token[1]);
  if (!isTermOperator(operator)) {
    throw parseError(`Invalid leaf ${leafText(token)}`, 'raise ValueError("Invalid leaf %s" % str(self.leaf))', 520);
  }
  const leaf = [token[0], operator, token[2]] as const;
  return compilePath(token[0].split('.'), operator, token[2], model, schema, pyTupleRepr(leaf));
}

/** Walks `a.b.c` through many2one fields; an empty many2one on the way never matches (it is a sub-search). */
function compilePath(path: string[], operator: TermOperator, right: unknown, model: string, schema: DomainSchema, leaf: string): Predicate {
  const [name, ...rest] = path;
  const field = schema.field(model, name ?? '');
  if (!field || name === undefined) {
    throw parseError(`Invalid field ${model}.${name ?? ''} in leaf ${leaf}`, 'raise ValueError("Invalid field %s.%s in leaf %s" % (model._name, path[0], str(leaf)))', 758);
  }
  if (rest.length === 0) return compileFieldTest(name, field, operator, right, model, schema);
  if (field.type !== 'many2one' || !field.relation) {
    throw parseError(`Invalid field ${model}.${name} in leaf ${leaf}`, 'raise ValueError("Invalid field %s.%s in leaf %s" % (model._name, path[0], str(leaf)))', 758);
  }
  const comodel = field.relation;
  const inner = compilePath(rest, operator, right, comodel, schema, leaf);
  return (row) => {
    const id = row[name];
    if (typeof id !== 'number') return false;
    const related = schema.record(comodel, id);
    return related !== undefined && inner(related);
  };
}

function compileFieldTest(name: string, field: DomainField, operator: TermOperator, right: unknown, model: string, schema: DomainSchema): Predicate {
  if (operator === 'child_of' || operator === 'parent_of') return compileHierarchy(name, field, operator, right, model, schema);
  if (field.type === 'many2one' && field.relation && isTextCriterion(right)) {
    return compileMany2oneByName(name, field.relation, operator, right, schema);
  }
  const test = compileValueTest(operator, field.type === 'datetime' ? widenDatetime(right, operator) : right);
  return (row) => test(row[name] ?? false);
}

/**
 * `child_of` / `parent_of` (expression.py `child_of_domain` / `parent_of_domain`): the value is resolved to ids
 * (`to_ids`: a name or names through `_name_search` with `ilike`, else ids), then widened along the comodel's
 * `parent_id` to every descendant / ancestor, the ids themselves included. On a many2one the field's value must be one
 * of them; on `id` the record itself.
 */
function compileHierarchy(name: string, field: DomainField, operator: 'child_of' | 'parent_of', right: unknown, model: string, schema: DomainSchema): Predicate {
  const comodel = field.type === 'many2one' && field.relation ? field.relation : name === 'id' ? model : null;
  const parentField = comodel ? schema.field(comodel, 'parent_id') : undefined;
  if (!comodel || parentField?.type !== 'many2one' || parentField.relation !== comodel) {
    throw valueError(`Invalid parent field: ${comodel ?? model}.parent_id (${operator} needs a hierarchy)`);
  }
  const start = hierarchyIds(right, comodel, schema);
  const ids = operator === 'child_of' ? descendants(start, comodel, schema) : ancestors(start, comodel, schema);
  return (row) => {
    const id = row[name];
    return typeof id === 'number' && ids.has(id);
  };
}

/** expression.py `to_ids`: names (a string or a list of strings) via `_name_search` `ilike`; an id or a list of ids as given. */
function hierarchyIds(right: unknown, comodel: string, schema: DomainSchema): Set<number> {
  if (typeof right === 'number') return new Set(right ? [right] : []);
  if (isTextCriterion(right)) {
    const names = (typeof right === 'string' ? [right] : right).map((n) => likeToRegExp(`%${n}%`, true));
    const ids = new Set<number>();
    for (const row of schema.records(comodel)) {
      const id = row['id'];
      if (typeof id !== 'number') continue;
      const label = schema.displayName(comodel, id);
      const own = typeof row['name'] === 'string' ? row['name'] : '';
      if (names.some((re) => re.test(label) || re.test(own))) ids.add(id);
    }
    return ids;
  }
  if (Array.isArray(right)) return new Set(right.filter((v): v is number => typeof v === 'number'));
  return new Set();
}

function descendants(start: Set<number>, model: string, schema: DomainSchema): Set<number> {
  const found = new Set(start);
  let frontier = start;
  while (frontier.size > 0) {
    const next = new Set<number>();
    for (const row of schema.records(model)) {
      const id = row['id'];
      const parent = row['parent_id'];
      if (typeof id === 'number' && typeof parent === 'number' && frontier.has(parent) && !found.has(id)) next.add(id);
    }
    for (const id of next) found.add(id);
    frontier = next;
  }
  return found;
}

function ancestors(start: Set<number>, model: string, schema: DomainSchema): Set<number> {
  const found = new Set<number>();
  for (let frontier = [...start]; frontier.length > 0; ) {
    const id = frontier.pop() as number;
    if (found.has(id) || !schema.record(model, id)) continue;
    found.add(id);
    const parent = schema.record(model, id)?.['parent_id'];
    if (typeof parent === 'number') frontier.push(parent);
  }
  return found;
}

function isTextCriterion(right: unknown): right is string | string[] {
  if (typeof right === 'string') return true;
  return Array.isArray(right) && right.length > 0 && right.every((item) => typeof item === 'string');
}

/**
 * A many2one compared with text is resolved with `_name_search` on the comodel; negative operators keep the empty
 * values (expression.py appends `False` to the ids).
 */
function compileMany2oneByName(name: string, comodel: string, operator: TermOperator, right: string | string[], schema: DomainSchema): Predicate {
  const negative = NEGATIVE_OPERATORS.has(operator);
  const positive = nameSearchOperator(operator, right);
  const products = comodel === 'product.product' && typeof right === 'string' ? productNameSearch(positive, right, schema) : null;
  const nameTest = compileValueTest(positive, right);
  const cache = new Map<number, boolean>();
  const matches = (id: number): boolean => {
    if (products) return products.has(id);
    let hit = cache.get(id);
    if (hit === undefined) {
      const related = schema.record(comodel, id);
      hit = nameTest(schema.displayName(comodel, id)) || (related !== undefined && typeof related['name'] === 'string' && nameTest(related['name']));
      cache.set(id, hit);
    }
    return hit;
  };
  return (row) => {
    const id = row[name];
    if (typeof id !== 'number') return negative;
    return negative !== matches(id);
  };
}

const NAME_SEARCH_POSITIVE: ReadonlySet<TermOperator> = new Set<TermOperator>(['=', 'ilike', '=ilike', 'like', '=like']);

/**
 * product.product's own name search, which never looks at the display name `[CODE] Name` as a whole. 16.0
 * (`_name_search`): an exact internal reference first, else reference or name, else the reference inside `[…]`. 17.0
 * on (`_search_display_name`): reference or name. So `[CT-NOVA-08]` finds the product on 16 and nothing on 17.
 */
function productNameSearch(operator: TermOperator, right: string, schema: DomainSchema): Set<number> {
  const rows = [...schema.records('product.product')];
  const where = (test: (row: Row) => boolean) => new Set(rows.filter(test).map((row) => row['id'] as number));
  const code = (row: Row) => row['default_code'] ?? false;
  const byCode = (value: string) => {
    const equal = compileValueTest('=', value);
    return where((row) => equal(code(row)));
  };
  const test = compileValueTest(operator, right);
  if (schema.version === 16 && NAME_SEARCH_POSITIVE.has(operator)) {
    const exact = byCode(right);
    if (exact.size > 0) return exact;
  }
  const found = where((row) => test(code(row)) || test(row['name'] ?? false));
  const bracketed = /(\[(.*?)\])/.exec(right);
  if (schema.version === 16 && found.size === 0 && NAME_SEARCH_POSITIVE.has(operator) && bracketed?.[2] !== undefined) return byCode(bracketed[2]);
  return found;
}

/** The positive operator `_name_search` applies: a list means membership, ordering operators degrade to equality. */
function nameSearchOperator(operator: TermOperator, right: string | string[]): TermOperator {
  if (Array.isArray(right)) return 'in';
  const positive = NEGATION[operator] ?? operator;
  return positive === 'in' || positive === '<' || positive === '<=' || positive === '>' || positive === '>=' ? '=' : positive;
}

/** A datetime compared with a bare date covers the whole day; ISO `T` is read as PostgreSQL would cast it. */
function widenDatetime(right: unknown, operator: TermOperator): unknown {
  if (typeof right !== 'string' || !right) return right;
  if (/^\d{4}-\d{2}-\d{2}$/.test(right)) return right + (operator === '>' || operator === '<=' ? ' 23:59:59' : ' 00:00:00');
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(right)) return right.slice(0, 19).replace('T', ' ');
  return right;
}

type ValueTest = (value: Scalar) => boolean;

function isEmpty(value: unknown): boolean {
  return value === false || value === null || value === undefined;
}

/** Equality as PostgreSQL casts a literal: `5` equals `'5'` on a numeric column. */
function looseEquals(value: Scalar, right: unknown): boolean {
  if (typeof value === typeof right) return value === right;
  if (typeof value === 'number' && typeof right === 'string') return right.trim() !== '' && Number(right) === value;
  if (typeof value === 'string' && typeof right === 'number') return value.trim() !== '' && Number(value) === right;
  return false;
}

function compare(value: Scalar, right: unknown): number | null {
  if (typeof value === 'number' && typeof right === 'number') return value - right;
  if (typeof value === 'string' && typeof right === 'string') return value < right ? -1 : value > right ? 1 : 0;
  if (typeof value === 'number' && typeof right === 'string' && right.trim() !== '' && !Number.isNaN(Number(right))) return value - Number(right);
  return null;
}

function compileValueTest(operator: TermOperator, right: unknown): ValueTest {
  switch (operator) {
    case '=':
      return isEmpty(right) ? (v) => isEmpty(v) : (v) => !isEmpty(v) && looseEquals(v, right);
    case '!=':
      return isEmpty(right) ? (v) => !isEmpty(v) : (v) => isEmpty(v) || !looseEquals(v, right);
    case '=?':
      return isEmpty(right) ? () => true : compileValueTest('=', right);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return compileOrdering(operator, right);
    case 'in':
    case 'not in':
      return compileMembership(operator === 'in', Array.isArray(right) ? right : [right]);
    case 'like':
    case 'ilike':
    case 'not like':
    case 'not ilike':
    case '=like':
    case '=ilike':
      return compileLike(operator, right);
    default:
      throw valueError(`Operator ${operator} is not supported by the sandbox Odoo`);
  }
}

function compileOrdering(operator: '<' | '<=' | '>' | '>=', right: unknown): ValueTest {
  if (isEmpty(right)) return () => false;
  return (v) => {
    if (isEmpty(v)) return false; // NULL compares to nothing
    const c = compare(v, right);
    if (c === null) return false;
    return operator === '<' ? c < 0 : operator === '<=' ? c <= 0 : operator === '>' ? c > 0 : c >= 0;
  };
}

/** `in` matches NULL only when `False` is listed; `not in` keeps NULL unless `False` is listed. */
function compileMembership(positive: boolean, items: unknown[]): ValueTest {
  const wantsEmpty = items.some(isEmpty);
  const values = items.filter((item) => !isEmpty(item));
  return (v) => {
    const found = isEmpty(v) ? wantsEmpty : values.some((item) => looseEquals(v, item));
    return positive ? found : !found;
  };
}

/** `like`/`ilike` wrap the value in `%…%` (its own `%`/`_` stay wildcards); `=like`/`=ilike` use it as the pattern. */
function compileLike(operator: 'like' | 'ilike' | 'not like' | 'not ilike' | '=like' | '=ilike', right: unknown): ValueTest {
  const text = isEmpty(right) ? '' : String(right);
  const pattern = operator.startsWith('=') ? text : `%${text}%`;
  const regex = likeToRegExp(pattern, operator.includes('ilike'));
  const negative = operator.startsWith('not');
  return (v) => {
    if (isEmpty(v)) return negative;
    return negative !== regex.test(String(v));
  };
}

/** SQL LIKE → RegExp: `%` any run, `_` one character, backslash escapes (PostgreSQL's default escape). */
export function likeToRegExp(pattern: string, caseInsensitive: boolean): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern.charAt(i);
    if (ch === '\\' && i + 1 < pattern.length) {
      i += 1;
      source += escapeRegExp(pattern.charAt(i));
    } else if (ch === '%') source += '.*';
    else if (ch === '_') source += '.';
    else source += escapeRegExp(ch);
  }
  return new RegExp(`^${source}$`, caseInsensitive ? 'is' : 's');
}

function escapeRegExp(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
