import { ORDER_SORT_FIELDS, ORDER_STATUSES, type OrderKind, type OrderStatus, type PartySummary, type StockShortage } from '@simpul/contracts';
import { defineStore } from 'pinia';
import { ref, type Ref } from 'vue';
import { ApiError, saveFile } from '@/shared/api/client';
import { masterDataApi } from '@/features/master-data/master-data.api';
import { partySummary } from './pickers';
import { dayField, intField, oneOfField, queryCodec, sortOrderField, textField } from '@/shared/list/query-codec';
import {
  ordersApi,
  type AnyLineResponse,
  type CreateOrderDto,
  type OrderListParams,
  type OrderOf,
  type OrderSort,
  type TransitionTarget,
} from './orders.api';
import { jakartaToday } from '@/shared/lib/format';
import { orderSummary, planDraftUpdate, toCreateDto, type OrderFormState } from './order-form';
import { usePagedList, useSortToggle } from '@/shared/list/paged-list';

export interface OrderQuery {
  page: number;
  limit: number;
  q: string;
  status: OrderStatus | '';
  party_id: string;
  date_from: string;
  date_to: string;
  sort: OrderSort;
  order: 'asc' | 'desc';
}

export const DEFAULT_ORDER_QUERY: OrderQuery = {
  page: 1,
  limit: 20,
  q: '',
  status: '',
  party_id: '',
  date_from: '',
  date_to: '',
  sort: 'order_date',
  order: 'desc',
};

/** The list's filters, sort and page as the address carries them (`/sales?status=draft&sort=total`). */
export const ORDER_QUERY_CODEC = queryCodec(DEFAULT_ORDER_QUERY, {
  q: textField(),
  status: oneOfField(ORDER_STATUSES),
  party_id: textField(),
  date_from: dayField(),
  date_to: dayField(),
  sort: oneOfField(ORDER_SORT_FIELDS),
  order: sortOrderField(),
  page: intField(),
});

export const STOCK_INSUFFICIENT = 'STOCK_INSUFFICIENT';

function isShortage(value: unknown): value is StockShortage {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['product_id'] === 'string' && typeof v['requested'] === 'string' && typeof v['available'] === 'string';
}

/** The per-part shortages of a STOCK_INSUFFICIENT refusal, or [] for any other error. */
export function shortagesOf(err: unknown): StockShortage[] {
  if (!(err instanceof ApiError) || err.code !== STOCK_INSUFFICIENT) return [];
  const list = err.details?.['shortages'];
  return Array.isArray(list) ? list.filter(isShortage) : [];
}

function listParams(q: OrderQuery): OrderListParams {
  return {
    page: q.page,
    limit: q.limit,
    q: q.q.trim() || undefined,
    status: q.status || undefined,
    party_id: q.party_id || undefined,
    date_from: q.date_from || undefined,
    date_to: q.date_to || undefined,
    sort: q.sort,
    order: q.order,
  };
}

function defineOrdersStore<K extends OrderKind>(kind: K) {
  return defineStore(`orders-${kind}`, () => {
    const api = ordersApi(kind);

    // ---- list --------------------------------------------------------------------------------------------
    const { query, items, meta, loading, error, loaded, fetch, setQuery, goToPage } = usePagedList(
      (q: OrderQuery) => api.list(listParams(q)),
      DEFAULT_ORDER_QUERY,
    );
    /** The party chosen in the filter, kept for its label. */
    const partyFilter = ref<PartySummary | null>(null);
    const exporting = ref(false);

    function setPartyFilter(party: PartySummary | null): Promise<void> {
      partyFilter.value = party;
      return setQuery({ party_id: party?.id ?? '' });
    }

    /** The filter's party by the id in the query, for its label (after a reload only the id is known). */
    async function loadPartyFilter(): Promise<void> {
      const id = query.party_id;
      if (partyFilter.value?.id === id) return;
      partyFilter.value = null;
      if (!id) return;
      try {
        const p = await masterDataApi.get(kind === 'sale' ? 'customers' : 'vendors', id);
        if (query.party_id === id) partyFilter.value = partySummary(p);
      } catch {
        // The filter still applies; the box just shows no name.
      }
    }

    function resetFilters(): Promise<void> {
      partyFilter.value = null;
      return setQuery({ q: '', status: '', party_id: '', date_from: '', date_to: '' });
    }

    const toggleSort = useSortToggle(query, setQuery);

    /** Downloads the list with the current filters and sort as XLSX. */
    async function exportXlsx(): Promise<void> {
      exporting.value = true;
      try {
        const { page: _page, limit: _limit, ...filters } = listParams(query);
        const file = await api.exportXlsx(filters);
        saveFile(file, `${kind === 'sale' ? 'sale-orders' : 'purchase-orders'}-${jakartaToday()}.xlsx`);
      } finally {
        exporting.value = false;
      }
    }

    // ---- one order ---------------------------------------------------------------------------------------
    const current = ref(null) as Ref<OrderOf<K> | null>;
    const currentLoading = ref(false);
    const currentError = ref<unknown>(null);
    /** Parts that were short when a confirmation was refused (STOCK_INSUFFICIENT). */
    const shortages = ref<StockShortage[]>([]);

    async function load(id: string): Promise<OrderOf<K> | null> {
      if (current.value?.id !== id) {
        current.value = null;
        shortages.value = [];
      }
      currentLoading.value = true;
      currentError.value = null;
      try {
        current.value = await api.get(id);
      } catch (err) {
        currentError.value = err;
      } finally {
        currentLoading.value = false;
      }
      return current.value;
    }

    /** Confirm, pay or cancel. A stock refusal is rethrown after its shortages are exposed in `shortages`. */
    async function transition(id: string, to: TransitionTarget): Promise<OrderOf<K>> {
      shortages.value = [];
      try {
        const order = await api.transition(id, to);
        current.value = order;
        return order;
      } catch (err) {
        shortages.value = shortagesOf(err);
        throw err;
      }
    }

    /** The create-shaped body of an editor form (line totals and total computed with the shared math). */
    function buildDto(form: OrderFormState): CreateOrderDto {
      return toCreateDto(kind, form, orderSummary(form).amounts);
    }

    /** Creates a draft with its lines in one request. */
    async function create(form: OrderFormState): Promise<OrderOf<K>> {
      const order = await api.create(buildDto(form));
      current.value = order;
      loaded.value = false; // the list is stale
      return order;
    }

    /**
     * Saves an edited draft: PATCH of the changed header fields, then removed, changed and new lines through the
     * line endpoints. `onLineCreated` hands back each new line's id so a retry after a failure does not add it twice.
     */
    async function saveDraft(
      id: string,
      form: OrderFormState,
      onLineCreated: (key: string, line: AnyLineResponse) => void = () => undefined,
    ): Promise<OrderOf<K>> {
      const original = current.value?.id === id ? current.value : await api.get(id);
      const plan = planDraftUpdate(kind, original, form, buildDto(form));
      try {
        for (const op of plan.removes) await api.removeLine(op.lineKind, op.id as string);
        for (const op of plan.updates) if (op.dto) await api.updateLine(op.lineKind, op.id as string, op.dto);
        for (const op of plan.adds) {
          if (!op.dto) continue;
          const saved = await api.addLine(id, op.lineKind, op.dto);
          if (op.key) onLineCreated(op.key, saved);
        }
        if (Object.keys(plan.header).length > 0) await api.update(id, plan.header);
      } catch (err) {
        // Part of the plan may have been applied: reload so the next attempt diffs against the server's state.
        current.value = await api.get(id).catch(() => current.value);
        throw err;
      }
      const saved = await api.get(id);
      current.value = saved;
      loaded.value = false;
      return saved;
    }

    async function remove(id: string): Promise<void> {
      await api.remove(id);
      if (current.value?.id === id) current.value = null;
      loaded.value = false;
    }

    return {
      kind,
      query,
      partyFilter,
      items,
      meta,
      loading,
      error,
      loaded,
      exporting,
      fetch,
      setQuery,
      setPartyFilter,
      loadPartyFilter,
      resetFilters,
      toggleSort,
      goToPage,
      exportXlsx,
      current,
      currentLoading,
      currentError,
      shortages,
      load,
      transition,
      buildDto,
      create,
      saveDraft,
      remove,
    };
  });
}

type OrdersStoreDef<K extends OrderKind> = ReturnType<typeof defineOrdersStore<K>>;
const definitions = new Map<OrderKind, unknown>();

/** The store of one order kind: list, current order, transitions and saving. Same shape for sales and purchases. */
export function useOrdersStore<K extends OrderKind>(kind: K): ReturnType<OrdersStoreDef<K>> {
  let def = definitions.get(kind) as OrdersStoreDef<K> | undefined;
  if (!def) {
    def = defineOrdersStore(kind);
    definitions.set(kind, def);
  }
  return def();
}

export type OrdersStore<K extends OrderKind = OrderKind> = ReturnType<typeof useOrdersStore<K>>;
