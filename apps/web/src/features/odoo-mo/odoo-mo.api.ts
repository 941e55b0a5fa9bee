import type {
  MoCacheItem,
  MoPresence,
  MoStatsResponse,
  MoSyncResponse,
  MoSyncTypeResult,
  OdooConfigResponse,
  OdooConnectionTestResponse,
  OdooMoItem,
  OdooMoListQueryDto,
  UpdateOdooConfigDto,
} from '@simpul/contracts';
import { ApiError, api, requestEnvelope } from '@/shared/api/client';

export interface MoSearchParams {
  q?: string;
  production_type?: string;
  state?: string;
  presence?: MoPresence;
  page?: number;
  limit?: number;
}

/** The per-type results a failed sync (502/504) carries in its error's `details`. */
export function syncResultsFromError(err: unknown): MoSyncTypeResult[] {
  if (!(err instanceof ApiError)) return [];
  const results = err.details?.['results'];
  return Array.isArray(results) ? (results as MoSyncTypeResult[]) : [];
}

export const odooMoApi = {
  config: () => api.get<OdooConfigResponse>('/api/admin/odoo-config'),
  /** Partial update: omitted fields keep their value, `null` clears (secrets included). */
  updateConfig: (dto: UpdateOdooConfigDto) => api.put<OdooConfigResponse>('/api/admin/odoo-config', dto),
  /** Tests the saved configuration with the given unsaved fields applied on top. Always 200: see `ok`/`error`. */
  testConnection: (overlay: UpdateOdooConfigDto = {}) => api.post<OdooConnectionTestResponse>('/api/admin/odoo-config/test', overlay),
  /**
   * The manual sync answers the seed's own body `{ success, message, totalUpdated, results, timestamp }` (no `data`),
   * 200 even when some types failed; when every type failed it is an error envelope with the results in `details`.
   */
  async sync(): Promise<MoSyncResponse> {
    const body = (await requestEnvelope<unknown>('POST', '/api/admin/sync-mo')) as unknown as MoSyncResponse;
    return { ...body, results: Array.isArray(body.results) ? body.results : [] };
  },
  stats: () => api.get<MoStatsResponse>('/api/admin/mo-stats'),
  search: (params: MoSearchParams = {}) => api.page<MoCacheItem>('/api/search/mo', { ...params }),
  /** Reads Odoo live (one `search_read` page per call); 400 when Odoo is not configured, 502/504 when Odoo fails. */
  liveList: (params: OdooMoListQueryDto = {}) => api.page<OdooMoItem>('/api/odoo/mo-list', { ...params }),
};
