import type {
  PartsSyncExecuteResponse,
  PartsSyncPreviewResponse,
  PartsSyncPreviewStatus,
  PartsSyncScheduleDto,
  PartsSyncScheduleResponse,
} from '@simpul/contracts';
import { api, requestEnvelope } from '@/shared/api/client';

/**
 * The preview and the run answer in the seed's own shape, `{ success, message, data, timestamp }`, which the client
 * reads like any success envelope: `data` is what these functions return.
 */
export type PartsSyncPreview = PartsSyncPreviewResponse['data'];
export type PartsSyncResult = PartsSyncExecuteResponse['data'];

export interface PartsSyncPreviewParams {
  status?: PartsSyncPreviewStatus | '';
  q?: string;
  page?: number;
  limit?: number;
}

const BASE = '/api/master/parts/sync-po';

export const partsSyncApi = {
  preview: (params: PartsSyncPreviewParams = {}) => api.get<PartsSyncPreview>(BASE, { ...params }),
  /** Runs the sync (409 while another run holds the lock). Returns the result with the server's sentence. */
  async execute(): Promise<{ message: string; data: PartsSyncResult }> {
    const env = await requestEnvelope<PartsSyncResult>('POST', BASE);
    const message = (env as unknown as { message?: unknown }).message;
    return { message: typeof message === 'string' ? message : '', data: env.data };
  },
  schedule: () => api.get<PartsSyncScheduleResponse>(`${BASE}/schedule`),
  updateSchedule: (dto: PartsSyncScheduleDto) => api.put<PartsSyncScheduleResponse>(`${BASE}/schedule`, dto),
};
