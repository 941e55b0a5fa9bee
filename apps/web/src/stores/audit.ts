import type { AuditLogResponse, PageMeta } from '@simpul/contracts';
import { defineStore } from 'pinia';
import { reactive, ref } from 'vue';
import { auditApi } from '../api/audit';
import { jakartaDayToIso } from '../lib/format';

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
  const items = ref<AuditLogResponse[]>([]);
  const meta = ref<PageMeta>({ page: 1, limit: 25, total: 0, pages: 1 });
  const loading = ref(false);
  const error = ref<unknown>(null);
  const loaded = ref(false);
  let seq = 0;

  async function fetch(): Promise<void> {
    const mine = ++seq;
    loading.value = true;
    error.value = null;
    try {
      const res = await auditApi.list({
        page: page.value,
        limit: limit.value,
        q: filters.q.trim() || undefined,
        action: filters.action.trim() || undefined,
        resourceType: filters.resourceType.trim() || undefined,
        from: jakartaDayToIso(filters.from),
        to: jakartaDayToIso(filters.to, true),
        order: filters.order,
      });
      if (mine !== seq) return;
      items.value = res.items;
      meta.value = res.meta;
      loaded.value = true;
    } catch (err) {
      if (mine !== seq) return;
      error.value = err;
    } finally {
      if (mine === seq) loading.value = false;
    }
  }

  function applyFilters(next: Partial<AuditFilters>): Promise<void> {
    Object.assign(filters, next);
    page.value = 1;
    return fetch();
  }

  function resetFilters(): Promise<void> {
    return applyFilters({ ...EMPTY_AUDIT_FILTERS });
  }

  function goToPage(target: number): Promise<void> {
    page.value = Math.min(Math.max(1, target), Math.max(1, meta.value.pages));
    return fetch();
  }

  return { filters, page, limit, items, meta, loading, error, loaded, fetch, applyFilters, resetFilters, goToPage };
});
