import type {
  ImportEntity,
  ImportPreviewResponse,
  Page,
  PartResponse,
  PartyResponse,
  ServiceResponse,
  StockAdjustmentDto,
  StockMoveResponse,
} from '@simpul/contracts';
import { api, type DownloadedFile } from '@/shared/api/client';

export type MasterResource = ImportEntity;

/** The record each resource returns. */
export interface MasterRecordMap {
  customers: PartyResponse;
  vendors: PartyResponse;
  parts: PartResponse;
  services: ServiceResponse;
}
export type MasterRecord = MasterRecordMap[MasterResource];

export interface MasterListParams {
  page?: number;
  limit?: number;
  q?: string;
  /** customers/vendors: nama, email, created_at; parts: kode, nama, harga, stock, po_number, created_at; services: nama, harga, created_at */
  sort?: string;
  order?: 'asc' | 'desc';
}

/** Body of a create or update: the DTO fields of that resource (validated by the form with the shared DTOs). */
export type MasterWrite = Record<string, unknown>;

function base(resource: MasterResource): string {
  return `/api/v1/${resource}`;
}

function one(resource: MasterResource, id: string): string {
  return `${base(resource)}/${encodeURIComponent(id)}`;
}

export const masterDataApi = {
  /** `filters`: resource-specific query params (parts: `po_out_of_date`). */
  list: <R extends MasterResource>(
    resource: R,
    params: MasterListParams = {},
    filters: Record<string, string> = {},
  ): Promise<Page<MasterRecordMap[R]>> => api.page<MasterRecordMap[R]>(base(resource), { ...filters, ...params }),
  get: <R extends MasterResource>(resource: R, id: string) => api.get<MasterRecordMap[R]>(one(resource, id)),
  create: <R extends MasterResource>(resource: R, dto: MasterWrite) => api.post<MasterRecordMap[R]>(base(resource), dto),
  update: <R extends MasterResource>(resource: R, id: string, dto: MasterWrite) =>
    api.patch<MasterRecordMap[R]>(one(resource, id), dto),
  remove: (resource: MasterResource, id: string) => api.delete<unknown>(one(resource, id)),

  stockMoves: (partId: string, params: { page?: number; limit?: number } = {}) =>
    api.page<StockMoveResponse>(`${one('parts', partId)}/stock-moves`, { ...params }),
  adjustStock: (partId: string, dto: StockAdjustmentDto) => api.post<PartResponse>(`${one('parts', partId)}/adjust-stock`, dto),

  /** Uploads a CSV or XLSX: a dry-run preview, or (with `commit`) an all-or-nothing import. */
  importFile: (resource: MasterResource, file: File, commit = false) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload<ImportPreviewResponse>(`/api/v1/import/${resource}`, form, commit ? { commit: 'true' } : undefined);
  },
  importTemplate: (resource: MasterResource): Promise<DownloadedFile> => api.download(`/api/v1/import/${resource}/template.csv`),
};
