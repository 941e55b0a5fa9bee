import type { SyncRunDetailResponse, SyncRunResponse, SyncRunStatus, SyncTrigger } from '@simpul/contracts';
import { api } from '@/shared/api/client';

export interface SyncRunListParams {
  kind?: string;
  trigger?: SyncTrigger | '';
  status?: SyncRunStatus;
  page?: number;
  limit?: number;
}

export interface SyncRunItemsParams {
  status?: string;
  page?: number;
  limit?: number;
}

export const syncRunsApi = {
  /** The run of `kind` going on now, if any (one runs at a time per kind). */
  running: async (kind: string): Promise<SyncRunResponse | null> =>
    (await api.page<SyncRunResponse>('/api/sync-runs', { kind, status: 'running', limit: 1 })).items[0] ?? null,
  list: (params: SyncRunListParams = {}) => api.page<SyncRunResponse>('/api/sync-runs', { ...params }),
  get: (id: string, params: SyncRunItemsParams = {}) =>
    api.get<SyncRunDetailResponse>(`/api/sync-runs/${encodeURIComponent(id)}`, { ...params }),
};
