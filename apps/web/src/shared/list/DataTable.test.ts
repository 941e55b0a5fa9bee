import { pageMeta } from '@simpul/contracts';
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, reactive } from 'vue';
import { mountWithApp, signedInTests } from '@/shared/test/mount';
import type { DataColumn } from './columns';
import DataTable from './DataTable.vue';

interface Row {
  id: string;
  number: string;
  party: string;
  status: string;
  total: string;
}

const ROWS: Row[] = [
  { id: 'a', number: 'SO-1', party: 'PT Maju', status: 'draft', total: '150.00' },
  { id: 'b', number: 'SO-2', party: 'CV Jaya', status: 'paid', total: '75.50' },
];

const COLUMNS: DataColumn<Row>[] = [
  { key: 'number', label: 'orders.sale.number', sort: 'order_number', card: 'title' },
  { key: 'party', label: 'orders.sale.party', sort: 'party' },
  { key: 'status', label: 'orders.fields.status', card: 'badge' },
  { key: 'total', label: 'orders.fields.total', sort: 'total', num: true, card: 'amount', text: (r) => `Rp ${r.total}` },
];

/** A stand-in for `window.matchMedia` whose one query matches while `phone` is true; `resize` tells listeners. */
function fakeScreen(phone: boolean) {
  const listeners = new Set<(e: { matches: boolean }) => void>();
  const state = { phone };
  vi.stubGlobal('matchMedia', (query: string) => ({
    media: query,
    get matches() {
      return state.phone;
    },
    addEventListener: (_: string, fn: (e: { matches: boolean }) => void) => listeners.add(fn),
    removeEventListener: (_: string, fn: (e: { matches: boolean }) => void) => listeners.delete(fn),
  }));
  return {
    resize(toPhone: boolean) {
      state.phone = toPhone;
      for (const fn of listeners) fn({ matches: toPhone });
    },
  };
}

function mountTable(opts: { columnsId?: string; list?: Partial<{ items: Row[]; loading: boolean; error: unknown; loaded: boolean }> } = {}) {
  const list = reactive({ items: ROWS, meta: pageMeta(1, 20, 2), loading: false, error: null as unknown, loaded: true, ...opts.list });
  const sorted: string[] = [];
  const Host = defineComponent({
    setup() {
      return () =>
        h(
          DataTable<Row>,
          {
            columns: COLUMNS,
            list,
            rowKey: (r: Row) => r.id,
            rowTestid: 'row',
            rowAttrs: (r: Row) => ({ 'data-status': r.status }),
            columnsId: opts.columnsId,
            sort: { sort: 'order_number', order: 'asc' },
            emptyText: 'Nothing here',
            onSort: (column: string) => sorted.push(column),
          },
          {
            'cell-status': ({ row }: { row: Row }) => h('span', { class: 'badge', 'data-testid': 'status-badge' }, row.status),
            actions: ({ row }: { row: Row }) => h('button', { 'data-testid': 'row-open' }, `Open ${row.number}`),
          },
        );
    },
  });
  const { wrapper } = mountWithApp(Host);
  return { wrapper, list, sorted };
}

signedInTests();

afterEach(() => {
  localStorage.clear();
});

describe('DataTable', () => {
  it('is a table on a wide screen, with sortable headings and an actions column', async () => {
    fakeScreen(false);
    const { wrapper, sorted } = mountTable();

    expect(wrapper.find('table[data-layout="table"]').exists()).toBe(true);
    expect(wrapper.find('[data-layout="cards"]').exists()).toBe(false);
    expect(wrapper.findAll('thead th').map((th) => th.text())).toEqual(['Order number ↑', 'Customer ↕', 'Status', 'Total ↕', 'Actions']);
    expect(wrapper.find('thead th').attributes('aria-sort')).toBe('ascending');
    const first = wrapper.findAll('tr[data-testid="row"]')[0];
    expect(first?.attributes('data-status')).toBe('draft');
    expect(first?.findAll('td').map((td) => td.text())).toEqual(['SO-1', 'PT Maju', 'draft', 'Rp 150.00', 'Open SO-1']);

    await wrapper.find('[data-testid="sort-total"]').trigger('click');
    expect(sorted).toEqual(['total']);
  });

  it('turns each row into a card below 640 px with its title, status, amount and actions in reach, and back', async () => {
    const screen = fakeScreen(true);
    const { wrapper, sorted } = mountTable();

    expect(wrapper.find('table').exists()).toBe(false);
    const cards = wrapper.findAll('li[data-testid="row"]');
    expect(cards).toHaveLength(2);
    const card = cards[1];
    expect(card?.attributes('data-status')).toBe('paid');
    expect(card?.find('.card-title').text()).toBe('SO-2');
    expect(card?.find('.card-head [data-testid="status-badge"]').text()).toBe('paid');
    expect(card?.find('.card-amount').text()).toBe('TotalRp 75.50');
    expect(card?.find('.card-foot [data-testid="row-open"]').text()).toBe('Open SO-2');
    // The other columns are labelled lines.
    expect(card?.findAll('.card-lines > div').map((d) => d.text())).toEqual(['CustomerCV Jaya']);

    // No headings to click on a phone: a sort menu and an order button instead.
    await wrapper.find('[data-testid="sort-select"]').setValue('total');
    await wrapper.find('[data-testid="sort-order"]').trigger('click');
    expect(sorted).toEqual(['total', 'order_number']);

    screen.resize(false);
    await flushPromises();
    expect(wrapper.findAll('tr[data-testid="row"]')).toHaveLength(2);
    expect(wrapper.find('[data-layout="cards"]').exists()).toBe(false);
  });

  it('hides the columns chosen, keeps the first one, and remembers the choice per list', async () => {
    fakeScreen(false);
    const { wrapper } = mountTable({ columnsId: 'test-orders' });
    expect(wrapper.find('[data-testid="column-toggle-number"]').exists()).toBe(false);

    await wrapper.find('[data-testid="column-toggle-party"]').setValue(false);
    expect(wrapper.findAll('thead th').map((th) => th.text())).toEqual(['Order number ↑', 'Status', 'Total ↕', 'Actions']);
    expect(JSON.parse(localStorage.getItem('simpul.columns.test-orders') ?? '[]')).toEqual(['party']);

    const again = mountTable({ columnsId: 'test-orders' }).wrapper;
    expect(again.findAll('thead th').map((th) => th.text())).not.toContain('Customer ↕');
    expect(again.find<HTMLInputElement>('[data-testid="column-toggle-party"]').element.checked).toBe(false);
    // Another list remembers its own.
    const other = mountTable({ columnsId: 'test-purchases' }).wrapper;
    expect(other.findAll('thead th').map((th) => th.text())).toContain('Customer ↕');
  });

  it('shows the loading, empty and error states in place of the rows, and the pager only after a good answer', async () => {
    fakeScreen(false);
    const { wrapper, list } = mountTable({ list: { items: [], loaded: false, loading: true } });
    expect(wrapper.find('[data-testid="state-loading"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="pager-position"]').exists()).toBe(false);

    list.loading = false;
    list.loaded = true;
    await flushPromises();
    expect(wrapper.find('[data-testid="state-empty"]').text()).toBe('Nothing here');
    expect(wrapper.find('[data-testid="pager-position"]').exists()).toBe(true);

    list.error = new Error('boom');
    await flushPromises();
    expect(wrapper.find('[data-testid="state-error"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="pager-position"]').exists()).toBe(false);
    expect(wrapper.find('tbody').exists()).toBe(false);
  });
});
