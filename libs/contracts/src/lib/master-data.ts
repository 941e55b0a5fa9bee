import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { IsOptionalNotNull } from './input';
import { SortedSearchQuery } from './pagination';
import { DecimalInput, IsDecimal2 } from './decimal';

/** Customers and vendors share one shape (the seeds' `nama`, `alamat`, `hp`, `email`). */
export class CreatePartyDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  nama!: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  alamat?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(30)
  hp?: string | null;

  @IsOptional()
  @ValidateIf((_o, v) => v !== null && v !== '')
  @IsEmail()
  @MaxLength(254)
  email?: string | null;
}

export class UpdatePartyDto {
  @IsOptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  nama?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  alamat?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(30)
  hp?: string | null;

  @IsOptional()
  @ValidateIf((_o, v) => v !== null && v !== '')
  @IsEmail()
  @MaxLength(254)
  email?: string | null;
}

export interface PartyResponse {
  id: string;
  nama: string;
  alamat: string | null;
  hp: string | null;
  email: string | null;
  created_at: string;
  updated_at: string;
}

export class CreatePartDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  kode!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  nama!: string;

  @IsDecimal2({ min: 0 })
  harga!: DecimalInput;

  /** Opening stock; recorded as an `initial` stock move so the ledger always explains the stock. */
  @IsOptionalNotNull()
  @IsDecimal2({ min: 0 })
  stock?: DecimalInput;

  @IsOptionalNotNull()
  @IsString()
  @MaxLength(32)
  unit?: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  po_number?: string | null;
}

/** Stock is not editable here: it changes only through orders and stock adjustments. */
export class UpdatePartDto {
  @IsOptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  kode?: string;

  @IsOptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  nama?: string;

  @IsOptionalNotNull()
  @IsDecimal2({ min: 0 })
  harga?: DecimalInput;

  @IsOptionalNotNull()
  @IsString()
  @MaxLength(32)
  unit?: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  po_number?: string | null;
}

export class StockAdjustmentDto {
  /** Signed change: positive adds stock, negative removes it. */
  @IsDecimal2()
  quantity!: DecimalInput;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  note!: string;
}

export interface PartResponse {
  id: string;
  kode: string;
  nama: string;
  harga: string;
  stock: string;
  unit: string;
  po_number: string | null;
  created_at: string;
  updated_at: string;
}

export class CreateServiceDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  nama!: string;

  @IsDecimal2({ min: 0 })
  harga!: DecimalInput;
}

export class UpdateServiceDto {
  @IsOptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  nama?: string;

  @IsOptionalNotNull()
  @IsDecimal2({ min: 0 })
  harga?: DecimalInput;
}

export interface ServiceResponse {
  id: string;
  nama: string;
  harga: string;
  created_at: string;
  updated_at: string;
}

export const STOCK_MOVE_REASONS = [
  'initial',
  'adjustment',
  'import',
  'sale_confirmed',
  'sale_cancelled',
  'purchase_confirmed',
  'purchase_cancelled',
] as const;
export type StockMoveReason = (typeof STOCK_MOVE_REASONS)[number];

export interface StockMoveResponse {
  id: string;
  part_id: string;
  quantity: string;
  balance_after: string | null;
  reason: StockMoveReason;
  order_id: string | null;
  order_kind: 'sale' | 'purchase' | null;
  order_number: string | null;
  line_id: string | null;
  user_email: string | null;
  note: string | null;
  created_at: string;
}

export interface StockCheckResponse {
  ok: boolean;
  partsChecked: number;
  mismatches: { part_id: string; kode: string; stock: string; ledger: string }[];
}

export const IMPORT_ENTITIES = ['customers', 'vendors', 'parts', 'services'] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

export interface ImportRowResult {
  /** 1-based row number in the file, header row excluded. */
  row: number;
  action: 'create' | 'update' | 'error';
  key: string;
  errors: string[];
}

export interface ImportPreviewResponse {
  entity: ImportEntity;
  committed: boolean;
  counts: { create: number; update: number; error: number };
  rows: ImportRowResult[];
}

export const PARTY_SORT_FIELDS = ['nama', 'email', 'created_at'] as const;
export const PART_SORT_FIELDS = ['kode', 'nama', 'harga', 'stock', 'po_number', 'created_at'] as const;
export const SERVICE_SORT_FIELDS = ['nama', 'harga', 'created_at'] as const;

/** Customers and vendors. */
export class PartyListQueryDto extends SortedSearchQuery('PartySortQuery', PARTY_SORT_FIELDS) {}

export class PartListQueryDto extends SortedSearchQuery('PartSortQuery', PART_SORT_FIELDS) {
  /** Only parts whose po_number differs from the one parts-sync would set. */
  @IsOptional()
  @IsIn(['true', 'false'])
  po_out_of_date?: 'true' | 'false';
}

export class ServiceListQueryDto extends SortedSearchQuery('ServiceSortQuery', SERVICE_SORT_FIELDS) {}
