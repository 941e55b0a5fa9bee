import { defineStore } from 'pinia';
import { usePagedList } from '@/shared/list/paged-list';
import { dayField, intField, queryCodec, sortOrderField, textField } from '@/shared/list/query-codec';
import { jakartaDayToIso } from '@/shared/lib/format';
import { auditApi } from './audit.api';

export interface AuditFilters {
  q: string;
  action: string;
  resourceType: string;
  /** YYYY-MM-DD, a Jakarta calendar day */
  from: string;
  /** YYYY-MM-DD, inclusive */
  to: string;
  order: 'asc' | 'desc';
}

export interface AuditQuery extends AuditFilters {
  page: number;
  limit: number;
}

export const EMPTY_AUDIT_FILTERS: AuditFilters = { q: '', action: '', resourceType: '', from: '', to: '', order: 'desc' };
export const DEFAULT_AUDIT_QUERY: AuditQuery = { ...EMPTY_AUDIT_FILTERS, page: 1, limit: 25 };

/** The log's filters and page as the address carries them (`/admin/audit-logs?action=user.create`). */
export const AUDIT_QUERY_CODEC = queryCodec(DEFAULT_AUDIT_QUERY, {
  q: textField(),
  action: textField(),
  resourceType: textField(),
  from: dayField(),
  to: dayField(),
  order: sortOrderField(),
  page: intField(),
});

export const useAuditStore = defineStore('audit', () =>
  usePagedList(
    (q: AuditQuery) =>
      auditApi.list({
        page: q.page,
        limit: q.limit,
        q: q.q.trim() || undefined,
        action: q.action.trim() || undefined,
        resourceType: q.resourceType.trim() || undefined,
        from: jakartaDayToIso(q.from),
        to: jakartaDayToIso(q.to, true),
        order: q.order,
      }),
    DEFAULT_AUDIT_QUERY,
  ),
);
