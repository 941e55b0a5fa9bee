import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DecimalInput, IsDateOnly, IsDecimal2 } from './decimal';
import { IsOptionalNotNull } from './input';
import { SortedSearchQuery } from './pagination';

export const ORDER_STATUSES = ['draft', 'confirmed', 'paid', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export type OrderKind = 'sale' | 'purchase';

/** The allowed moves; anything else is refused with 409. Cancelling a confirmed order reverses its stock. */
export const ORDER_TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  draft: ['confirmed', 'cancelled'],
  confirmed: ['paid', 'cancelled'],
  paid: [],
  cancelled: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

export const MAX_ORDER_LINES = 500;

/** Fields every priced line has. `line_total` must equal `qty × unit_price − discount`. */
export class PricedLineDto {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  line_number!: number;

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  description!: string;

  @IsDecimal2({ positive: true })
  qty!: DecimalInput;

  @IsDecimal2({ min: 0 })
  unit_price!: DecimalInput;

  @IsDecimal2({ min: 0 })
  discount!: DecimalInput;

  @IsDecimal2()
  line_total!: DecimalInput;
}

export class ProductLineDto extends PricedLineDto {
  @IsUUID()
  product_id!: string;

  /** Cost of goods sold per line, for margin reporting (sale orders only). */
  @IsOptional()
  @IsDecimal2({ min: 0 })
  hpp?: DecimalInput | null;
}

export class ServiceLineDto extends PricedLineDto {
  @IsUUID()
  service_id!: string;
}

/** A purchase line: a part at a price; no HPP. */
export class PurchaseLineDto extends PricedLineDto {
  @IsUUID()
  product_id!: string;
}

/** Header fields shared by both kinds; `total` must equal `subtotal + tax`. */
abstract class OrderHeaderDto {
  @IsDateOnly()
  order_date!: string;

  @IsIn(ORDER_STATUSES)
  status!: OrderStatus;

  @IsDecimal2({ min: 0 })
  subtotal!: DecimalInput;

  @IsDecimal2({ min: 0 })
  tax!: DecimalInput;

  @IsDecimal2({ min: 0 })
  total!: DecimalInput;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  nama?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  alamat?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(30)
  hp?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  keterangan?: string | null;
}

export class CreateSaleOrderDto extends OrderHeaderDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  order_number!: string;

  @IsUUID()
  customer_id!: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ORDER_LINES)
  @ValidateNested({ each: true })
  @Type(() => ProductLineDto)
  product_lines?: ProductLineDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ORDER_LINES)
  @ValidateNested({ each: true })
  @Type(() => ServiceLineDto)
  service_lines?: ServiceLineDto[];
}

export class CreatePurchaseOrderDto extends OrderHeaderDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  po_number!: string;

  @IsUUID()
  vendor_id!: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ORDER_LINES)
  @ValidateNested({ each: true })
  @Type(() => PurchaseLineDto)
  product_lines?: PurchaseLineDto[];
}

/** Partial update (the seed's `POST /orders/update/…`): only the fields sent change; `status` moves the state machine. */
abstract class UpdateOrderHeaderDto {
  @IsOptionalNotNull()
  @IsDateOnly()
  order_date?: string;

  @IsOptionalNotNull()
  @IsIn(ORDER_STATUSES)
  status?: OrderStatus;

  @IsOptionalNotNull()
  @IsDecimal2({ min: 0 })
  subtotal?: DecimalInput;

  @IsOptionalNotNull()
  @IsDecimal2({ min: 0 })
  tax?: DecimalInput;

  @IsOptionalNotNull()
  @IsDecimal2({ min: 0 })
  total?: DecimalInput;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  nama?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  alamat?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(30)
  hp?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  keterangan?: string | null;
}

export class UpdateSaleOrderDto extends UpdateOrderHeaderDto {
  @IsOptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  order_number?: string;

  @IsOptionalNotNull()
  @IsUUID()
  customer_id?: string;
}

export class UpdatePurchaseOrderDto extends UpdateOrderHeaderDto {
  @IsOptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  po_number?: string;

  @IsOptionalNotNull()
  @IsUUID()
  vendor_id?: string;
}

/** `po_number` sorts purchase orders by their number, as `order_number` does. */
export const ORDER_SORT_FIELDS = ['order_date', 'order_number', 'po_number', 'total', 'status', 'created_at', 'party'] as const;
export type OrderSort = (typeof ORDER_SORT_FIELDS)[number];

export class OrderListQueryDto extends SortedSearchQuery('OrderSortQuery', ORDER_SORT_FIELDS) {
  @IsOptional()
  @IsIn(ORDER_STATUSES)
  status?: OrderStatus;

  /** Customer (sale) or vendor (purchase). */
  @IsOptional()
  @IsUUID()
  party_id?: string;

  @IsOptional()
  @IsDateOnly()
  date_from?: string;

  @IsOptional()
  @IsDateOnly()
  date_to?: string;
}

export interface PartySummary {
  id: string;
  nama: string;
  alamat: string | null;
  hp: string | null;
  email: string | null;
}

export interface ProductSummary {
  id: string;
  nama: string;
  kode: string;
  harga: string;
}

export interface ServiceSummary {
  id: string;
  nama: string;
  harga: string;
}

interface LineBase {
  id: string;
  line_number: number;
  description: string;
  qty: string;
  unit_price: string;
  discount: string;
  line_total: string;
  created_at: string;
  updated_at: string;
}

export interface SaleProductLineResponse extends LineBase {
  sale_order_id: string;
  product_id: string;
  hpp: string | null;
  product?: ProductSummary;
}

export interface SaleServiceLineResponse extends LineBase {
  sale_order_id: string;
  service_id: string;
  service?: ServiceSummary;
}

export interface PurchaseLineResponse extends LineBase {
  purchase_order_id: string;
  product_id: string;
  product?: ProductSummary;
}

interface OrderHeaderResponse {
  id: string;
  order_date: string;
  status: OrderStatus;
  subtotal: string;
  tax: string;
  total: string;
  /** Sum of the lines' totals; shown beside `subtotal`, which is accepted as sent. */
  lines_total: string;
  nama: string | null;
  alamat: string | null;
  hp: string | null;
  keterangan: string | null;
  created_at: string;
  updated_at: string;
}

export interface SaleOrderResponse extends OrderHeaderResponse {
  order_number: string;
  customer_id: string;
  customer?: PartySummary;
  product_lines?: SaleProductLineResponse[];
  service_lines?: SaleServiceLineResponse[];
}

export interface PurchaseOrderResponse extends OrderHeaderResponse {
  po_number: string;
  vendor_id: string;
  vendor?: PartySummary;
  product_lines?: PurchaseLineResponse[];
}

export interface StockShortage {
  product_id: string;
  kode: string;
  nama: string;
  requested: string;
  available: string;
}
