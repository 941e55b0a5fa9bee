import type { ImportPreviewResponse } from '@simpul/contracts';
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { installFakeFetch, json, ok, type FakeFetch } from '@/shared/test/fake-fetch';
import { mountWithApp, signedInTests } from '@/shared/test/mount';
import ImportDialog from './ImportDialog.vue';

let net: FakeFetch | null = null;

const withErrors: ImportPreviewResponse = {
  entity: 'parts',
  committed: false,
  counts: { create: 1, update: 1, error: 1 },
  rows: [
    { row: 1, action: 'create', key: 'P-1', errors: [] },
    { row: 2, action: 'update', key: 'P-2', errors: [] },
    { row: 3, action: 'error', key: 'P-3', errors: ['harga must be a number of at least 0 with at most 2 decimal places'] },
  ],
};

const clean: ImportPreviewResponse = {
  entity: 'parts',
  committed: false,
  counts: { create: 2, update: 1, error: 0 },
  rows: [
    { row: 1, action: 'create', key: 'P-1', errors: [] },
    { row: 2, action: 'create', key: 'P-4', errors: [] },
    { row: 3, action: 'update', key: 'P-2', errors: [] },
  ],
};

function mountDialog() {
  return mountWithApp(ImportDialog, { props: { resource: 'parts', title: 'Import parts' }, stubTeleport: true }).wrapper;
}

async function chooseFile(wrapper: ReturnType<typeof mountDialog>, name = 'parts.csv') {
  const input = wrapper.find('[data-testid="import-file"]');
  const file = new File(['kode,nama,harga\n'], name, { type: 'text/csv' });
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true });
  await input.trigger('change');
  await flushPromises();
  return file;
}

signedInTests();

describe('ImportDialog', () => {
  it('previews the file and keeps the import disabled while rows have errors', async () => {
    net = installFakeFetch({ 'POST /api/v1/import/parts': () => ok(withErrors) });
    const wrapper = mountDialog();
    const commit = () => wrapper.find('[data-testid="import-commit"]');
    expect(commit().attributes('disabled')).toBeDefined();

    const file = await chooseFile(wrapper);

    const call = net.callsTo('POST', '/api/v1/import/parts')[0];
    expect(call?.query.get('commit')).toBeNull(); // a preview, nothing saved
    expect(call?.rawBody).toBeInstanceOf(FormData);
    expect((call?.rawBody as FormData).get('file')).toBeInstanceOf(File);
    expect(((call?.rawBody as FormData).get('file') as File).name).toBe(file.name);
    expect(call?.headers['content-type']).toBeUndefined(); // the browser sets the multipart boundary

    expect(wrapper.find('[data-testid="import-count-create"]').text()).toBe('1 new');
    expect(wrapper.find('[data-testid="import-count-update"]').text()).toBe('1 updated');
    expect(wrapper.find('[data-testid="import-count-error"]').text()).toBe('1 with errors');
    const errorRow = wrapper.find('[data-testid="import-row"][data-action="error"]');
    expect(errorRow.classes()).toContain('row-error');
    expect(errorRow.text()).toContain('harga must be a number');
    expect(commit().text()).toBe('Import 2 rows');
    expect(commit().attributes('disabled')).toBeDefined();

    await commit().trigger('click');
    expect(net.calls).toHaveLength(1);
  });

  it('imports all rows once the preview is clean and reports the result', async () => {
    net = installFakeFetch({
      'POST /api/v1/import/parts': (req) =>
        req.query.get('commit') === 'true' ? ok({ ...clean, committed: true }) : ok(clean),
    });
    const wrapper = mountDialog();
    await chooseFile(wrapper);

    const commit = wrapper.find('[data-testid="import-commit"]');
    expect(commit.text()).toBe('Import 3 rows');
    expect(commit.attributes('disabled')).toBeUndefined();
    await commit.trigger('click');
    await flushPromises();

    const calls = net.callsTo('POST', '/api/v1/import/parts');
    expect(calls.map((c) => c.query.get('commit'))).toEqual([null, 'true']);
    expect(wrapper.find('[data-testid="import-result"]').text()).toContain('2 new, 1 updated');
    expect(wrapper.emitted('imported')?.[0]?.[0]).toMatchObject({ committed: true });
  });

  it('shows the fresh preview from a refused commit (all or nothing)', async () => {
    net = installFakeFetch({
      'POST /api/v1/import/parts': (req) =>
        req.query.get('commit') === 'true'
          ? json(422, { success: false, error: 'The import has 1 row with errors; nothing was saved.', code: 'IMPORT_HAS_ERRORS', details: { preview: withErrors } })
          : ok(clean),
    });
    const wrapper = mountDialog();
    await chooseFile(wrapper);
    await wrapper.find('[data-testid="import-commit"]').trigger('click');
    await flushPromises();

    expect(wrapper.find('[data-testid="import-error"]').text()).toContain('nothing was saved');
    expect(wrapper.find('[data-testid="import-count-error"]').text()).toBe('1 with errors');
    expect(wrapper.find('[data-testid="import-commit"]').attributes('disabled')).toBeDefined();
    expect(wrapper.emitted('imported')).toBeUndefined();
  });
});
