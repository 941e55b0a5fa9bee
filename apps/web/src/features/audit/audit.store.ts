import { defineStore } from 'pinia';
import { reactive, ref } from 'vue';
import { auditApi } from './audit.api';
import { jakartaDayToIso } from '@/shared/lib/format';
import { usePagedFetch } from '@/shared/list/paged-list';

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

export const EMPTY_AUDIT_FILTERS: AuditFilters = { q: '', action: '', resourceType: '', from: '', to: '', order: 'desc' };

export const useAuditStore = defineStore('audit', () => {
  const filters = reactive<AuditFilters>({ ...EMPTY_AUDIT_FILTERS });
  const page = ref(1);
  const limit = ref(25);
  const { items, meta, loading, error, loaded, fetch, fetchFirstPage, goToPage } = usePagedFetch(
    () =>
      auditApi.list({
        page: page.value,
        limit: limit.value,
        q: filters.q.trim() || undefined,
        action: filters.action.trim() || undefined,
        resourceType: filters.resourceType.trim() || undefined,
        from: jakartaDayToIso(filters.from),
        to: jakartaDayToIso(filters.to, true),
        order: filters.order,
      }),
    page,
    limit.value,
  );

  function applyFilters(next: Partial<AuditFilters>): Promise<void> {
    Object.assign(filters, next);
    return fetchFirstPage();
  }

  function resetFilters(): Promise<void> {
    return applyFilters({ ...EMPTY_AUDIT_FILTERS });
  }

  return { filters, page, limit, items, meta, loading, error, loaded, fetch, applyFilters, resetFilters, goToPage };
});
