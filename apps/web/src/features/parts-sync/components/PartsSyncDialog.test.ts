import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent } from 'vue';
import { deferred, fail, installFakeFetch, ok, type FakeFetch } from '@/shared/test/fake-fetch';
import { mountWithApp, routerAt, signedInTests } from '@/shared/test/mount';
import { executeBody, previewBody, previewItem, RUN_ID } from '@/shared/test/sync-fixtures';
import PartsSyncDialog from './PartsSyncDialog.vue';

let net: FakeFetch | null = null;
const Blank = defineComponent({ template: '<div />' });

async function mountDialog() {
  const router = await routerAt(
    [
      { path: '/', component: Blank },
      { path: '/sync-runs/:id', name: 'sync-run-detail', component: Blank },
    ],
    '/',
  );
  return mountWithApp(PartsSyncDialog, { router, stubTeleport: true }).wrapper;
}

signedInTests();

describe('PartsSyncDialog', () => {
  it('shows counts per status, filters by status, then syncs with a progress indicator and shows the result', async () => {
    const gate = deferred();
    net = installFakeFetch({
      'GET /api/master/parts/sync-po': (req) =>
        req.query.get('status') === 'already-synced'
          ? previewBody([previewItem(9, { status: 'already-synced', needsSync: false, currentPONumber: 'PO-9' })], {
              needsSync: 2,
              counts: { 'already-synced': 1 },
            })
          : previewBody([previewItem(1, { currentPONumber: 'PO-OLD' }), previewItem(2)], { counts: { 'already-synced': 1 } }),
      'POST /api/master/parts/sync-po': async () => {
        await gate.promise;
        return executeBody();
      },
      'GET /api/notifications/unread-count': () => ok({ unread: 1 }),
    });
    const wrapper = await mountDialog();
    await flushPromises();

    expect(wrapper.find('[data-testid="parts-sync-count-needs-sync"]').attributes('data-value')).toBe('2');
    expect(wrapper.find('[data-testid="parts-sync-count-already-synced"]').attributes('data-value')).toBe('1');
    expect(wrapper.find('[data-testid="parts-sync-count-all"]').attributes('data-value')).toBe('3');
    const rows = wrapper.findAll('[data-testid="parts-sync-row"]');
    expect(rows).toHaveLength(2);
    expect(rows[0]?.text()).toContain('PO-OLD');
    expect(rows[0]?.text()).toContain('PO-1');
    expect(rows[1]?.text()).toContain('(empty)');

    await wrapper.find('[data-testid="parts-sync-count-already-synced"]').trigger('click');
    await flushPromises();
    expect(net.callsTo('GET', '/api/master/parts/sync-po').at(-1)?.query.get('status')).toBe('already-synced');
    expect(wrapper.findAll('[data-testid="parts-sync-row"]').map((r) => r.attributes('data-status'))).toEqual(['already-synced']);

    const confirm = wrapper.find('[data-testid="parts-sync-confirm"]');
    expect(confirm.attributes('disabled')).toBeUndefined();
    expect(confirm.text()).toBe('Confirm sync (2)');
    await confirm.trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="parts-sync-progress"]').text()).toContain('Syncing 2 parts');
    expect(wrapper.find('[data-testid="parts-sync-confirm"]').attributes('disabled')).toBeDefined();

    gate.resolve();
    await flushPromises();
    const result = wrapper.find('[data-testid="parts-sync-result"]');
    expect(result.exists()).toBe(true);
    expect(result.find('[data-testid="parts-sync-result-synced"]').attributes('data-value')).toBe('2');
    expect(result.find('[data-testid="parts-sync-result-error"]').attributes('data-value')).toBe('1');
    expect(result.find('[data-testid="parts-sync-errors"]').text()).toContain('locked by another transaction');
    expect(result.find('[data-testid="parts-sync-run-link"]').attributes('href')).toBe(`/sync-runs/${RUN_ID}`);
    expect(wrapper.emitted('synced')).toHaveLength(1);
  });

  it('cannot confirm when nothing needs a sync', async () => {
    net = installFakeFetch({
      'GET /api/master/parts/sync-po': () =>
        previewBody([previewItem(1, { status: 'already-synced', needsSync: false, currentPONumber: 'PO-1' })], { needsSync: 0 }),
    });
    const wrapper = await mountDialog();
    await flushPromises();

    expect(wrapper.find('[data-testid="parts-sync-count-needs-sync"]').attributes('data-value')).toBe('0');
    expect(wrapper.find('[data-testid="parts-sync-confirm"]').attributes('disabled')).toBeDefined();
  });

  it('shows the 409 sentence when another sync is running', async () => {
    net = installFakeFetch({
      'GET /api/master/parts/sync-po': () => previewBody([previewItem(1)]),
      'POST /api/master/parts/sync-po': () =>
        fail(409, 'A parts-po sync is already running. Wait for it to finish, then try again.', 'SYNC_ALREADY_RUNNING'),
      'GET /api/notifications/unread-count': () => ok({ unread: 0 }),
    });
    const wrapper = await mountDialog();
    await flushPromises();
    await wrapper.find('[data-testid="parts-sync-confirm"]').trigger('click');
    await flushPromises();

    expect(wrapper.find('[data-testid="parts-sync-error"]').text()).toContain('already running');
    expect(wrapper.find('[data-testid="parts-sync-result"]').exists()).toBe(false);
    expect(wrapper.emitted('synced')).toBeUndefined();
  });
});
