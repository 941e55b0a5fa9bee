/**
 * The ORM methods the fake serves (odoo/models.py): search, search_read, search_count, read, fields_get, name_get.
 * Arguments are bound like Python binds them (positional, then keyword; `context` is taken out by odoo/api.py
 * call_kw), and errors are the ones the real methods raise.
 */
import { compileDomain, Predicate, Row } from './domain';
import {
  OdooError,
  attributeError,
  invalidField,
  missingError,
  objectDoesntExist,
  ormFrames,
  typeError,
  unknownModelKeyError,
  valueError,
  withFramesBefore,
} from './errors';
import { FieldDef, OdooDatabase, Table } from './models';
import { PyFloat } from './pyjson';

export type Entry = 'call_kw' | 'execute_kw';

export interface CallContext {
  uid: number;
  entry: Entry;
}

interface MethodSpec {
  /** Python parameter names after `self` (for record methods, after the ids). */
  params: string[];
  /** `@api.model` methods get every positional argument; record methods take the ids first. */
  recordMethod: boolean;
  run(table: Table, db: OdooDatabase, call: BoundCall): unknown;
}

interface BoundCall {
  args: Record<string, unknown>;
  ids: number[];
  ctx: CallContext;
}

const METHODS: Readonly<Record<string, MethodSpec>> = {
  search_read: { params: ['domain', 'fields', 'offset', 'limit', 'order', 'load'], recordMethod: false, run: runSearchRead },
  search: { params: ['domain', 'offset', 'limit', 'order', 'count'], recordMethod: false, run: runSearch },
  search_count: { params: ['domain', 'limit'], recordMethod: false, run: runSearchCount },
  read: { params: ['fields', 'load'], recordMethod: true, run: runRead },
  fields_get: { params: ['allfields', 'attributes'], recordMethod: false, run: runFieldsGet },
  name_get: { params: [], recordMethod: true, run: runNameGet },
};

/**
 * odoo/api.py call_kw (via dataset.py or service/model.py execute_kw). Errors carry the frames below the entry
 * point's own frames (see ormFrames).
 */
export function callModelMethod(db: OdooDatabase, model: string, method: string, args: unknown, kwargs: unknown, ctx: CallContext): unknown {
  const table = db.table(model);
  if (!table) {
    const err = ctx.entry === 'call_kw' ? unknownModelKeyError(model) : objectDoesntExist(model);
    throw withFramesBefore(err, ormFrames(ctx.entry, 'model'));
  }
  try {
    return runMethod(table, db, method, args, kwargs, ctx);
  } catch (err) {
    if (err instanceof OdooError) throw withFramesBefore(err, ormFrames(ctx.entry, 'method'));
    throw err;
  }
}

function runMethod(table: Table, db: OdooDatabase, method: string, args: unknown, kwargs: unknown, ctx: CallContext): unknown {
  if (method.startsWith('_')) {
    throw new OdooError('odoo.exceptions.AccessError', `Private methods (such as ${method}) cannot be called remotely.`);
  }
  const spec = Object.prototype.hasOwnProperty.call(METHODS, method) ? METHODS[method] : undefined;
  if (!spec) throw attributeError(table.def.name, method);
  const positional = Array.isArray(args) ? [...args] : args === undefined || args === null ? [] : [args];
  const named = isRecord(kwargs) ? { ...kwargs } : {};
  delete named['context'];
  const ids = spec.recordMethod ? takeIds(positional, table.def.name, method) : [];
  return spec.run(table, db, { args: bindArguments(method, spec.params, positional, named), ids, ctx });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Record methods: `ids, args = args[0], args[1:]` in odoo/api.py _call_kw_multi. */
function takeIds(positional: unknown[], model: string, method: string): number[] {
  if (positional.length === 0) throw new OdooError('builtins.IndexError', 'list index out of range');
  const raw = positional.shift();
  const list = Array.isArray(raw) ? raw : [raw];
  if (!list.every((id): id is number => typeof id === 'number' && Number.isInteger(id))) {
    throw typeError(`BaseModel.${method}() on ${model}: ids must be integers`);
  }
  return list;
}

/** Python argument binding, with CPython's messages. */
function bindArguments(method: string, params: string[], positional: unknown[], named: Record<string, unknown>): Record<string, unknown> {
  if (positional.length > params.length) {
    throw typeError(`BaseModel.${method}() takes from 1 to ${params.length + 1} positional arguments but ${positional.length + 1} were given`);
  }
  const bound: Record<string, unknown> = {};
  positional.forEach((value, i) => {
    const name = params[i];
    if (name !== undefined) bound[name] = value;
  });
  for (const [key, value] of Object.entries(named)) {
    if (!params.includes(key)) throw typeError(`BaseModel.${method}() got an unexpected keyword argument '${key}'`);
    if (Object.hasOwn(bound, key)) throw typeError(`BaseModel.${method}() got multiple values for argument '${key}'`);
    bound[key] = value;
  }
  return bound;
}

// ---- search -------------------------------------------------------------------------------------------------------

interface SearchOptions {
  domain: unknown;
  offset: unknown;
  limit: unknown;
  order: unknown;
}

function toInt(value: unknown, name: string, fallback: number | null): number | null {
  if (value === undefined || value === null || value === false) return fallback;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  throw typeError(`'${name}' must be an integer, not ${typeof value}`);
}

/** odoo/models.py _search: filter, sort, then OFFSET/LIMIT. */
export function searchRows(table: Table, db: OdooDatabase, opts: SearchOptions): Row[] {
  const predicate: Predicate = compileDomain(opts.domain ?? [], table.def.name, db);
  const matched = table.rows.filter(predicate);
  const order = typeof opts.order === 'string' && opts.order.trim() ? opts.order : table.def.order;
  const sorted = sortRows(matched, parseOrder(order, table), db);
  const offset = toInt(opts.offset, 'offset', 0) ?? 0;
  const limit = toInt(opts.limit, 'limit', null);
  return limit === null ? sorted.slice(offset) : sorted.slice(offset, offset + limit);
}

function runSearch(table: Table, db: OdooDatabase, call: BoundCall): unknown {
  const rows = searchRows(table, db, { domain: call.args['domain'], offset: call.args['offset'], limit: call.args['limit'], order: call.args['order'] });
  return call.args['count'] === true ? rows.length : rows.map((r) => r['id']);
}

function runSearchCount(table: Table, db: OdooDatabase, call: BoundCall): unknown {
  const count = searchRows(table, db, { domain: call.args['domain'], offset: 0, limit: null, order: 'id' }).length;
  const limit = toInt(call.args['limit'], 'limit', null);
  return limit === null ? count : Math.min(count, limit);
}

/**
 * 16.0: search first, then read — so an unknown field only fails when something matched (and `['id']` is a
 * shortcut). 17.0 (search_fetch) checks the field names before searching.
 */
function runSearchRead(table: Table, db: OdooDatabase, call: BoundCall): unknown {
  const fields = fieldList(call.args['fields']);
  if (db.version === 17) checkFields(table, fields, 'search_read');
  const rows = searchRows(table, db, { domain: call.args['domain'], offset: call.args['offset'], limit: call.args['limit'], order: call.args['order'] });
  if (rows.length === 0) return [];
  if (fields.length === 1 && fields[0] === 'id') return rows.map((r) => ({ id: r['id'] }));
  return readRows(table, db, rows, fields, 'search_read', call.args['load']);
}

function runRead(table: Table, db: OdooDatabase, call: BoundCall): unknown {
  const fields = fieldList(call.args['fields']);
  const missing = call.ids.filter((id) => table.get(id) === undefined);
  checkFields(table, fields, 'read');
  if (missing.length > 0) throw missingError(table.def.name, missing, call.ctx.uid);
  const rows = call.ids.map((id) => table.get(id)).filter((r): r is NonNullable<typeof r> => r !== undefined);
  return readRows(table, db, rows, fields, 'read', call.args['load']);
}

function runNameGet(table: Table, _db: OdooDatabase, call: BoundCall): unknown {
  return call.ids.filter((id) => table.get(id)).map((id) => {
    const row = table.get(id);
    return [id, row ? table.def.displayName(row) : ''];
  });
}

// ---- read ---------------------------------------------------------------------------------------------------------

function fieldList(raw: unknown): string[] {
  if (raw === undefined || raw === null || raw === false) return [];
  if (typeof raw === 'string') return [raw];
  if (Array.isArray(raw) && raw.every((f): f is string => typeof f === 'string')) return raw;
  throw typeError('fields must be a list of field names');
}

function checkFields(table: Table, fields: string[], caller: 'search_read' | 'read'): void {
  const invalid = fields.find((f) => !Object.prototype.hasOwnProperty.call(table.def.fields, f));
  if (invalid !== undefined) throw invalidField(invalid, table.def.name, caller);
}

/** odoo/models.py read / _read_format: `id` first, many2one as `[id, display_name]`, empty as `false`. */
function readRows(table: Table, db: OdooDatabase, rows: Row[], requested: string[], caller: 'search_read' | 'read', load: unknown): Record<string, unknown>[] {
  checkFields(table, requested, caller);
  const names = requested.length > 0 ? requested : Object.keys(table.def.fields);
  const classic = load === undefined || load === '_classic_read';
  return rows.map((row) => {
    const out: Record<string, unknown> = { id: row['id'] };
    for (const name of names) {
      const field = table.def.fields[name];
      if (field) out[name] = formatValue(field, row, name, db, classic, table);
    }
    return out;
  });
}

function formatValue(field: FieldDef, row: Row, name: string, db: OdooDatabase, classic: boolean, table: Table): unknown {
  if (name === 'display_name') return table.def.displayName(row);
  const value = row[name] ?? false;
  if (field.type === 'many2one') {
    if (typeof value !== 'number' || !field.relation) return false;
    return classic ? [value, db.displayName(field.relation, value)] : value;
  }
  if (field.type === 'float') return typeof value === 'number' ? new PyFloat(value) : new PyFloat(0);
  if (field.type === 'integer') return typeof value === 'number' ? value : 0;
  return value;
}

// ---- fields_get ---------------------------------------------------------------------------------------------------

/** odoo/fields.py Field.get_description, trimmed to the attributes clients use. */
function describeField(name: string, field: FieldDef): Record<string, unknown> {
  const description: Record<string, unknown> = {
    change_default: false,
    company_dependent: false,
    depends: [],
    manual: false,
    name,
    readonly: field.readonly ?? false,
    required: field.required ?? false,
    searchable: true,
    sortable: field.store !== false,
    store: field.store !== false,
    string: field.string,
    type: field.type,
  };
  if (field.help) description['help'] = field.help;
  if (field.type === 'many2one') Object.assign(description, { relation: field.relation, context: {}, domain: [] });
  if (field.type === 'selection') description['selection'] = field.selection ?? [];
  return description;
}

function runFieldsGet(table: Table, _db: OdooDatabase, call: BoundCall): unknown {
  const all = fieldList(call.args['allfields']);
  const attributes = call.args['attributes'] === undefined || call.args['attributes'] === null || call.args['attributes'] === false ? [] : fieldList(call.args['attributes']);
  const result: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(table.def.fields)) {
    if (all.length > 0 && !all.includes(name)) continue;
    const description = describeField(name, field);
    result[name] = attributes.length > 0 ? Object.fromEntries(Object.entries(description).filter(([key]) => attributes.includes(key))) : description;
  }
  return result;
}

// ---- order --------------------------------------------------------------------------------------------------------

interface OrderTerm {
  field: string;
  def: FieldDef;
  desc: boolean;
  nullsFirst: boolean;
}

const ORDER_TERM = /^"?([a-z0-9:_]+)"?(\.id)?(?:\s+(asc|desc))?(?:\s+nulls\s+(first|last))?$/i;

/** odoo/models.py _check_qorder / _generate_order_by: `field [asc|desc] [nulls first|last]`, comma-separated. */
export function parseOrder(order: string, table: Table): OrderTerm[] {
  const terms: OrderTerm[] = [];
  for (const part of order.split(',')) {
    const match = ORDER_TERM.exec(part.trim());
    const name = match?.[1];
    if (!match || name === undefined) {
      throw valueError(
        `Invalid "order" specified (${order}). A valid "order" specification is a comma-separated list of valid field names (optionally followed by asc/desc for the direction)`,
      );
    }
    const def = Object.hasOwn(table.def.fields, name) ? table.def.fields[name] : undefined;
    if (!def) throw valueError(`Invalid field '${name}' on model '${table.def.name}'`);
    if (def.store === false) continue; // Odoo logs "cannot be sorted on field … (not a column)" and skips it
    const desc = (match[3] ?? 'asc').toLowerCase() === 'desc';
    // PostgreSQL: NULLs sort as larger than any value.
    const nulls = match[4]?.toLowerCase();
    terms.push({ field: name, def, desc, nullsFirst: nulls ? nulls === 'first' : desc });
  }
  return terms;
}

function sortKey(term: OrderTerm, row: Row, db: OdooDatabase): string | number | boolean | null {
  const value = row[term.field];
  if (value === undefined || (value === false && term.def.type !== 'boolean')) return null;
  // Many2one sorts by the comodel's order in SQL; the display name is a close, cheap stand-in.
  if (term.def.type === 'many2one' && typeof value === 'number' && term.def.relation) return db.displayName(term.def.relation, value);
  return value;
}

function compareKeys(a: string | number | boolean | null, b: string | number | boolean | null, term: OrderTerm): number {
  if (a === b) return 0;
  if (a === null) return term.nullsFirst ? -1 : 1;
  if (b === null) return term.nullsFirst ? 1 : -1;
  const c = a < b ? -1 : a > b ? 1 : 0;
  return term.desc ? -c : c;
}

function sortRows(rows: Row[], terms: OrderTerm[], db: OdooDatabase): Row[] {
  if (terms.length === 0) return rows;
  const keyed = rows.map((row) => ({ row, keys: terms.map((t) => sortKey(t, row, db)) }));
  keyed.sort((x, y) => {
    for (let i = 0; i < terms.length; i += 1) {
      const term = terms[i];
      if (!term) continue;
      const c = compareKeys(x.keys[i] ?? null, y.keys[i] ?? null, term);
      if (c !== 0) return c;
    }
    return 0;
  });
  return keyed.map((k) => k.row);
}
