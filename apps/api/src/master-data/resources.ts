import {
  CreatePartDto,
  CreatePartyDto,
  CreateServiceDto,
  ImportEntity,
  PARTY_SORT_FIELDS,
  PART_SORT_FIELDS,
  PartListQueryDto,
  PartyListQueryDto,
  PartResponse,
  PartyResponse,
  SearchQueryDto,
  SERVICE_SORT_FIELDS,
  ServiceListQueryDto,
  ServiceResponse,
  SortOrder,
  toMoneyString,
  UpdatePartDto,
  UpdatePartyDto,
  UpdateServiceDto,
} from '@simpul/contracts';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { candidatesSql } from '../parts-sync/po-winners.sql';
import { CustomerEntity, PartEntity, ServiceEntity, VendorEntity } from './master-data.entities';
import { mapPart, mapParty, mapService } from './master-data.mapper';

/**
 * Everything that differs between the four master-data resources. One service, controller factory and importer
 * serve them all from these descriptions.
 */
export interface ResourceSpec<E extends ObjectLiteral = ObjectLiteral, R = unknown> {
  name: ImportEntity;
  /** For sentences: "Customer not found". */
  label: string;
  entity: new () => E;
  createDto: new () => object;
  updateDto: new () => object;
  /** The list's query DTO: paging, search, the sort fields below and any filters. */
  listQueryDto: new () => MasterListQuery;
  listFilter?: (qb: SelectQueryBuilder<E>, query: Record<string, unknown>) => void;
  /** SQL columns (alias `r`) searched by `?q=`. */
  searchColumns: string[];
  /** API sort field (the list DTO's allow-list) → SQL column. */
  sortable: Readonly<Record<string, string>>;
  defaultSort: string;
  map: (row: E) => R;
  toRow: (dto: Record<string, unknown>) => Partial<E>;
  /** Import: the column that identifies an existing row (update) versus a new one (create). */
  importKey: string;
  importColumns: string[];
  /** Where rows are hidden instead of deleted, because history points at them. */
  softDelete: boolean;
  /** Tables whose rows stop a hard delete: `table.column`. */
  referencedBy: { table: string; column: string; what: string }[];
  /** Unique-index name → sentence. */
  uniqueMessages: Record<string, (dto: Record<string, unknown>) => string>;
}

/** What every master-data list query carries. */
export interface MasterListQuery extends SearchQueryDto {
  sort?: string;
  order?: SortOrder;
}

/** `{ field: column }` for each sort field the contract allows, so the two lists cannot drift apart. */
function sortColumns<F extends string>(_fields: readonly F[], columns: Record<F, string>): Readonly<Record<string, string>> {
  return columns;
}

const text = (v: unknown) => (v === undefined ? undefined : v === null || v === '' ? null : String(v).trim());
const decimal = (v: unknown) => (v === undefined ? undefined : toMoneyString(String(v)));

function partyRow(dto: Record<string, unknown>) {
  const email = text(dto['email']);
  return { nama: text(dto['nama']) ?? undefined, alamat: text(dto['alamat']), hp: text(dto['hp']), email: email ? email.toLowerCase() : email };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const partySpec = <E extends CustomerEntity | VendorEntity>(
  name: 'customers' | 'vendors',
  label: string,
  entity: new () => E,
  orderColumn: string,
): ResourceSpec<E, PartyResponse> => ({
  name,
  label,
  entity,
  createDto: CreatePartyDto,
  updateDto: UpdatePartyDto,
  listQueryDto: PartyListQueryDto,
  searchColumns: ['r.nama', 'r.email', 'r.hp', 'r.alamat'],
  sortable: sortColumns(PARTY_SORT_FIELDS, { nama: 'r.nama', email: 'r.email', created_at: 'r.created_at' }),
  defaultSort: 'nama',
  map: mapParty,
  toRow: (dto) => stripUndefined(partyRow(dto)) as Partial<E>,
  importKey: 'nama',
  importColumns: ['nama', 'alamat', 'hp', 'email'],
  softDelete: false,
  referencedBy: [{ table: 'orders', column: orderColumn, what: 'orders' }],
  uniqueMessages: {},
});

export const CUSTOMERS = partySpec('customers', 'Customer', CustomerEntity, 'customer_id');
export const VENDORS = partySpec('vendors', 'Vendor', VendorEntity, 'vendor_id');

export const PARTS: ResourceSpec<PartEntity, PartResponse> = {
  name: 'parts',
  label: 'Part',
  entity: PartEntity,
  createDto: CreatePartDto,
  updateDto: UpdatePartDto,
  listQueryDto: PartListQueryDto,
  listFilter: (qb, query) => {
    if (query['po_out_of_date'] === 'true') {
      qb.andWhere(`r.id IN (SELECT c.part_id FROM (${candidatesSql()}) c WHERE c.status = 'needs-sync')`);
    }
  },
  searchColumns: ['r.kode', 'r.nama', 'r.po_number'],
  sortable: sortColumns(PART_SORT_FIELDS, {
    kode: 'r.kode',
    nama: 'r.nama',
    harga: 'r.harga',
    stock: 'r.stock',
    po_number: 'r.po_number',
    created_at: 'r.created_at',
  }),
  defaultSort: 'kode',
  map: mapPart,
  toRow: (dto) =>
    stripUndefined({
      kode: text(dto['kode']) ?? undefined,
      nama: text(dto['nama']) ?? undefined,
      harga: decimal(dto['harga']),
      unit: text(dto['unit']) ?? undefined,
      poNumber: text(dto['po_number']),
    }),
  importKey: 'kode',
  importColumns: ['kode', 'nama', 'harga', 'stock', 'unit', 'po_number'],
  softDelete: true,
  referencedBy: [],
  uniqueMessages: { parts_kode_live: (dto) => `A part with kode ${String(dto['kode'])} already exists.` },
};

export const SERVICES: ResourceSpec<ServiceEntity, ServiceResponse> = {
  name: 'services',
  label: 'Service',
  entity: ServiceEntity,
  createDto: CreateServiceDto,
  updateDto: UpdateServiceDto,
  listQueryDto: ServiceListQueryDto,
  searchColumns: ['r.nama'],
  sortable: sortColumns(SERVICE_SORT_FIELDS, { nama: 'r.nama', harga: 'r.harga', created_at: 'r.created_at' }),
  defaultSort: 'nama',
  map: mapService,
  toRow: (dto) => stripUndefined({ nama: text(dto['nama']) ?? undefined, harga: decimal(dto['harga']) }),
  importKey: 'nama',
  importColumns: ['nama', 'harga'],
  softDelete: false,
  referencedBy: [{ table: 'order_service_lines', column: 'service_id', what: 'order lines' }],
  uniqueMessages: {},
};

export const RESOURCES: Record<ImportEntity, ResourceSpec> = {
  customers: CUSTOMERS as unknown as ResourceSpec,
  vendors: VENDORS as unknown as ResourceSpec,
  parts: PARTS as unknown as ResourceSpec,
  services: SERVICES as unknown as ResourceSpec,
};
