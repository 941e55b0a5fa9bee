import type { MoCacheItem, OdooMoItem } from '@simpul/contracts';
import { OdooRpcError } from './odoo-client';

/** Planned start: `date_planned_start` up to Odoo 16, `date_start` from 17 (where 16's `date_start` is the actual start). */
export const START_FIELD_16 = 'date_planned_start';
export const START_FIELD_17 = 'date_start';

/** The mrp.production fields the sync reads. Odoo has no MO "note": the cache's `note` is the MO's Source (`origin`). */
export function productionFields(startField: string): string[] {
  return ['name', 'product_id', 'product_qty', 'product_uom_id', 'state', startField, 'create_date', 'origin', 'company_id'];
}

/** Picks the planned-start field from `fields_get` of mrp.production. */
export function detectStartField(fields: Record<string, unknown>): string {
  return START_FIELD_16 in fields ? START_FIELD_16 : START_FIELD_17;
}

/**
 * One MO as the cache stores it. Dates are ISO strings (UTC), quantity a decimal string. The record id identifies it
 * (within its Odoo database); the MO number is unique per company only.
 */
export interface MoRow {
  odoo_id: number;
  mo_number: string;
  production_type: string;
  sku_name: string;
  quantity: string;
  uom: string | null;
  note: string | null;
  state: string | null;
  scheduled_start: string | null;
  create_date: string | null;
  /** The company's name (`company_id`). */
  company: string | null;
}

const ODOO_DATETIME = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d+)?$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Odoo's datetime (`"YYYY-MM-DD HH:MM:SS"`, UTC, or `false`) → ISO 8601 with milliseconds, or null when it is not a
 * real date and time. Checked and rewritten by hand: a sync converts thousands of these, and `new Date(string)` made
 * that a tenth of the sync's time.
 */
export function odooDatetimeToIso(value: unknown): string | null {
  if (typeof value !== 'string' || !ODOO_DATETIME.test(value)) return null;
  const twoDigits = (at: number) => (value.charCodeAt(at) - 48) * 10 + value.charCodeAt(at + 1) - 48;
  const year = twoDigits(0) * 100 + twoDigits(2);
  const month = twoDigits(5);
  const day = twoDigits(8);
  const leapDay = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 1 : 0;
  if (month < 1 || month > 12 || day < 1 || day > (DAYS_IN_MONTH[month - 1] ?? 0) + leapDay) return null;
  if (twoDigits(11) > 23 || twoDigits(14) > 59 || twoDigits(17) > 59) return null;
  const millis = value.length > 20 ? value.slice(20, 23).padEnd(3, '0') : '000';
  return `${value.slice(0, 10)}T${value.slice(11, 19)}.${millis}Z`;
}

/** A Date → Odoo's UTC datetime string, for domains. */
export function toOdooDatetime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** many2one `[id, "Display Name"]` (or `false`) → the display name. */
export function many2oneName(value: unknown): string | null {
  if (Array.isArray(value) && value.length >= 2 && typeof value[1] === 'string') return value[1];
  return null;
}

export function many2oneId(value: unknown): number | null {
  return Array.isArray(value) && typeof value[0] === 'number' ? value[0] : null;
}

/** Odoo's char fields: `false` when empty. */
export function odooText(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * A float as Odoo sends it (`120.0` arrives as the number 120) → an exact decimal string for a `numeric` column.
 * Python writes the shortest repr that round-trips, and so does JavaScript, so no float noise is introduced.
 */
export function odooQuantity(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) {
    const s = String(value);
    if (!/e/i.test(s)) return s;
    if (Math.abs(value) >= 1e21) return BigInt(value).toString();
    return value.toFixed(20).replace(/\.?0+$/, '');
  }
  if (value === false || value === null || value === undefined) return '0';
  throw new OdooRpcError('bad_response', `Odoo sent a quantity that is not a number (${JSON.stringify(value)}).`);
}

/** An mrp.production record from `search_read` → the cache row. */
export function mapProduction(record: Record<string, unknown>, startField: string, productionType: string): MoRow {
  const id = record['id'];
  const name = record['name'];
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) {
    throw new OdooRpcError('bad_response', `Odoo sent an mrp.production record without an id (name ${JSON.stringify(name)}).`);
  }
  if (typeof name !== 'string' || name === '') {
    throw new OdooRpcError('bad_response', `Odoo sent an mrp.production record without a name (id ${id}).`);
  }
  return {
    odoo_id: id,
    mo_number: name,
    production_type: productionType,
    sku_name: many2oneName(record['product_id']) ?? '',
    quantity: odooQuantity(record['product_qty']),
    uom: many2oneName(record['product_uom_id']),
    note: odooText(record['origin']),
    state: odooText(record['state']),
    scheduled_start: odooDatetimeToIso(record[startField]),
    create_date: odooDatetimeToIso(record['create_date']),
    company: many2oneName(record['company_id']),
  };
}

/** A live Odoo record → the `mo-list` item. */
export function toOdooMoItem(row: MoRow, productionType: string | null): OdooMoItem {
  return {
    odoo_id: row.odoo_id,
    mo_number: row.mo_number,
    production_type: productionType,
    sku_name: row.sku_name,
    quantity: row.quantity,
    uom: row.uom,
    note: row.note,
    state: row.state,
    scheduled_start: row.scheduled_start,
    create_date: row.create_date,
    company: row.company,
  };
}

export interface CacheDbRow {
  mo_number: string;
  odoo_id: number;
  production_type: string;
  sku_name: string;
  quantity: string;
  uom: string | null;
  note: string | null;
  state: string | null;
  scheduled_start: Date | null;
  create_date: Date | null;
  company: string | null;
  last_updated: Date;
  changed_at: Date;
  missing_since: Date | null;
}

export function toMoCacheItem(r: CacheDbRow): MoCacheItem {
  return {
    mo_number: r.mo_number,
    odoo_id: r.odoo_id,
    production_type: r.production_type,
    sku_name: r.sku_name,
    quantity: r.quantity,
    uom: r.uom,
    note: r.note,
    state: r.state,
    scheduled_start: r.scheduled_start?.toISOString() ?? null,
    create_date: r.create_date?.toISOString() ?? null,
    company: r.company,
    last_updated: r.last_updated.toISOString(),
    changed_at: r.changed_at.toISOString(),
    missing_since: r.missing_since?.toISOString() ?? null,
  };
}
