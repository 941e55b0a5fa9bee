/**
 * Deterministic seed data: Odoo's mrp demo (the four MOs of the captures, ids 1-4, dated 2026-11-22 as captured) plus
 * `moCount` generated manufacturing orders for liquid / device / cartridge / other products, created over the 60 days
 * before `now`. Same options → same data.
 *
 * MO names come from one sequence per company, as in Odoo (`mrp.production` `name` is unique per company only), and
 * both companies' warehouses have the code `WH`: the two companies' MOs therefore repeat each other's names.
 */
import { MutableRow, OdooDatabase, OdooVersion, modelDefs } from './models';

export interface SeedUser {
  uid: number;
  login: string;
  name: string;
}

export interface SeedOptions {
  db: string;
  version: OdooVersion;
  moCount: number;
  seed: number;
  now: Date;
  users: SeedUser[];
}

/** mulberry32: tiny, fast and good enough for test data. */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Odoo's datetime wire format: UTC, no `T`, no zone. */
export function odooDatetime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

const DEMO_STAMP = '2026-11-22 08:32:07';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Kind = 'liquid' | 'device' | 'cartridge' | 'other';

interface ProductSeed {
  id: number;
  code: string;
  name: string;
  categ: number;
  kind: Kind;
}

const CATEGORIES: Array<{ id: number; name: string; parent: number | false }> = [
  { id: 1, name: 'All', parent: false },
  { id: 2, name: 'Saleable', parent: 1 },
  { id: 3, name: 'Office Furniture', parent: 2 },
  { id: 4, name: 'Liquid', parent: 2 },
  { id: 5, name: 'Device', parent: false },
  { id: 6, name: 'Cartridge', parent: false },
  { id: 7, name: 'Accessories', parent: 2 },
  { id: 8, name: 'Components', parent: 1 },
];

const UOMS: Array<{ id: number; name: string; type: string; factor: number; rounding: number }> = [
  { id: 1, name: 'Units', type: 'reference', factor: 1, rounding: 0.01 },
  { id: 2, name: 'Dozens', type: 'bigger', factor: 1 / 12, rounding: 0.01 },
  { id: 3, name: 'kg', type: 'reference', factor: 1, rounding: 0.01 },
  { id: 4, name: 'g', type: 'smaller', factor: 1000, rounding: 0.01 },
  { id: 10, name: 'L', type: 'reference', factor: 1, rounding: 0.01 },
  { id: 11, name: 'mL', type: 'smaller', factor: 1000, rounding: 0.01 },
];

/** The demo products the captured MOs use keep their demo ids. */
const DEMO_PRODUCTS: ProductSeed[] = [
  { id: 8, code: 'FURN_7800', name: 'Desk Combination', categ: 3, kind: 'other' },
  { id: 32, code: 'FURN_8855', name: 'Drawer', categ: 3, kind: 'other' },
  { id: 37, code: 'FURN_9666', name: 'Table', categ: 3, kind: 'other' },
  { id: 38, code: 'FURN_8522', name: 'Table Top', categ: 3, kind: 'other' },
];

function generatedProducts(): ProductSeed[] {
  const list: ProductSeed[] = [];
  let id = 60;
  const flavours: Array<[string, string]> = [['MGI', 'Mango Ice'], ['STB', 'Strawberry Bubblegum'], ['TBC', 'Classic Tobacco'], ['MNT', 'Cool Mint'], ['GRP', 'Grape Soda'], ['LYC', 'Lychee Tea']];
  for (const [code, name] of flavours) {
    for (const [size, nic] of [[30, 3], [60, 6]] as const) {
      list.push({ id: id++, code: `LQ-${code}-${size}-${String(nic).padStart(2, '0')}`, name: `${name} ${size}ml ${nic}mg`, categ: 4, kind: 'liquid' });
    }
  }
  for (const [code, name] of [['NOVA-BLK', 'Nova Pod Kit Black'], ['NOVA-SLV', 'Nova Pod Kit Silver'], ['ORBX-BLU', 'Orbix Mod 80W Blue'], ['ORBX-RED', 'Orbix Mod 80W Red'], ['STIX-GRN', 'Stix Disposable Green']]) {
    list.push({ id: id++, code: `DV-${code}`, name, categ: 5, kind: 'device' });
  }
  for (const [code, name] of [['NOVA-08', 'Nova Cartridge 0.8 ohm'], ['NOVA-12', 'Nova Cartridge 1.2 ohm'], ['ORBX-MSH', 'Orbix Mesh Coil Cartridge'], ['PODX-06', 'PodX Refillable Cartridge 0.6 ohm']]) {
    list.push({ id: id++, code: `CT-${code}`, name, categ: 6, kind: 'cartridge' });
  }
  for (const [code, name, categ] of [['AC-USBC', 'USB-C Charging Cable', 7], ['AC-LYRD', 'Lanyard', 7], ['CP-BOTTLE30', 'Empty Bottle 30ml', 8]] as const) {
    list.push({ id: id++, code, name, categ, kind: 'other' });
  }
  return list;
}

function categoryPath(id: number): string {
  const byId = new Map(CATEGORIES.map((c) => [c.id, c]));
  const names: string[] = [];
  for (let c = byId.get(id); c; c = c.parent === false ? undefined : byId.get(c.parent)) names.unshift(c.name);
  return names.join(' / ');
}

function audit(stamp: string, version: OdooVersion): MutableRow {
  return { create_uid: 1, create_date: stamp, write_uid: 1, write_date: stamp, ...(version === 16 ? { __last_update: stamp } : {}) };
}

function seedReferenceData(db: OdooDatabase, opts: SeedOptions, products: ProductSeed[]): void {
  const stamp = DEMO_STAMP;
  const v = opts.version;
  const companies = db.mustTable('res.company');
  companies.insert({ id: 1, name: 'My Company (San Francisco)', sequence: 0, display_name: 'My Company (San Francisco)', ...audit(stamp, v) });
  companies.insert({ id: 2, name: 'My Company (Chicago)', sequence: 10, display_name: 'My Company (Chicago)', ...audit(stamp, v) });
  const users = db.mustTable('res.users');
  users.insert({ id: 1, name: 'OdooBot', login: '__system__', display_name: 'OdooBot', ...audit(stamp, v) });
  for (const u of opts.users.filter((x) => x.uid !== 1)) users.insert({ id: u.uid, name: u.name, login: u.login, display_name: u.name, ...audit(stamp, v) });
  const uoms = db.mustTable('uom.uom');
  for (const u of UOMS) uoms.insert({ id: u.id, name: u.name, display_name: u.name, uom_type: u.type, factor: u.factor, rounding: u.rounding, active: true, ...audit(stamp, v) });
  const categories = db.mustTable('product.category');
  for (const c of CATEGORIES) {
    const complete = categoryPath(c.id);
    categories.insert({ id: c.id, name: c.name, complete_name: complete, display_name: complete, parent_id: c.parent, ...audit(stamp, v) });
  }
  const productTable = db.mustTable('product.product');
  for (const p of [...products].sort((a, b) => a.id - b.id)) {
    const row: MutableRow = { id: p.id, name: p.name, default_code: p.code, priority: '0', categ_id: p.categ, uom_id: 1, detailed_type: 'product', active: true, ...audit(stamp, v) };
    row['display_name'] = productTable.def.displayName(row);
    productTable.insert(row);
  }
}

interface DemoMo {
  id: number;
  product: number;
  qty: number;
  state: string;
  planned: string;
}

const DEMO_MOS: DemoMo[] = [
  { id: 1, product: 8, qty: 3, state: 'draft', planned: '2026-11-22 08:32:10' },
  { id: 2, product: 37, qty: 1, state: 'confirmed', planned: '2026-11-23 08:32:00' },
  { id: 3, product: 38, qty: 2, state: 'confirmed', planned: '2026-11-22 08:32:10' },
  { id: 4, product: 32, qty: 5, state: 'done', planned: '2026-11-22 08:32:11' },
];

/** Each company's warehouse code, the prefix of its MO names (`WH/MO/00005`); both are `WH`, as the issue found. */
const WAREHOUSE_CODES = new Map<number, string>([
  [1, 'WH'],
  [2, 'WH'],
]);

/**
 * The `mrp.production` sequence of each company (ir.sequence per picking type, so per warehouse and company): the
 * next MO of a company takes that company's next number.
 */
class MoSequences {
  private readonly next = new Map<number, number>();

  take(company: number): string {
    const n = this.next.get(company) ?? 1;
    this.next.set(company, n + 1);
    return `${WAREHOUSE_CODES.get(company) ?? 'WH'}/MO/${String(n).padStart(5, '0')}`;
  }
}

/** The fields whose names differ between 16 and 17: planned vs actual start/end. */
function dateFields(version: OdooVersion, planned: string, plannedEnd: string, actualStart: string | false, actualEnd: string | false): MutableRow {
  if (version === 16) return { date_planned_start: planned, date_planned_finished: plannedEnd, date_start: actualStart, date_finished: actualEnd };
  return { date_start: planned, date_finished: actualEnd || plannedEnd };
}

function seedDemoMos(db: OdooDatabase, version: OdooVersion, sequences: MoSequences): void {
  const table = db.mustTable('mrp.production');
  for (const mo of DEMO_MOS) {
    const name = sequences.take(1);
    const plannedEnd = odooDatetime(new Date(Date.parse(`${mo.planned.replace(' ', 'T')}Z`) + HOUR));
    const finished = mo.state === 'done' ? '2026-11-22 08:32:11' : false;
    table.insert({
      id: mo.id,
      name,
      display_name: name,
      priority: '0',
      origin: false,
      product_id: mo.product,
      product_qty: mo.qty,
      product_uom_id: 1,
      qty_producing: mo.state === 'done' ? mo.qty : 0,
      state: mo.state,
      ...dateFields(version, mo.planned, plannedEnd, false, finished),
      date_deadline: false,
      user_id: 2,
      company_id: 1,
      ...audit(DEMO_STAMP, version),
      write_date: mo.state === 'done' ? '2026-11-22 08:32:11' : DEMO_STAMP,
      create_uid: 2,
      write_uid: 2,
    });
  }
}

/** Older orders are more likely finished; a few of any age are cancelled. */
function pickState(rng: () => number, ageDays: number): string {
  const r = rng();
  if (r < 0.04) return 'cancel';
  const table: Array<[string, number]> =
    ageDays > 14
      ? [['done', 0.8], ['to_close', 0.08], ['progress', 0.06], ['confirmed', 0.06]]
      : ageDays > 5
        ? [['done', 0.4], ['to_close', 0.1], ['progress', 0.2], ['confirmed', 0.25], ['draft', 0.05]]
        : [['done', 0.1], ['progress', 0.2], ['confirmed', 0.45], ['draft', 0.25]];
  let x = rng();
  for (const [state, p] of table) {
    if (x < p) return state;
    x -= p;
  }
  return 'confirmed';
}

function pickQuantity(rng: () => number, kind: Kind): number {
  switch (kind) {
    case 'liquid':
      return 50 + 10 * Math.floor(rng() * 46);
    case 'device':
      return 20 + 5 * Math.floor(rng() * 57);
    case 'cartridge':
      return 100 + 50 * Math.floor(rng() * 19);
    default:
      return 1 + Math.floor(rng() * 10) + (rng() < 0.2 ? 0.5 : 0);
  }
}

function pickOrigin(rng: () => number): string | false {
  const r = rng();
  if (r < 0.45) return false;
  if (r < 0.8) return `S${String(Math.floor(rng() * 900) + 10).padStart(5, '0')}`;
  return `OP/${String(Math.floor(rng() * 400) + 1).padStart(5, '0')}`;
}

function minuteRound(ms: number): number {
  return Math.floor(ms / MINUTE) * MINUTE;
}

function seedGeneratedMos(db: OdooDatabase, opts: SeedOptions, products: ProductSeed[], sequences: MoSequences): void {
  const rng = createRng(opts.seed);
  const table = db.mustTable('mrp.production');
  const now = opts.now.getTime();
  const created = Array.from({ length: opts.moCount }, () => now - Math.floor(rng() * 60 * DAY)).sort((a, b) => a - b);
  const weighted = products.filter((p) => p.kind !== 'other' || rng() < 0.5);
  created.forEach((createdAt, index) => {
    const id = DEMO_MOS.length + 1 + index;
    const product = weighted[Math.floor(rng() * weighted.length)] ?? products[0];
    if (!product) return;
    const ageDays = (now - createdAt) / DAY;
    const state = pickState(rng, ageDays);
    const scheduled = minuteRound(createdAt + rng() * 5 * DAY);
    // Work that has started was planned in the past.
    const planned = ['progress', 'to_close', 'done'].includes(state) ? Math.max(createdAt, Math.min(scheduled, now - HOUR)) : scheduled;
    const plannedEnd = planned + HOUR * (1 + Math.floor(rng() * 8));
    const started = ['progress', 'to_close', 'done'].includes(state) ? Math.min(now - MINUTE, planned + (rng() * 8 - 2) * HOUR) : null;
    const finished = state === 'done' && started !== null ? Math.min(now, started + HOUR * (1 + rng() * 9)) : null;
    const qty = pickQuantity(rng, product.kind);
    const lastChange = Math.max(createdAt, started ?? 0, finished ?? 0);
    const writeAt = Math.min(now, lastChange + Math.floor(rng() * HOUR));
    // Drawn in the order the fields are listed, the company last, so that each seed keeps the data it always had.
    const priority = rng() < 0.1 ? '1' : '0';
    const origin = pickOrigin(rng);
    const uom = product.kind === 'cartridge' && rng() < 0.1 ? 2 : 1;
    const producing = state === 'done' || state === 'to_close' ? qty : state === 'progress' ? Math.floor(qty * rng()) : 0;
    const deadline = rng() < 0.4 ? odooDatetime(new Date(minuteRound(plannedEnd + rng() * 10 * DAY))) : false;
    // Two companies of about the same size: their MO numbers advance together, so recent MOs share numbers too.
    const company = rng() < 0.5 ? 1 : 2;
    const name = sequences.take(company);
    table.insert({
      id,
      name,
      display_name: name,
      priority,
      origin,
      product_id: product.id,
      product_qty: qty,
      product_uom_id: uom,
      qty_producing: producing,
      state,
      ...dateFields(opts.version, odooDatetime(new Date(planned)), odooDatetime(new Date(plannedEnd)), started === null ? false : odooDatetime(new Date(started)), finished === null ? false : odooDatetime(new Date(finished))),
      date_deadline: deadline,
      user_id: 2,
      company_id: company,
      create_uid: 2,
      create_date: odooDatetime(new Date(createdAt)),
      write_uid: 2,
      write_date: odooDatetime(new Date(writeAt)),
      ...(opts.version === 16 ? { __last_update: odooDatetime(new Date(writeAt)) } : {}),
    });
  });
}

export function seedDatabase(opts: SeedOptions): OdooDatabase {
  const db = new OdooDatabase(opts.db, opts.version, modelDefs(opts.version));
  const products = [...DEMO_PRODUCTS, ...generatedProducts()];
  seedReferenceData(db, opts, products);
  const sequences = new MoSequences();
  seedDemoMos(db, opts.version, sequences);
  seedGeneratedMos(db, opts, products, sequences);
  return db;
}
