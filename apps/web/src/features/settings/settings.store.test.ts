import { describe, expect, it } from 'vitest';
import { ApiError } from '@/shared/api/client';
import { fail, installFakeFetch, ok, type FakeFetch } from '@/shared/test/fake-fetch';
import { schedule } from '@/shared/test/sync-fixtures';
import { ALLOW_BACKORDERS_KEY, useSettingsStore } from './settings.store';
import { storeTests } from '@/shared/test/mount';

let net: FakeFetch | null = null;

storeTests();

describe('settings store', () => {
  it('loads and saves the parts-sync schedule with PUT', async () => {
    net = installFakeFetch({
      'GET /api/master/parts/sync-po/schedule': () => ok(schedule()),
      'PUT /api/master/parts/sync-po/schedule': (req) => ok(schedule({ ...(req.body as object), nextRunAt: '2025-05-01T23:30:00.000Z' })),
    });
    const store = useSettingsStore();
    await store.loadSchedule();
    expect(store.schedule?.cron).toBe('0 2 * * *');

    const saved = await store.saveSchedule({ cron: '30 6 * * 1-5', enabled: false });

    expect(saved).toBe(true);
    expect(net.callsTo('PUT', '/api/master/parts/sync-po/schedule')[0]?.body).toEqual({ cron: '30 6 * * 1-5', enabled: false });
    expect(store.schedule).toMatchObject({ cron: '30 6 * * 1-5', enabled: false, nextRunAt: '2025-05-01T23:30:00.000Z' });
    expect(store.scheduleSaveError).toBeNull();
  });

  it("keeps the API's 400 sentence for an invalid cron and leaves the schedule unchanged", async () => {
    const sentence = '"every day" is not a valid cron expression: Unknown alias: every';
    net = installFakeFetch({
      'GET /api/master/parts/sync-po/schedule': () => ok(schedule()),
      'PUT /api/master/parts/sync-po/schedule': () => fail(400, sentence, 'PARTS_SYNC_INVALID_SCHEDULE'),
    });
    const store = useSettingsStore();
    await store.loadSchedule();

    const saved = await store.saveSchedule({ cron: 'every day', enabled: true });

    expect(saved).toBe(false);
    expect(store.scheduleSaving).toBe(false);
    expect(store.scheduleSaveError).toBeInstanceOf(ApiError);
    expect((store.scheduleSaveError as ApiError).message).toBe(sentence);
    expect(store.schedule?.cron).toBe('0 2 * * *');
  });

  it('saves a setting value and replaces it in the list', async () => {
    net = installFakeFetch({
      'GET /api/settings': () =>
        ok([
          { key: ALLOW_BACKORDERS_KEY, value: false, secret: false, updatedAt: null },
          { key: 'partsSync.cron', value: '0 2 * * *', secret: false, updatedAt: null },
        ]),
      [`PUT /api/settings/${ALLOW_BACKORDERS_KEY}`]: (req) =>
        ok({ key: ALLOW_BACKORDERS_KEY, value: (req.body as { value: unknown }).value, secret: false, updatedAt: '2025-05-01T00:00:00.000Z' }),
    });
    const store = useSettingsStore();
    await store.loadSettings();
    expect(store.setting(ALLOW_BACKORDERS_KEY)?.value).toBe(false);

    expect(await store.saveSetting(ALLOW_BACKORDERS_KEY, true)).toBe(true);
    expect(net.callsTo('PUT', `/api/settings/${ALLOW_BACKORDERS_KEY}`)[0]?.body).toEqual({ value: true });
    expect(store.setting(ALLOW_BACKORDERS_KEY)?.value).toBe(true);
    expect(store.settings).toHaveLength(2);
  });
});
