import { SchedulerRegistry } from '@nestjs/schedule';
import type { CronJob } from 'cron';
import { ODOO_MO_CRON_JOB, OdooMoScheduler } from '../src/odoo-mo/odoo-mo.scheduler';
import { clearFaults, fault, ODOO_API_KEY, ODOO_DB, ODOO_LOGIN, resetOdoo } from './support/odoo-sandbox';
import { RunningSandbox, startSandbox } from './support/sandbox';
import { createTestApp, TestApp, TestUser } from './support/test-app';


describe('Odoo MO sync schedule (integration)', () => {
  let t: TestApp;
  let sandbox: RunningSandbox;
  let admin: TestUser;
  let scheduler: OdooMoScheduler;
  let registry: SchedulerRegistry;
  const auth = (u: TestUser) => ({ Authorization: `Bearer ${u.token}` });
  const put = (body: Record<string, unknown>) => t.http.put('/api/admin/odoo-config').set(auth(admin)).send(body);
  const job = () => (registry.doesExist('cron', ODOO_MO_CRON_JOB) ? (registry.getCronJob(ODOO_MO_CRON_JOB) as unknown as CronJob) : null);
  const stats = async () => (await t.http.get('/api/admin/mo-stats').set(auth(admin)).expect(200)).body.data;

  beforeAll(async () => {
    sandbox = await startSandbox();
    await resetOdoo(sandbox, { count: 60 });
    t = await createTestApp();
    admin = await t.loginAs('admin');
    scheduler = t.app.get(OdooMoScheduler);
    registry = t.app.get(SchedulerRegistry);
  });
  afterAll(async () => {
    await t.close();
    await sandbox.stop();
  });
  beforeEach(() => clearFaults(sandbox));

  it('registers the cron job from the settings, and again whenever they change', async () => {
    // Boot: the defaults, read in Asia/Jakarta.
    const boot = job();
    expect(boot?.cronTime.source).toBe('0 0,6,12,18 * * *');
    const next = boot?.nextDate().setZone('Asia/Jakarta');
    expect([0, 6, 12, 18]).toContain(next?.hour);
    expect(next?.minute).toBe(0);

    await put({ schedule: '*/15 * * * *', timezone: 'UTC' }).expect(200);
    expect(job()?.cronTime.source).toBe('*/15 * * * *');
    expect(job()?.nextDate().setZone('UTC').minute).toBe((Math.floor(new Date().getUTCMinutes() / 15 + 1) * 15) % 60);

    await put({ scheduleEnabled: false }).expect(200);
    expect(job()).toBeNull();
    expect((await stats()).schedule).toMatchObject({ enabled: false, nextRunAt: null });

    // Changed elsewhere (the generic settings API, another instance): the periodic re-read picks it up.
    await t.http.put('/api/settings/odoo.sync.enabled').set(auth(admin)).send({ value: true }).expect(200);
    await t.http.put('/api/settings/odoo.sync.schedule').set(auth(admin)).send({ value: '30 7 * * 1-5' }).expect(200);
    await t.http.put('/api/settings/odoo.sync.schedule').set(auth(admin)).send({ value: 'not cron' }).expect(400);
    await scheduler.refresh();
    expect(job()?.cronTime.source).toBe('30 7 * * 1-5');
    const s = await stats();
    expect(s.schedule).toMatchObject({ enabled: true, cron: '30 7 * * 1-5', timezone: 'UTC' });
    expect(new Date(s.schedule.nextRunAt).getUTCHours()).toBe(7);
  });

  it('skips scheduled runs while Odoo is not configured, without counting failures or recording runs', async () => {
    expect(await scheduler.runScheduled()).toBe('skipped');
    expect((await stats()).schedule.consecutiveFailures).toBe(0);
    expect(await t.ds.query(`SELECT id FROM sync_runs WHERE kind = 'odoo-mo'`)).toEqual([]);
  });

  it('backs off after failures, pauses itself after 5 in a row and notifies the admins', async () => {
    await put({ baseUrl: `${sandbox.url}/odoo`, database: ODOO_DB, login: ODOO_LOGIN, apiKey: ODOO_API_KEY, schedule: '0 0,6,12,18 * * *', timezone: 'Asia/Jakarta' }).expect(200);
    expect(await scheduler.runScheduled()).toBe('success');
    const [{ n: cached }] = await t.ds.query(`SELECT count(*)::int AS n FROM odoo_mo_cache`);
    expect(cached).toBeGreaterThan(0);

    await fault(sandbox, { kind: 'http500' });
    expect(await scheduler.runScheduled()).toBe('failed');
    // First failure: retried on the very next tick.
    expect((await stats()).schedule).toMatchObject({ consecutiveFailures: 1, nextAttemptAt: null });

    expect(await scheduler.runScheduled()).toBe('failed');
    // Second failure: the next tick is skipped, the one after runs.
    const ticks = job()?.nextDates(2).map((d) => d.toJSDate().getTime()) ?? [];
    const after2 = (await stats()).schedule;
    expect(after2.consecutiveFailures).toBe(2);
    expect(new Date(after2.nextAttemptAt).getTime()).toBe((ticks[1] ?? 0) - 1000);
    // Only the backoff can skip this tick: no scheduled run is recent enough to have taken the tick's slot.
    await t.ds.query(`UPDATE sync_runs SET started_at = started_at - interval '3 minutes' WHERE kind = 'odoo-mo'`);
    const runsBefore = await t.ds.query(`SELECT id FROM sync_runs WHERE kind = 'odoo-mo'`);
    expect(await scheduler.onTick()).toBe('skipped');
    expect(await t.ds.query(`SELECT id FROM sync_runs WHERE kind = 'odoo-mo'`)).toHaveLength(runsBefore.length);

    expect(await scheduler.runScheduled()).toBe('failed');
    expect(await scheduler.runScheduled()).toBe('failed');
    expect((await stats()).schedule.consecutiveFailures).toBe(4);
    expect(await scheduler.runScheduled()).toBe('paused');

    const cfg = await t.http.get('/api/admin/odoo-config').set(auth(admin)).expect(200);
    expect(cfg.body.data.scheduleEnabled).toBe(false);
    expect(job()).toBeNull();
    const s = await stats();
    expect(s.schedule).toMatchObject({ enabled: false, consecutiveFailures: 5 });
    expect(s.schedule.pausedAt).not.toBeNull();
    expect(s.schedule.lastError).toMatch(/HTTP 500/);
    const notes = await t.http.get('/api/notifications').set(auth(admin)).expect(200);
    expect(notes.body.data[0]).toMatchObject({ type: 'odoo-mo.schedule-paused', title: 'Scheduled Odoo MO sync paused' });
    expect(notes.body.data[0].body).toMatch(/failed 5 times in a row/);
    const audit = await t.http.get('/api/audit-logs?resourceId=odoo.sync.enabled').set(auth(admin)).expect(200);
    expect(audit.body.data[0]).toMatchObject({ action: 'SETTING_CHANGED', details: { value: false } });
    const runs = await t.http.get('/api/sync-runs?kind=odoo-mo&trigger=schedule').set(auth(admin)).expect(200);
    expect(runs.body.data.slice(0, 5).map((r: { status: string }) => r.status)).toEqual(['failed', 'failed', 'failed', 'failed', 'failed']);
    // The cache is untouched by the failed runs.
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM odoo_mo_cache`);
    expect(n).toBe(cached);
  });

  it('re-enabling the schedule clears the pause; a run that reaches Odoo ends a failure streak', async () => {
    await put({ scheduleEnabled: true }).expect(200);
    expect(job()).not.toBeNull();
    expect((await stats()).schedule).toMatchObject({ enabled: true, consecutiveFailures: 0, pausedAt: null });

    await fault(sandbox, { kind: 'protocol-error', times: 5 });
    expect(await scheduler.runScheduled()).toBe('failed');
    expect((await stats()).schedule.consecutiveFailures).toBe(1);
    await clearFaults(sandbox);
    expect(await scheduler.runScheduled()).toBe('success');
    expect((await stats()).schedule).toMatchObject({ consecutiveFailures: 0, nextAttemptAt: null, lastError: null });
  });

  it('leaves a tick to a scheduled run another instance started for the same slot, however often the schedule runs', async () => {
    const scheduledRunAgo = (seconds: number) =>
      t.ds.query(
        `INSERT INTO sync_runs (kind, trigger, status, started_at, finished_at) VALUES ('odoo-mo', 'schedule', 'success', now() - make_interval(secs => $1), now())`,
        [seconds],
      );
    const latest = async () => (await t.ds.query(`SELECT status, trigger FROM sync_runs WHERE kind = 'odoo-mo' ORDER BY started_at DESC LIMIT 1`))[0];
    await t.ds.query(`DELETE FROM sync_runs WHERE kind = 'odoo-mo'`);
    // Every 6 hours: a run 90 s ago took this slot.
    await scheduledRunAgo(90);
    expect(await scheduler.onTick()).toBe('skipped');
    // Every minute: a run 45 s ago belongs to the previous slot, one 10 s ago to this one.
    await put({ schedule: '* * * * *' }).expect(200);
    expect(await scheduler.onTick()).toBe('success');
    expect(await latest()).toMatchObject({ status: 'success', trigger: 'schedule' });
    await t.ds.query(`UPDATE sync_runs SET started_at = now() - interval '45 seconds' WHERE kind = 'odoo-mo'`);
    expect(await scheduler.onTick()).toBe('success');
    await t.ds.query(`UPDATE sync_runs SET started_at = started_at - interval '45 seconds' WHERE kind = 'odoo-mo'`);
    await scheduledRunAgo(10);
    expect(await scheduler.onTick()).toBe('skipped');
    await put({ schedule: '0 0,6,12,18 * * *' }).expect(200);
  });

  it('a manual sync that reaches Odoo ends the streak too, so the schedule stops backing off', async () => {
    await fault(sandbox, { kind: 'http500' });
    expect(await scheduler.runScheduled()).toBe('failed');
    expect(await scheduler.runScheduled()).toBe('failed');
    expect((await stats()).schedule).toMatchObject({ consecutiveFailures: 2, nextAttemptAt: expect.any(String) });
    await clearFaults(sandbox);
    await t.http.post('/api/admin/sync-mo').set(auth(admin)).expect(200);
    expect((await stats()).schedule).toMatchObject({ consecutiveFailures: 0, nextAttemptAt: null, lastError: null });
  });
});
