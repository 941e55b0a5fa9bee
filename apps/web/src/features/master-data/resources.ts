import {
  CreatePartDto,
  CreatePartyDto,
  CreateServiceDto,
  UpdatePartDto,
  UpdatePartyDto,
  UpdateServiceDto,
  type PART_SORT_FIELDS,
  type PARTY_SORT_FIELDS,
  type SERVICE_SORT_FIELDS,
} from '@simpul/contracts';
import { defineAsyncComponent, markRaw, type Component } from 'vue';
import type { RouteLocationRaw } from 'vue-router';
import { intField, oneOfField, queryCodec, sortOrderField, switchesField, textField, type QueryCodec } from '@/shared/list/query-codec';
import type { MasterRecord, MasterResource } from './master-data.api';
import { defaultMasterQuery, type MasterQuery } from './master-data.store';

/** `Sort` is the resource's sort allow-list in the contracts: the API answers any other sort field with a 400. */
export interface MasterColumn<Sort extends string = string> {
  /** Property of the record. */
  key: string;
  /** i18n key of the header. */
  label: string;
  /** API sort field, when the column is sortable. */
  sort?: Sort;
  kind?: 'text' | 'money' | 'qty' | 'date';
  /** Links to the record's detail page (when the resource has one). */
  link?: boolean;
  /** Shown with the quantity (parts' `unit`). */
  unitKey?: string;
}

export interface MasterField {
  name: string;
  /** i18n key of the label. */
  label: string;
  /**
   * `decimal`: a money or quantity box, typed in the UI language's separators (the form shows the number-format hint)
   * and sent as the API's decimal string (`form-values.ts`).
   */
  input: 'text' | 'email' | 'tel' | 'textarea' | 'decimal';
  /** Sent on create only (a part's opening stock). */
  createOnly?: boolean;
  optional?: boolean;
  /** Emptying it on edit sends null (clears it); otherwise an empty value is left out. */
  nullable?: boolean;
  /** i18n key of a hint under the field. */
  hint?: string;
  span2?: boolean;
  maxlength?: number;
  /** Value of a new record. */
  initial?: string;
}

/** An on/off filter above the list: when on, `param=value` goes with the list request. */
export interface MasterToggleFilter {
  param: string;
  value: string;
  /** i18n key of the checkbox label. */
  label: string;
  testid: string;
}

export interface MasterResourceConfig {
  resource: MasterResource;
  /** i18n prefix: `masterData.<resource>`. */
  i18n: string;
  columns: MasterColumn[];
  fields: MasterField[];
  createDto: new () => object;
  updateDto: new () => object;
  /** How a record is named in sentences. */
  recordLabel: (record: MasterRecord) => string;
  detailRoute?: (record: MasterRecord) => RouteLocationRaw;
  filters?: MasterToggleFilter[];
  /**
   * Extra header buttons of this resource (they check their own roles). The list reloads when the component
   * emits `changed`.
   */
  headerActions?: Component;
}

const partyColumns: MasterColumn<(typeof PARTY_SORT_FIELDS)[number]>[] = [
  { key: 'nama', label: 'masterData.fields.nama', sort: 'nama' },
  { key: 'email', label: 'masterData.fields.email', sort: 'email' },
  { key: 'hp', label: 'masterData.fields.hp' },
  { key: 'alamat', label: 'masterData.fields.alamat' },
];

const partyFields: MasterField[] = [
  { name: 'nama', label: 'masterData.fields.nama', input: 'text', maxlength: 200, span2: true },
  { name: 'hp', label: 'masterData.fields.hp', input: 'tel', optional: true, nullable: true, maxlength: 30 },
  { name: 'email', label: 'masterData.fields.email', input: 'email', optional: true, nullable: true, maxlength: 254 },
  { name: 'alamat', label: 'masterData.fields.alamat', input: 'textarea', optional: true, nullable: true, span2: true, maxlength: 1000 },
];

const nameOf = (record: MasterRecord) => ('kode' in record ? `${record.kode} — ${record.nama}` : record.nama);

export const MASTER_CONFIGS: Record<MasterResource, MasterResourceConfig> = {
  customers: {
    resource: 'customers',
    i18n: 'masterData.customers',
    columns: partyColumns,
    fields: partyFields,
    createDto: CreatePartyDto,
    updateDto: UpdatePartyDto,
    recordLabel: nameOf,
  },
  vendors: {
    resource: 'vendors',
    i18n: 'masterData.vendors',
    columns: partyColumns,
    fields: partyFields,
    createDto: CreatePartyDto,
    updateDto: UpdatePartyDto,
    recordLabel: nameOf,
  },
  parts: {
    resource: 'parts',
    i18n: 'masterData.parts',
    columns: [
      { key: 'kode', label: 'masterData.fields.kode', sort: 'kode', link: true },
      { key: 'nama', label: 'masterData.fields.nama', sort: 'nama' },
      { key: 'harga', label: 'masterData.fields.harga', sort: 'harga', kind: 'money' },
      { key: 'stock', label: 'masterData.fields.stock', sort: 'stock', kind: 'qty', unitKey: 'unit' },
      { key: 'po_number', label: 'masterData.fields.po_number', sort: 'po_number' },
    ] satisfies MasterColumn<(typeof PART_SORT_FIELDS)[number]>[],
    fields: [
      { name: 'kode', label: 'masterData.fields.kode', input: 'text', maxlength: 64 },
      { name: 'nama', label: 'masterData.fields.nama', input: 'text', maxlength: 200 },
      { name: 'harga', label: 'masterData.fields.harga', input: 'decimal' },
      { name: 'unit', label: 'masterData.fields.unit', input: 'text', optional: true, maxlength: 32, initial: 'pcs' },
      {
        name: 'stock',
        label: 'masterData.fields.openingStock',
        input: 'decimal',
        optional: true,
        createOnly: true,
        hint: 'masterData.hints.openingStock',
        initial: '0',
      },
      { name: 'po_number', label: 'masterData.fields.po_number', input: 'text', optional: true, nullable: true, maxlength: 64 },
    ],
    createDto: CreatePartDto,
    updateDto: UpdatePartDto,
    recordLabel: nameOf,
    detailRoute: (record) => ({ name: 'part-detail', params: { id: record.id } }),
    filters: [{ param: 'po_out_of_date', value: 'true', label: 'partsSync.outOfDateFilter', testid: 'md-filter-po-out-of-date' }],
    headerActions: markRaw(defineAsyncComponent(() => import('@/features/parts-sync/components/PartsSyncButton.vue'))),
  },
  services: {
    resource: 'services',
    i18n: 'masterData.services',
    columns: [
      { key: 'nama', label: 'masterData.fields.nama', sort: 'nama' },
      { key: 'harga', label: 'masterData.fields.harga', sort: 'harga', kind: 'money' },
      { key: 'created_at', label: 'masterData.fields.created_at', sort: 'created_at', kind: 'date' },
    ] satisfies MasterColumn<(typeof SERVICE_SORT_FIELDS)[number]>[],
    fields: [
      { name: 'nama', label: 'masterData.fields.nama', input: 'text', maxlength: 200, span2: true },
      { name: 'harga', label: 'masterData.fields.harga', input: 'decimal' },
    ],
    createDto: CreateServiceDto,
    updateDto: UpdateServiceDto,
    recordLabel: nameOf,
  },
};

/** A resource's list in the address: search, its sortable columns, its on/off filters, the page. */
export function masterQueryCodec(config: MasterResourceConfig): QueryCodec<MasterQuery> {
  const sorts = config.columns.flatMap((c) => (c.sort ? [c.sort] : []));
  return queryCodec(defaultMasterQuery(config.resource), {
    q: textField(),
    sort: oneOfField(sorts),
    order: sortOrderField(),
    filters: switchesField(config.filters ?? []),
    page: intField(),
  });
}
