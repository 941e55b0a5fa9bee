/**
 * The in-memory database: model definitions (fields as `fields_get` describes them) and their rows. Field names and
 * labels follow Odoo 16/17 (addons/mrp/models/mrp_production.py, addons/product/models/*.py, addons/uom/models/uom_uom.py).
 */
import type { DomainField, DomainSchema, Row, Scalar } from './domain';

export type OdooVersion = 16 | 17;
export type FieldType = 'integer' | 'float' | 'char' | 'text' | 'selection' | 'many2one' | 'datetime' | 'date' | 'boolean';

export interface FieldDef extends DomainField {
  type: FieldType;
  string: string;
  relation?: string;
  selection?: [string, string][];
  required?: boolean;
  readonly?: boolean;
  /** Non-stored (computed) fields can be read but not sorted on. */
  store?: boolean;
  help?: string;
}

export interface ModelDef {
  name: string;
  description: string;
  /** The model's `_order`, used when search/search_read get no `order`. */
  order: string;
  fields: Record<string, FieldDef>;
  /** `display_name` of a row (name_get). */
  displayName(row: Row): string;
}

/** A stored row: `false` for empty values, many2one as the related id. */
export type MutableRow = Record<string, Scalar>;

export class Table {
  readonly rows: MutableRow[] = [];
  private readonly byId = new Map<number, MutableRow>();

  constructor(readonly def: ModelDef) {}

  insert(row: MutableRow): void {
    const id = row['id'];
    if (typeof id !== 'number') throw new Error(`${this.def.name}: row without id`);
    this.rows.push(row);
    this.byId.set(id, row);
  }

  get(id: number): MutableRow | undefined {
    return this.byId.get(id);
  }

  /** Removes a row (the sandbox's control `unlink`); false when there was none. */
  delete(id: number): boolean {
    const row = this.byId.get(id);
    if (!row) return false;
    this.byId.delete(id);
    this.rows.splice(this.rows.indexOf(row), 1);
    return true;
  }
}

export class OdooDatabase implements DomainSchema {
  private readonly tables = new Map<string, Table>();

  constructor(
    readonly name: string,
    readonly version: OdooVersion,
    defs: ModelDef[],
  ) {
    for (const def of defs) this.tables.set(def.name, new Table(def));
  }

  table(model: string): Table | undefined {
    return this.tables.get(model);
  }

  mustTable(model: string): Table {
    const table = this.tables.get(model);
    if (!table) throw new Error(`Unknown model ${model}`);
    return table;
  }

  field(model: string, name: string): FieldDef | undefined {
    const fields = this.tables.get(model)?.def.fields;
    return fields && Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : undefined;
  }

  record(model: string, id: number): Row | undefined {
    return this.tables.get(model)?.get(id);
  }

  displayName(model: string, id: number): string {
    const table = this.tables.get(model);
    const row = table?.get(id);
    return table && row ? table.def.displayName(row) : '';
  }

  records(model: string): Iterable<Row> {
    return this.tables.get(model)?.rows ?? [];
  }
}

// ---- field sets ---------------------------------------------------------------------------------------------------

function m2o(string: string, relation: string, extra: Partial<FieldDef> = {}): FieldDef {
  return { type: 'many2one', string, relation, ...extra };
}

/** Fields every model has (odoo/models.py MAGIC_COLUMNS, plus `__last_update`, dropped in 17). */
function magicFields(version: OdooVersion): Record<string, FieldDef> {
  return {
    id: { type: 'integer', string: 'ID', readonly: true },
    display_name: { type: 'char', string: 'Display Name', readonly: true, store: false },
    create_uid: m2o('Created by', 'res.users', { readonly: true }),
    create_date: { type: 'datetime', string: 'Created on', readonly: true },
    write_uid: m2o('Last Updated by', 'res.users', { readonly: true }),
    write_date: { type: 'datetime', string: 'Last Updated on', readonly: true },
    ...(version === 16 ? { __last_update: { type: 'datetime', string: 'Last Modified on', readonly: true, store: false } as FieldDef } : {}),
  };
}

export const MO_STATES: [string, string][] = [
  ['draft', 'Draft'],
  ['confirmed', 'Confirmed'],
  ['progress', 'In Progress'],
  ['to_close', 'To Close'],
  ['done', 'Done'],
  ['cancel', 'Cancelled'],
];

/**
 * mrp.production. 16.0 has date_planned_start / date_planned_finished (planned) and date_start / date_finished
 * (actual); 17.0 renamed the planned pair to date_start / date_finished and dropped the separate actual dates.
 */
function productionFields(version: OdooVersion): Record<string, FieldDef> {
  const dates: Record<string, FieldDef> =
    version === 16
      ? {
          date_planned_start: { type: 'datetime', string: 'Scheduled Date', required: true },
          date_planned_finished: { type: 'datetime', string: 'Scheduled End Date' },
          date_deadline: { type: 'datetime', string: 'Deadline' },
          date_start: { type: 'datetime', string: 'Start Date', readonly: true },
          date_finished: { type: 'datetime', string: 'End Date', readonly: true },
        }
      : {
          date_start: { type: 'datetime', string: 'Start', required: true },
          date_finished: { type: 'datetime', string: 'End' },
          date_deadline: { type: 'datetime', string: 'Deadline' },
        };
  return {
    name: { type: 'char', string: 'Reference', required: true, readonly: true },
    priority: { type: 'selection', string: 'Priority', selection: [['0', 'Normal'], ['1', 'Urgent']] },
    origin: { type: 'char', string: 'Source', help: 'Reference of the document that generated this production order request.' },
    product_id: m2o('Product', 'product.product', { required: true }),
    product_qty: { type: 'float', string: 'Quantity To Produce', required: true },
    product_uom_id: m2o('Product Unit of Measure', 'uom.uom', { required: true }),
    qty_producing: { type: 'float', string: 'Quantity Producing' },
    state: { type: 'selection', string: 'State', selection: MO_STATES, readonly: true },
    ...dates,
    user_id: m2o('Responsible', 'res.users'),
    company_id: m2o('Company', 'res.company', { required: true }),
    ...magicFields(version),
  };
}

function nameOf(row: Row): string {
  return typeof row['name'] === 'string' ? row['name'] : '';
}

/** product.product's name_get: `[default_code] name`. */
function productDisplayName(row: Row): string {
  const code = row['default_code'];
  return typeof code === 'string' && code ? `[${code}] ${nameOf(row)}` : nameOf(row);
}

export function modelDefs(version: OdooVersion): ModelDef[] {
  const magic = magicFields(version);
  return [
    {
      name: 'mrp.production',
      description: 'Production Order',
      order: version === 16 ? 'priority desc, date_planned_start asc,id' : 'priority desc, date_start asc,id',
      fields: productionFields(version),
      displayName: nameOf,
    },
    {
      name: 'product.product',
      description: 'Product Variant',
      order: 'priority desc, default_code, name, id',
      fields: {
        name: { type: 'char', string: 'Name', required: true },
        default_code: { type: 'char', string: 'Internal Reference' },
        priority: { type: 'selection', string: 'Favorite', selection: [['0', 'Normal'], ['1', 'Favorite']] },
        categ_id: m2o('Product Category', 'product.category', { required: true }),
        uom_id: m2o('Unit of Measure', 'uom.uom', { required: true }),
        detailed_type: { type: 'selection', string: 'Product Type', selection: [['consu', 'Consumable'], ['service', 'Service'], ['product', 'Storable Product']] },
        active: { type: 'boolean', string: 'Active' },
        ...magic,
      },
      displayName: productDisplayName,
    },
    {
      name: 'product.category',
      description: 'Product Category',
      order: 'complete_name',
      fields: {
        name: { type: 'char', string: 'Name', required: true },
        complete_name: { type: 'char', string: 'Complete Name' },
        parent_id: m2o('Parent Category', 'product.category'),
        ...magic,
      },
      displayName: (row) => (typeof row['complete_name'] === 'string' ? row['complete_name'] : nameOf(row)),
    },
    {
      name: 'uom.uom',
      description: 'Product Unit of Measure',
      order: 'factor DESC, id',
      fields: {
        name: { type: 'char', string: 'Unit of Measure', required: true },
        uom_type: { type: 'selection', string: 'Type', selection: [['bigger', 'Bigger than the reference Unit of Measure'], ['reference', 'Reference Unit of Measure for this category'], ['smaller', 'Smaller than the reference Unit of Measure']] },
        factor: { type: 'float', string: 'Ratio' },
        rounding: { type: 'float', string: 'Rounding Precision' },
        active: { type: 'boolean', string: 'Active' },
        ...magic,
      },
      displayName: nameOf,
    },
    {
      name: 'res.company',
      description: 'Companies',
      order: 'sequence, name',
      fields: { name: { type: 'char', string: 'Company Name', required: true }, sequence: { type: 'integer', string: 'Sequence' }, ...magic },
      displayName: nameOf,
    },
    {
      name: 'res.users',
      description: 'User',
      order: 'name, login',
      fields: { name: { type: 'char', string: 'Name' }, login: { type: 'char', string: 'Login', required: true }, ...magic },
      displayName: nameOf,
    },
  ];
}
