import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { h } from 'vue';
import { installFakeFetch, ok, type FakeFetch } from '@/shared/test/fake-fetch';
import { mountRoute, signedInTests } from '@/shared/test/mount';
import { RUN_ID, runDetail } from '@/shared/test/sync-fixtures';
import SyncRunDetailPage from './SyncRunDetailPage.vue';

let net: FakeFetch | null = null;

signedInTests();

describe('SyncRunDetailPage', () => {
  it('follows a running run: its progress, read again every second, until it has finished', async () => {
    vi.useFakeTimers();
    let run = runDetail({
      kind: 'odoo-mo',
      status: 'running',
      finishedAt: null,
      durationMs: null,
      itemCounts: {},
      items: [],
      progress: { at: '2026-11-22T10:30:01.000Z', items: [{ key: 'liquid', status: 'running', done: 500, total: 700 }] },
    });
    net = installFakeFetch({ [`GET /api/sync-runs/${RUN_ID}`]: () => ok(run) });
    const { wrapper } = await mountRoute(
      [
        { path: '/sync-runs/:id', name: 'sync-run-detail', component: SyncRunDetailPage, props: true },
        { path: '/sync-runs', name: 'sync-runs', component: () => h('div') },
      ],
      `/sync-runs/${RUN_ID}`,
    );
    expect(wrapper.find('[data-testid="sync-run-status"]').text()).toBe('Running');
    expect(wrapper.find('[data-testid="sync-progress-item"]').text()).toBe('liquidReading500 of 700');

    run = { ...run, progress: { at: '2026-11-22T10:30:01.500Z', items: [{ key: 'liquid', status: 'running', done: 700, total: 700 }] } };
    await vi.advanceTimersByTimeAsync(1000);
    expect(wrapper.find('[data-testid="sync-progress-item"]').attributes('data-done')).toBe('700');

    run = runDetail({ kind: 'odoo-mo', status: 'success', progress: null });
    await vi.advanceTimersByTimeAsync(1000);
    await flushPromises();
    expect(wrapper.find('[data-testid="sync-run-status"]').text()).toBe('Success');
    expect(wrapper.find('[data-testid="sync-run-progress"]').exists()).toBe(false);
    const reads = net.callsTo('GET', `/api/sync-runs/${RUN_ID}`).length;
    expect(reads).toBe(3);
    await vi.advanceTimersByTimeAsync(5000);
    expect(net.callsTo('GET', `/api/sync-runs/${RUN_ID}`)).toHaveLength(reads);
  });
});
