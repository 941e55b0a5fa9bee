import type { SyncRunDetailResponse, SyncRunResponse, SyncTrigger } from '@simpul/contracts';
import { api } from './client';

export interface SyncRunListParams {
  kind?: string;
  trigger?: SyncTrigger | '';
  page?: number;
  limit?: number;
}

export interface SyncRunItemsParams {
  status?: string;
  page?: number;
  limit?: number;
}

export const syncRunsApi = {
  list: (params: SyncRunListParams = {}) => api.page<SyncRunResponse>('/api/sync-runs', { ...params }),
  get: (id: string, params: SyncRunItemsParams = {}) =>
    api.get<SyncRunDetailResponse>(`/api/sync-runs/${encodeURIComponent(id)}`, { ...params }),
};
