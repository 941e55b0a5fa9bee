import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { CronJob } from 'cron';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/errors/domain-error';
import { SerialQueue } from '../common/serial-queue';
import { NotificationsService } from '../notifications/notifications.service';
import { SyncErrorCode } from '../sync-runs/sync-runs.error';
import { OdooConfigService } from './odoo-config.service';
import { OdooMoErrorCode } from './odoo-mo.error';
import { ODOO_SYNC_ENABLED } from './odoo-mo.settings';
import { OdooMoStateService } from './odoo-mo-state.service';
import { ODOO_MO_SYNC_KIND, OdooMoSyncService } from './odoo-mo-sync.service';

export const ODOO_MO_CRON_JOB = 'odoo-mo-sync';
/** Like Odoo's own ir.cron: this many consecutive failed scheduled runs switch the schedule off. */
export const MAX_CONSECUTIVE_FAILURES = 5;
/** How often each instance re-reads the schedule settings (changes made elsewhere: another instance, PUT /api/settings). */
const WATCH_MS = 60_000;
/** Every instance's cron fires for the same slot: one that finds a scheduled run this recent leaves the slot to it. */
const SLOT_GUARD_MS = 120_000;

export type ScheduledOutcome = 'success' | 'partial' | 'failed' | 'paused' | 'skipped';

/**
 * The scheduled MO sync. The cron job is registered from the settings (`odoo.sync.schedule`, `.timezone`,
 * `.enabled`) at boot, whenever they change through the odoo-config API, and when a periodic re-read sees a change.
 *
 * Backoff: after the n-th consecutive failure the next 2^(n-1) − 1 scheduled ticks are skipped (0, 1, 3, 7), so a
 * failed run is retried on the next tick, then less and less often; the 5th consecutive failure pauses the schedule
 * (`odoo.sync.enabled` = false) and notifies the admins. A run that reaches Odoo (success or partial) ends the
 * streak; re-enabling the schedule clears a pause.
 */
@Injectable()
export class OdooMoScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('OdooMoScheduler');
  private registered: string | null = null;
  private watcher: NodeJS.Timeout | null = null;
  /** Refreshes one at a time, so two reads of the settings never register the job in the wrong order. */
  private readonly refreshes = new SerialQueue();

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly config: OdooConfigService,
    private readonly sync: OdooMoSyncService,
    private readonly state: OdooMoStateService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.config.onScheduleChange(() => this.refresh());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.refresh();
    this.watcher = setInterval(() => {
      this.refresh().catch((err: unknown) => this.logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'could not re-read the MO sync schedule'));
    }, WATCH_MS);
    this.watcher.unref();
  }

  onModuleDestroy(): void {
    if (this.watcher) clearInterval(this.watcher);
    this.watcher = null;
  }

  /** Registers (or removes) the cron job from the current settings; a no-op when they did not change. */
  refresh(): Promise<void> {
    return this.refreshes.run(() => this.register());
  }

  private async register(): Promise<void> {
    const s = await this.config.read();
    if (s.scheduleEnabled && (await this.state.clearPause())) this.logger.log('MO sync schedule re-enabled; failure streak cleared');
    const signature = JSON.stringify([s.scheduleEnabled, s.schedule, s.timezone]);
    if (signature === this.registered && this.registry.doesExist('cron', ODOO_MO_CRON_JOB) === s.scheduleEnabled) return;
    if (this.registry.doesExist('cron', ODOO_MO_CRON_JOB)) this.registry.deleteCronJob(ODOO_MO_CRON_JOB);
    this.registered = signature;
    if (!s.scheduleEnabled) {
      this.logger.log('MO sync schedule is off');
      return;
    }
    try {
      const job = CronJob.from({ cronTime: s.schedule, timeZone: s.timezone, onTick: () => void this.onTick(), start: true, name: ODOO_MO_CRON_JOB });
      this.registry.addCronJob(ODOO_MO_CRON_JOB, job as unknown as Parameters<SchedulerRegistry['addCronJob']>[1]);
      this.logger.log({ cron: s.schedule, timezone: s.timezone, next: job.nextDate().toISO() }, 'MO sync scheduled');
    } catch (err) {
      this.logger.error({ cron: s.schedule, timezone: s.timezone, err: err instanceof Error ? err.message : String(err) }, 'MO sync schedule is invalid; not scheduled');
    }
  }

  /** The registered job's next run, if any. */
  nextRunAt(): Date | null {
    if (!this.registry.doesExist('cron', ODOO_MO_CRON_JOB)) return null;
    return (this.registry.getCronJob(ODOO_MO_CRON_JOB) as unknown as CronJob).nextDate().toJSDate();
  }

  /** One cron tick: honours the backoff, and lets only one instance run a given time slot. */
  async onTick(): Promise<ScheduledOutcome> {
    try {
      const st = await this.state.get();
      if (st.nextAttemptAt && st.nextAttemptAt.getTime() > Date.now()) {
        this.logger.log({ nextAttemptAt: st.nextAttemptAt.toISOString(), failures: st.consecutiveFailures }, 'scheduled MO sync skipped (backoff)');
        return 'skipped';
      }
      const recent: unknown[] = await this.dataSource.query(
        `SELECT 1 FROM sync_runs WHERE kind = $1 AND trigger = 'schedule' AND started_at > now() - make_interval(secs => $2) LIMIT 1`,
        [ODOO_MO_SYNC_KIND, this.slotGuardMs() / 1000],
      );
      if (recent.length > 0) return 'skipped';
      return await this.runScheduled();
    } catch (err) {
      this.logger.error({ err: err instanceof Error ? err.message : String(err) }, 'scheduled MO sync tick failed');
      return 'skipped';
    }
  }

  /**
   * How recent another instance's scheduled run must be to count as this slot's: two minutes (clocks of instances
   * may differ that much), but under half the time between ticks, so a schedule every minute is not halved.
   */
  private slotGuardMs(): number {
    if (!this.registry.doesExist('cron', ODOO_MO_CRON_JOB)) return SLOT_GUARD_MS;
    const [next, after] = (this.registry.getCronJob(ODOO_MO_CRON_JOB) as unknown as CronJob).nextDates(2).map((d) => d.toMillis());
    return next !== undefined && after !== undefined ? Math.min(SLOT_GUARD_MS, (after - next) / 2) : SLOT_GUARD_MS;
  }

  /** One scheduled run and its effect on the failure streak. Tests call this directly. */
  async runScheduled(): Promise<ScheduledOutcome> {
    let failure: string | null = null;
    let outcome: ScheduledOutcome = 'success';
    try {
      const result = await this.sync.execute('schedule', null);
      if (result.failure) failure = result.failure.message;
      else outcome = result.response.results.some((r) => r.status === 'error') ? 'partial' : 'success';
    } catch (err) {
      if (err instanceof DomainError && err.code === SyncErrorCode.AlreadyRunning) return 'skipped';
      if (err instanceof DomainError && err.code === OdooMoErrorCode.ConfigMissing) {
        this.logger.log('scheduled MO sync skipped: Odoo is not configured');
        return 'skipped';
      }
      failure = err instanceof Error ? err.message : String(err);
    }
    // A run that reached Odoo has already ended the failure streak (OdooMoSyncService.execute).
    if (failure === null) return outcome;
    const failures = await this.state.recordFailure(failure);
    this.logger.warn({ failures, err: failure }, 'scheduled MO sync failed');
    if (failures >= MAX_CONSECUTIVE_FAILURES) {
      await this.pause(failures, failure);
      return 'paused';
    }
    await this.state.setNextAttempt(this.backoffUntil(failures));
    return 'failed';
  }

  /** After the n-th failure, skip 2^(n-1) − 1 ticks: the next attempt is the (2^(n-1))-th upcoming tick. */
  private backoffUntil(failures: number): Date | null {
    const skip = 2 ** (failures - 1) - 1;
    if (skip <= 0 || !this.registry.doesExist('cron', ODOO_MO_CRON_JOB)) return null;
    const job = this.registry.getCronJob(ODOO_MO_CRON_JOB) as unknown as CronJob;
    const upcoming = job.nextDates(skip + 1);
    const at = upcoming[skip]?.toJSDate();
    return at ? new Date(at.getTime() - 1000) : null;
  }

  private async pause(failures: number, lastError: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      await em.query(
        `INSERT INTO settings (key, value, secret_sealed, updated_at, updated_by) VALUES ($1, 'false'::jsonb, NULL, now(), NULL)
         ON CONFLICT (key) DO UPDATE SET value = 'false'::jsonb, updated_at = now(), updated_by = NULL`,
        [ODOO_SYNC_ENABLED.key],
      );
      await this.state.markPaused(em);
      await this.audit.record(em, null, {
        action: 'SETTING_CHANGED',
        resourceType: 'SETTING',
        resourceId: ODOO_SYNC_ENABLED.key,
        details: { value: false, reason: `paused after ${failures} consecutive failed scheduled MO syncs` },
      });
      await this.notifications.notifyRoles(em, ['admin'], {
        type: 'odoo-mo.schedule-paused',
        title: 'Scheduled Odoo MO sync paused',
        body: `The scheduled MO sync failed ${failures} times in a row and has been switched off. Last error: ${lastError} Fix the Odoo connection in Admin settings, then switch the schedule on again.`,
        link: '/admin/odoo',
        data: { failures, lastError },
      });
    });
    this.logger.error({ failures, err: lastError }, 'scheduled MO sync paused after consecutive failures');
    await this.refresh();
  }
}
