import type { AuditLogResponse } from '@simpul/contracts';
import { api } from '@/shared/api/client';

export interface AuditListParams {
  page?: number;
  limit?: number;
  q?: string;
  action?: string;
  resourceType?: string;
  resourceId?: string;
  actorId?: string;
  /** ISO 8601 */
  from?: string;
  /** ISO 8601 */
  to?: string;
  order?: 'asc' | 'desc';
}

export const auditApi = {
  list: (params: AuditListParams = {}) => api.page<AuditLogResponse>('/api/audit-logs', { ...params }),
};
