import { SyncItem, SyncRunsService } from '../src/sync-runs/sync-runs.service';
import { createTestApp, TestApp } from './support/test-app';

const KIND = 'test-run-end';

describe('Sync run history: how a run starts and ends (integration)', () => {
  let t: TestApp;
  let runs: SyncRunsService;

  const items = (n: number, prefix = 'item'): SyncItem[] =>
    Array.from({ length: n }, (_, i) => ({
      key: `${prefix}-${i}`,
      status: i % 2 ? 'success' : 'error',
      message: i % 2 ? null : `failed ${i}`,
      details: { i },
    }));
  const stored = async (runId: string) =>
    (await t.ds.query(`SELECT item_key, status, message, details FROM sync_run_items WHERE run_id = $1 ORDER BY id`, [
      runId,
    ])) as Array<{
      item_key: string;
      status: string;
      message: string | null;
      details: { i: number };
    }>;
  const runRow = async (runId: string) =>
    (
      (await t.ds.query(`SELECT status, counts, summary, error, finished_at FROM sync_runs WHERE id = $1`, [
        runId,
      ])) as Array<Record<string, unknown>>
    )[0];

  beforeAll(async () => {
    t = await createTestApp();
    runs = t.app.get(SyncRunsService);
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    ['a few items (asyncCommit)', 3, true],
    ['no items', 0, false],
    ['exactly one batch of items', 5000, false],
    ['items over several batches', 10_003, true],
  ])('records the final state with %s', async (_label, count, asyncCommit) => {
    const written = items(count);
    const result = await runs.run(
      KIND,
      'manual',
      null,
      async () => ({
        status: 'partial',
        counts: { items: count },
        summary: { note: 'done' },
        error: 'some failed',
        items: written,
        result: { ok: true },
      }),
      { asyncCommit },
    );
    expect(result.ok).toBe(true);
    expect(await runRow(result.runId)).toMatchObject({
      status: 'partial',
      counts: { items: count },
      summary: { note: 'done' },
      error: 'some failed',
      finished_at: expect.any(Date),
    });
    const rows = await stored(result.runId);
    expect(rows).toHaveLength(count);
    expect(rows.map((r) => r.item_key)).toEqual(written.map((w) => w.key));
    if (count > 0)
      expect(rows[count - 1]).toEqual({
        item_key: `item-${count - 1}`,
        status: written[count - 1]?.status,
        message: written[count - 1]?.message,
        details: { i: count - 1 },
      });
  });

  it('409 while another instance holds the lock: its running run stays running, and no row is written', async () => {
    const [{ id: live }] = (await t.ds.query(
      `INSERT INTO sync_runs (kind, trigger, status) VALUES ($1, 'schedule', 'running') RETURNING id`,
      [KIND],
    )) as [{ id: string }];
    const holder = t.ds.createQueryRunner();
    await holder.connect();
    await holder.query(`SELECT pg_advisory_lock(hashtext($1))`, [`simpul:sync:${KIND}`]);
    let worked = false;
    try {
      await expect(
        runs.run(KIND, 'manual', null, async () => {
          worked = true;
          return { status: 'success', counts: {}, result: {} };
        }),
      ).rejects.toMatchObject({ code: 'SYNC_ALREADY_RUNNING' });
    } finally {
      await holder.query(`SELECT pg_advisory_unlock(hashtext($1))`, [`simpul:sync:${KIND}`]);
      await holder.release();
    }
    expect(worked).toBe(false);
    const rows = (await t.ds.query(`SELECT id, status FROM sync_runs WHERE kind = $1`, [KIND])) as Array<{
      id: string;
      status: string;
    }>;
    expect(rows.filter((r) => r.status === 'running').map((r) => r.id)).toEqual([live]);
    // Once the lock is free, the next run judges that row cut off.
    const next = await runs.run(KIND, 'manual', null, async () => ({ status: 'success', counts: {}, result: {} }));
    expect(await runRow(live)).toMatchObject({ status: 'failed', error: expect.stringMatching(/^Interrupted/) });
    expect(await runRow(next.runId)).toMatchObject({ status: 'success' });
  });

  it('at boot marks failed the runs whose owner is gone, and leaves alone a kind whose run another instance holds', async () => {
    const insertRunning = async (kind: string) =>
      (
        (await t.ds.query(`INSERT INTO sync_runs (kind, trigger, status) VALUES ($1, 'schedule', 'running') RETURNING id`, [
          kind,
        ])) as [{ id: string }]
      )[0].id;
    const dead = await insertRunning('boot-dead-owner');
    const alsoDead = await insertRunning('boot-dead-owner');
    const live = await insertRunning('boot-live-owner');
    // Another instance's run: its lock is held on its own connection, as run() holds it.
    const holder = t.ds.createQueryRunner();
    await holder.connect();
    await holder.query(`SELECT pg_advisory_lock(hashtext($1))`, ['simpul:sync:boot-live-owner']);
    try {
      const marked = await runs.markInterrupted();
      expect([...marked].sort()).toEqual([dead, alsoDead].sort());
      expect(await runRow(dead)).toMatchObject({ status: 'failed', error: expect.stringMatching(/^Interrupted: the server stopped/) });
      expect((await runRow(dead))?.['finished_at']).toBeInstanceOf(Date);
      expect(await runRow(live)).toMatchObject({ status: 'running', error: null });
    } finally {
      await holder.query(`SELECT pg_advisory_unlock(hashtext($1))`, ['simpul:sync:boot-live-owner']);
      await holder.release();
    }
    // Its lock is free now, so the next boot (here: the same call) judges it cut off; the lock is not kept.
    expect(await runs.markInterrupted()).toEqual([live]);
    const next = await runs.run('boot-live-owner', 'manual', null, async () => ({ status: 'success', counts: {}, result: {} }));
    expect(await runRow(next.runId)).toMatchObject({ status: 'success' });
  });

  it('writes none of the items when one of them cannot be stored, and records the run as failed', async () => {
    // The bad item is in the last batch, after a full one: that earlier batch must not stay behind either.
    const written = [...items(5000), { key: 'x'.repeat(201), status: 'success' }];
    let runId = '';
    await expect(
      runs.run(KIND, 'manual', null, async (ctx) => {
        runId = ctx.runId;
        return { status: 'success', counts: {}, items: written, result: {} };
      }),
    ).rejects.toThrow(/too long/);
    expect(await stored(runId)).toEqual([]);
    expect(await runRow(runId)).toMatchObject({ status: 'failed', error: expect.stringMatching(/too long/) });
  });
});
