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
} from './orders.api';
import { orderNumber, orderParty, orderPartyId } from './orders.api';
import type { AppLocale } from '@/shared/i18n';
import { decimalForApi, decimalInputText, relocaleDecimalText, typedDecimal } from '@/shared/lib/decimal-input';
import { jakartaToday } from '@/shared/lib/format';

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

/** One editable line. Amounts stay strings exactly as typed, in the form's `numberLocale`. */
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
  /** The UI language the amount texts are written in (`1.500,5` in Indonesian is `1,500.5` in English). */
  numberLocale: AppLocale;
}

/** The app's default UI language, for callers that do not say (the SPA always does). */
const DEFAULT_NUMBER_LOCALE: AppLocale = 'id';

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

export function emptyOrderForm(kind: OrderKind, now: Date = new Date(), numberLocale: AppLocale = DEFAULT_NUMBER_LOCALE): OrderFormState {
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
    numberLocale,
  };
}

/** Picks a line's part or service: the description and price follow the item unless the person changed them. */
export function applyPickedItem(line: EditorLine, item: PickedItem | null, numberLocale: AppLocale = DEFAULT_NUMBER_LOCALE): void {
  const previous = line.item;
  line.item = item;
  if (!item) return;
  if (!line.description.trim() || line.description === previous?.nama) line.description = item.nama;
  const typedPrice = typedDecimal(line.unit_price, numberLocale);
  if (!line.unit_price.trim() || (previous && typedPrice !== null && money(typedPrice).equals(money(previous.harga)))) {
    line.unit_price = decimalInputText(item.harga, numberLocale);
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

function lineFromResponse(
  line: SaleProductLineResponse | SaleServiceLineResponse | PurchaseLineResponse,
  numberLocale: AppLocale,
): EditorLine {
  const text = (value: string) => decimalInputText(value, numberLocale);
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
    qty: text(line.qty),
    unit_price: text(line.unit_price),
    discount: text(line.discount),
    hpp: 'hpp' in line && line.hpp !== null ? text(line.hpp) : '',
  };
}

function byLineNumber<T extends { line_number: number }>(lines: readonly T[] | undefined): T[] {
  return [...(lines ?? [])].sort((a, b) => a.line_number - b.line_number);
}

/** The editor state of an existing (draft) order. */
export function formFromOrder(order: AnyOrder, numberLocale: AppLocale = DEFAULT_NUMBER_LOCALE): OrderFormState {
  const party = orderParty(order) ?? null;
  const serviceLines = 'service_lines' in order ? order.service_lines : undefined;
  const toLine = (line: SaleProductLineResponse | SaleServiceLineResponse | PurchaseLineResponse) => lineFromResponse(line, numberLocale);
  return {
    number: orderNumber(order),
    order_date: order.order_date,
    party: party ?? { id: orderPartyId(order), nama: order.nama ?? '', alamat: null, hp: null, email: null },
    nama: order.nama ?? '',
    alamat: order.alamat ?? '',
    hp: order.hp ?? '',
    keterangan: order.keterangan ?? '',
    product_lines: byLineNumber<SaleProductLineResponse | PurchaseLineResponse>(order.product_lines).map(toLine),
    service_lines: byLineNumber(serviceLines).map(toLine),
    subtotalManual: !money(order.subtotal).equals(money(order.lines_total)),
    subtotal: decimalInputText(order.subtotal, numberLocale),
    tax: decimalInputText(order.tax, numberLocale),
    numberLocale,
  };
}

/** Switches the form to another UI language's separators, keeping every amount's value. */
export function setNumberLocale(form: OrderFormState, numberLocale: AppLocale): void {
  const from = form.numberLocale;
  if (from === numberLocale) return;
  const move = (text: string) => relocaleDecimalText(text, from, numberLocale);
  for (const line of [...form.product_lines, ...form.service_lines]) {
    line.qty = move(line.qty);
    line.unit_price = move(line.unit_price);
    line.discount = move(line.discount);
    line.hpp = move(line.hpp);
  }
  form.subtotal = move(form.subtotal);
  form.tax = move(form.tax);
  form.numberLocale = numberLocale;
}

/** A typed amount as sent to the API: the exact typed decimal, or the raw text so validation can point at it. */
function amount(value: string, numberLocale: AppLocale, fallback?: string): string {
  if (!value.trim() && fallback !== undefined) return fallback;
  return decimalForApi(value, numberLocale);
}

/** A line's qty, unit price and discount as decimal strings, or null while one is not a number yet. */
export function lineAmountsOf(
  line: Pick<EditorLine, 'qty' | 'unit_price' | 'discount'>,
  numberLocale: AppLocale = DEFAULT_NUMBER_LOCALE,
): { qty: string; unit_price: string; discount: string } | null {
  const qty = typedDecimal(line.qty, numberLocale);
  const price = typedDecimal(line.unit_price, numberLocale);
  const discount = line.discount.trim() === '' ? '0' : typedDecimal(line.discount, numberLocale);
  if (qty === null || price === null || discount === null) return null;
  return { qty, unit_price: price, discount };
}

/** `qty × unit_price − discount` with the shared rule, or null when an input is not a number yet. */
export function lineTotalOf(
  line: Pick<EditorLine, 'qty' | 'unit_price' | 'discount'>,
  numberLocale: AppLocale = DEFAULT_NUMBER_LOCALE,
): string | null {
  const amounts = lineAmountsOf(line, numberLocale);
  return amounts === null ? null : expectedLineTotal(amounts);
}

/** The line DTO (line numbers follow the order on screen, from 1). */
export function toLineDto(
  kind: OrderKind,
  lineKind: LineKind,
  line: EditorLine,
  lineNumber: number,
  numberLocale: AppLocale = DEFAULT_NUMBER_LOCALE,
): AnyLineDto {
  const base = {
    line_number: lineNumber,
    description: line.description.trim(),
    qty: amount(line.qty, numberLocale),
    unit_price: amount(line.unit_price, numberLocale),
    discount: amount(line.discount, numberLocale, '0'),
    line_total: lineTotalOf(line, numberLocale) ?? '',
  };
  if (lineKind === 'service') return { ...base, service_id: line.item?.id ?? '' };
  if (kind === 'sale' && line.hpp.trim() !== '') return { ...base, product_id: line.item?.id ?? '', hpp: amount(line.hpp, numberLocale) };
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

function sumLines(lines: readonly EditorLine[], numberLocale: AppLocale): string {
  return sumLineTotals(lines.map((l) => ({ line_total: lineTotalOf(l, numberLocale) ?? '0' })));
}

function typedMoneyOrNull(raw: string, emptyAs: string | null, numberLocale: AppLocale): string | null {
  const trimmed = raw.trim();
  if (trimmed === '') return emptyAs;
  const typed = typedDecimal(trimmed, numberLocale);
  return typed === null ? null : toMoneyString(typed);
}

/** The editor's totals with the shared decimal rules: `line_total = qty × unit_price − discount`, `total = subtotal + tax`. */
export function orderSummary(form: OrderFormState): OrderSummary {
  const productTotal = sumLines(form.product_lines, form.numberLocale);
  const serviceTotal = sumLines(form.service_lines, form.numberLocale);
  const linesTotal = toMoneyString(money(productTotal).plus(money(serviceTotal)));
  const incomplete = [...form.product_lines, ...form.service_lines].some((l) => lineTotalOf(l, form.numberLocale) === null);
  const subtotal = form.subtotalManual ? typedMoneyOrNull(form.subtotal, null, form.numberLocale) : linesTotal;
  const tax = typedMoneyOrNull(form.tax, '0.00', form.numberLocale);
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
  const product_lines = form.product_lines.map((l, i) => toLineDto(kind, 'product', l, i + 1, form.numberLocale));
  if (kind === 'sale') {
    const service_lines = form.service_lines.map((l, i) => toLineDto(kind, 'service', l, i + 1, form.numberLocale));
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
      const dto = toLineDto(kind, lineKind, line, i + 1, form.numberLocale);
      const o = line.id ? originals.find((x) => x.id === line.id) : undefined;
      if (!o) adds.push({ lineKind, key: line.key, dto });
      else if (lineChanged(dto, o)) updates.push({ lineKind, id: o.id, dto });
    });
  }
  return { header: header as UpdateOrderDto, removes, updates, adds };
}

/**
 * The form reduced to what saving would send, for telling whether the editor has unsaved changes: amounts by value
 * (`1.500` typed in Indonesian equals `1500.00` from the API), texts trimmed, the party and items by id, and the
 * subtotal only when typed. Two forms with the same fingerprint save the same order.
 */
export function formFingerprint(form: OrderFormState): string {
  const value = (text: string, emptyAs = ''): string => {
    const trimmed = text.trim();
    if (trimmed === '') return emptyAs;
    const typed = typedDecimal(trimmed, form.numberLocale);
    // Unreadable text is kept as typed (prefixed so it never equals a number).
    return typed === null ? `?${trimmed}` : money(typed).toFixed();
  };
  const line = (l: EditorLine) => [
    l.id,
    l.item?.id ?? null,
    l.description.trim(),
    value(l.qty),
    value(l.unit_price),
    value(l.discount, '0'),
    value(l.hpp),
  ];
  return JSON.stringify([
    form.number.trim(),
    form.order_date,
    form.party?.id ?? null,
    form.nama.trim(),
    form.alamat.trim(),
    form.hp.trim(),
    form.keterangan.trim(),
    form.product_lines.map(line),
    form.service_lines.map(line),
    form.subtotalManual ? value(form.subtotal) : null,
    value(form.tax, '0'),
  ]);
}
