import {
  expectedLineTotal,
  money,
  sumLineTotals,
  toMoneyString,
  type CreatePurchaseOrderDto,
  type CreateSaleOrderDto,
  type ProductLineDto,
  type PurchaseLineDto,
  type ServiceLineDto,
  type OrderKind,
  type PartySummary,
  type PurchaseLineResponse,
  type SaleProductLineResponse,
  type SaleServiceLineResponse,
} from '@simpul/contracts';
import type {
  AnyLineDto,
  AnyOrder,
  CreateOrderDto,
  LineKind,
  UpdateOrderDto,
} from '../api/orders';
import { orderNumber, orderParty, orderPartyId } from '../api/orders';
import { typedDecimal } from './decimal-input';
import { jakartaToday } from './format';

/** What a line picker remembers about the chosen part or service. */
export interface PickedItem {
  id: string;
  nama: string;
  kode?: string;
  harga: string;
  /** Parts only, when the picker knew it. */
  stock?: string;
  unit?: string;
}

/** One editable line. Amounts stay strings exactly as typed. */
export interface EditorLine {
  /** Local key for rendering. */
  key: string;
  /** The server's line id, once the line exists there. */
  id: string | null;
  item: PickedItem | null;
  description: string;
  qty: string;
  unit_price: string;
  discount: string;
  /** Sale product lines only; empty = not recorded. */
  hpp: string;
}

export interface OrderFormState {
  number: string;
  order_date: string;
  party: PartySummary | null;
  nama: string;
  alamat: string;
  hp: string;
  keterangan: string;
  product_lines: EditorLine[];
  service_lines: EditorLine[];
  /** When false the subtotal follows the lines total; when true `subtotal` holds what the person typed. */
  subtotalManual: boolean;
  subtotal: string;
  tax: string;
}

let keySeq = 0;
export function newLineKey(): string {
  keySeq += 1;
  return `line-${Date.now().toString(36)}-${keySeq}`;
}

export function emptyLine(): EditorLine {
  return { key: newLineKey(), id: null, item: null, description: '', qty: '1', unit_price: '', discount: '0', hpp: '' };
}

/** A suggestion for a new order number, e.g. `SO-20250301-143205` (Jakarta time); editable. */
export function suggestOrderNumber(kind: OrderKind, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Jakarta',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${kind === 'sale' ? 'SO' : 'PO'}-${jakartaToday(now).replace(/-/g, '')}-${get('hour')}${get('minute')}${get('second')}`;
}

export function emptyOrderForm(kind: OrderKind, now: Date = new Date()): OrderFormState {
  return {
    number: suggestOrderNumber(kind, now),
    order_date: jakartaToday(now),
    party: null,
    nama: '',
    alamat: '',
    hp: '',
    keterangan: '',
    product_lines: [],
    service_lines: [],
    subtotalManual: false,
    subtotal: '',
    tax: '0',
  };
}

/** Picks a line's part or service: the description and price follow the item unless the person changed them. */
export function applyPickedItem(line: EditorLine, item: PickedItem | null): void {
  const previous = line.item;
  line.item = item;
  if (!item) return;
  if (!line.description.trim() || line.description === previous?.nama) line.description = item.nama;
  if (!line.unit_price.trim() || (previous && typedDecimal(line.unit_price) !== null && money(line.unit_price).equals(money(previous.harga)))) {
    line.unit_price = item.harga;
  }
}

/** Choosing the party fills the snapshot fields (which stay editable). */
export function applyParty(form: OrderFormState, party: PartySummary | null): void {
  form.party = party;
  if (!party) return;
  form.nama = party.nama;
  form.alamat = party.alamat ?? '';
  form.hp = party.hp ?? '';
}

function lineFromResponse(line: SaleProductLineResponse | SaleServiceLineResponse | PurchaseLineResponse): EditorLine {
  let item: PickedItem | null = null;
  if ('product_id' in line) {
    item = line.product
      ? { id: line.product.id, nama: line.product.nama, kode: line.product.kode, harga: line.product.harga }
      : { id: line.product_id, nama: line.description, harga: line.unit_price };
  } else {
    item = line.service
      ? { id: line.service.id, nama: line.service.nama, harga: line.service.harga }
      : { id: line.service_id, nama: line.description, harga: line.unit_price };
  }
  return {
    key: newLineKey(),
    id: line.id,
    item,
    description: line.description,
    qty: line.qty,
    unit_price: line.unit_price,
    discount: line.discount,
    hpp: 'hpp' in line && line.hpp !== null ? line.hpp : '',
  };
}

function byLineNumber<T extends { line_number: number }>(lines: readonly T[] | undefined): T[] {
  return [...(lines ?? [])].sort((a, b) => a.line_number - b.line_number);
}

/** The editor state of an existing (draft) order. */
export function formFromOrder(order: AnyOrder): OrderFormState {
  const party = orderParty(order) ?? null;
  const serviceLines = 'service_lines' in order ? order.service_lines : undefined;
  return {
    number: orderNumber(order),
    order_date: order.order_date,
    party: party ?? { id: orderPartyId(order), nama: order.nama ?? '', alamat: null, hp: null, email: null },
    nama: order.nama ?? '',
    alamat: order.alamat ?? '',
    hp: order.hp ?? '',
    keterangan: order.keterangan ?? '',
    product_lines: byLineNumber<SaleProductLineResponse | PurchaseLineResponse>(order.product_lines).map(lineFromResponse),
    service_lines: byLineNumber(serviceLines).map(lineFromResponse),
    subtotalManual: !money(order.subtotal).equals(money(order.lines_total)),
    subtotal: order.subtotal,
    tax: order.tax,
  };
}

/** A typed amount as sent to the API: the exact typed decimal, or the raw text so validation can point at it. */
function amount(value: string, fallback?: string): string {
  const trimmed = value.trim();
  if (!trimmed && fallback !== undefined) return fallback;
  return typedDecimal(trimmed) ?? trimmed;
}

/** `qty × unit_price − discount` with the shared rule, or '' when an input is not a number yet. */
export function lineTotalOf(line: Pick<EditorLine, 'qty' | 'unit_price' | 'discount'>): string | null {
  const qty = typedDecimal(line.qty);
  const price = typedDecimal(line.unit_price);
  const discount = line.discount.trim() === '' ? '0' : typedDecimal(line.discount);
  if (qty === null || price === null || discount === null) return null;
  return expectedLineTotal({ qty, unit_price: price, discount });
}

/** The line DTO (line numbers follow the order on screen, from 1). */
export function toLineDto(kind: OrderKind, lineKind: LineKind, line: EditorLine, lineNumber: number): AnyLineDto {
  const base = {
    line_number: lineNumber,
    description: line.description.trim(),
    qty: amount(line.qty),
    unit_price: amount(line.unit_price),
    discount: amount(line.discount, '0'),
    line_total: lineTotalOf(line) ?? '',
  };
  if (lineKind === 'service') return { ...base, service_id: line.item?.id ?? '' };
  if (kind === 'sale' && line.hpp.trim() !== '') return { ...base, product_id: line.item?.id ?? '', hpp: amount(line.hpp) };
  return { ...base, product_id: line.item?.id ?? '' };
}

/** Subtotal, tax and total as sent: total is always subtotal + tax (the server refuses anything else). */
export interface HeaderAmounts {
  subtotal: string;
  tax: string;
  total: string;
}

export interface OrderSummary {
  productTotal: string;
  serviceTotal: string;
  linesTotal: string;
  /** Some line cannot be totalled yet (missing or malformed number). */
  incomplete: boolean;
  /** The subtotal to send: the lines total unless one was typed; null while the typed one is malformed. */
  subtotal: string | null;
  tax: string | null;
  /** subtotal + tax, or null while either is malformed. */
  total: string | null;
  /** A typed subtotal that no longer matches the lines. */
  subtotalDiffers: boolean;
  /** What goes into the DTO (malformed text passes through so validation can point at it). */
  amounts: HeaderAmounts;
}

function sumLines(lines: readonly EditorLine[]): string {
  return sumLineTotals(lines.map((l) => ({ line_total: lineTotalOf(l) ?? '0' })));
}

function typedMoneyOrNull(raw: string, emptyAs: string | null): string | null {
  const trimmed = raw.trim();
  if (trimmed === '') return emptyAs;
  const typed = typedDecimal(trimmed);
  return typed === null ? null : toMoneyString(typed);
}

/** The editor's totals with the shared decimal rules: `line_total = qty × unit_price − discount`, `total = subtotal + tax`. */
export function orderSummary(form: OrderFormState): OrderSummary {
  const productTotal = sumLines(form.product_lines);
  const serviceTotal = sumLines(form.service_lines);
  const linesTotal = toMoneyString(money(productTotal).plus(money(serviceTotal)));
  const incomplete = [...form.product_lines, ...form.service_lines].some((l) => lineTotalOf(l) === null);
  const subtotal = form.subtotalManual ? typedMoneyOrNull(form.subtotal, null) : linesTotal;
  const tax = typedMoneyOrNull(form.tax, '0.00');
  const total = subtotal === null || tax === null ? null : toMoneyString(money(subtotal).plus(money(tax)));
  return {
    productTotal,
    serviceTotal,
    linesTotal,
    incomplete,
    subtotal,
    tax,
    total,
    subtotalDiffers: subtotal !== null && !money(subtotal).equals(money(linesTotal)),
    amounts: { subtotal: subtotal ?? form.subtotal.trim(), tax: tax ?? form.tax.trim(), total: total ?? '' },
  };
}

/** The body of `POST /sale-orders` or `/purchase-orders` (status draft, lines included). */
export function toCreateDto(kind: OrderKind, form: OrderFormState, amounts: HeaderAmounts): CreateOrderDto {
  const optional = (v: string) => (v.trim() === '' ? undefined : v.trim());
  const header = {
    order_date: form.order_date,
    status: 'draft' as const,
    subtotal: amounts.subtotal,
    tax: amounts.tax,
    total: amounts.total,
    nama: optional(form.nama),
    alamat: optional(form.alamat),
    hp: optional(form.hp),
    keterangan: optional(form.keterangan),
  };
  const product_lines = form.product_lines.map((l, i) => toLineDto(kind, 'product', l, i + 1));
  if (kind === 'sale') {
    const service_lines = form.service_lines.map((l, i) => toLineDto(kind, 'service', l, i + 1));
    const dto: CreateSaleOrderDto = {
      ...header,
      order_number: form.number.trim(),
      customer_id: form.party?.id ?? '',
      product_lines: product_lines as ProductLineDto[],
      service_lines: service_lines as ServiceLineDto[],
    };
    return dto;
  }
  const dto: CreatePurchaseOrderDto = {
    ...header,
    po_number: form.number.trim(),
    vendor_id: form.party?.id ?? '',
    product_lines: product_lines as PurchaseLineDto[],
  };
  return dto;
}

export interface LineOp {
  lineKind: LineKind;
  /** Server id (updates and removals). */
  id?: string;
  /** Local key (adds), to record the new id on the editor line. */
  key?: string;
  dto?: AnyLineDto;
}

export interface DraftUpdatePlan {
  header: UpdateOrderDto;
  removes: LineOp[];
  updates: LineOp[];
  adds: LineOp[];
}

function sameAmount(a: unknown, b: unknown): boolean {
  if (a === undefined || a === null || a === '') return b === undefined || b === null || b === '';
  if (b === undefined || b === null || b === '') return false;
  try {
    return money(String(a)).equals(money(String(b)));
  } catch {
    return false;
  }
}

function lineChanged(dto: AnyLineDto, original: SaleProductLineResponse | SaleServiceLineResponse | PurchaseLineResponse): boolean {
  const o = original as unknown as Record<string, unknown>;
  const d = dto as unknown as Record<string, unknown>;
  if (d['line_number'] !== o['line_number'] || d['description'] !== o['description']) return true;
  if ('product_id' in d && d['product_id'] !== o['product_id']) return true;
  if ('service_id' in d && d['service_id'] !== o['service_id']) return true;
  for (const f of ['qty', 'unit_price', 'discount', 'line_total']) if (!sameAmount(d[f], o[f])) return true;
  if ('hpp' in o && !sameAmount(d['hpp'], o['hpp'])) return true;
  return false;
}

/**
 * What saving an edited draft has to send: a PATCH of the header fields that changed, and per line an add,
 * update or removal through the line endpoints. `create` is the full create-shaped body of the edited form.
 */
export function planDraftUpdate(kind: OrderKind, original: AnyOrder, form: OrderFormState, create: CreateOrderDto): DraftUpdatePlan {
  const header: Record<string, unknown> = {};
  const c = create as unknown as Record<string, unknown>;
  const numberField = kind === 'sale' ? 'order_number' : 'po_number';
  const partyField = kind === 'sale' ? 'customer_id' : 'vendor_id';
  if (c[numberField] !== orderNumber(original)) header[numberField] = c[numberField];
  if (c[partyField] !== orderPartyId(original)) header[partyField] = c[partyField];
  if (create.order_date !== original.order_date) header['order_date'] = create.order_date;
  for (const f of ['subtotal', 'tax', 'total'] as const) if (!sameAmount(create[f], original[f])) header[f] = create[f];
  for (const f of ['nama', 'alamat', 'hp', 'keterangan'] as const) {
    const next = create[f] ?? null;
    if (next !== (original[f] ?? null)) header[f] = next;
  }

  const removes: LineOp[] = [];
  const updates: LineOp[] = [];
  const adds: LineOp[] = [];
  const groups: [LineKind, EditorLine[], readonly (SaleProductLineResponse | SaleServiceLineResponse | PurchaseLineResponse)[]][] = [
    ['product', form.product_lines, original.product_lines ?? []],
  ];
  if (kind === 'sale') groups.push(['service', form.service_lines, ('service_lines' in original ? original.service_lines : undefined) ?? []]);
  for (const [lineKind, lines, originals] of groups) {
    const kept = new Set(lines.map((l) => l.id).filter((id): id is string => !!id));
    for (const o of originals) if (!kept.has(o.id)) removes.push({ lineKind, id: o.id });
    lines.forEach((line, i) => {
      const dto = toLineDto(kind, lineKind, line, i + 1);
      const o = line.id ? originals.find((x) => x.id === line.id) : undefined;
      if (!o) adds.push({ lineKind, key: line.key, dto });
      else if (lineChanged(dto, o)) updates.push({ lineKind, id: o.id, dto });
    });
  }
  return { header: header as UpdateOrderDto, removes, updates, adds };
}
