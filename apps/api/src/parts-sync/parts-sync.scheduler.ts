import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { PartsSyncScheduleDto, PartsSyncScheduleResponse } from '@simpul/contracts';
import { CronJob } from 'cron';
import type { Actor } from '../common/auth/actor';
import { SerialQueue } from '../common/serial-queue';
import { SettingsService } from '../settings/settings.service';
import { SyncRunsService } from '../sync-runs/sync-runs.service';
import { PartsSyncError, PartsSyncErrorCode } from './parts-sync.error';
import { PARTS_SYNC_KIND, PartsSyncService } from './parts-sync.service';
import { cronProblem, PARTS_SYNC_CRON, PARTS_SYNC_ENABLED, PARTS_SYNC_TIMEZONE } from './parts-sync.settings';

export const PARTS_SYNC_JOB = 'parts-po-sync';

/** The scheduled run, registered from the settings at boot and again whenever they change. */
@Injectable()
export class PartsSyncScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('PartsSyncScheduler');
  /** Schedule changes and registrations, one at a time: concurrent ones would register the job twice. */
  private readonly changes = new SerialQueue();

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly settings: SettingsService,
    private readonly sync: PartsSyncService,
    private readonly runs: SyncRunsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.reschedule();
  }

  reschedule(): Promise<void> {
    return this.changes.run(() => this.register());
  }

  /** Replaces the job from the current settings; idempotent, and the replacement has no await inside it. */
  private async register(): Promise<void> {
    const [cron, enabled] = await Promise.all([this.settings.get(PARTS_SYNC_CRON), this.settings.get(PARTS_SYNC_ENABLED)]);
    if (this.registry.doesExist('cron', PARTS_SYNC_JOB)) this.registry.deleteCronJob(PARTS_SYNC_JOB);
    if (!enabled) return;
    const job = CronJob.from({ cronTime: cron, timeZone: PARTS_SYNC_TIMEZONE, onTick: () => void this.runScheduled(), start: true });
    this.registry.addCronJob(PARTS_SYNC_JOB, job as unknown as Parameters<SchedulerRegistry['addCronJob']>[1]);
  }

  async runScheduled(): Promise<void> {
    try {
      const res = await this.sync.execute(null, 'schedule');
      this.logger.log({ runId: res.data.runId, counts: res.data.counts }, 'scheduled PO-number sync finished');
    } catch (err) {
      this.logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'scheduled PO-number sync did not run');
    }
  }

  async describe(): Promise<PartsSyncScheduleResponse> {
    const [cron, enabled, last] = await Promise.all([
      this.settings.get(PARTS_SYNC_CRON),
      this.settings.get(PARTS_SYNC_ENABLED),
      this.runs.last(PARTS_SYNC_KIND),
    ]);
    const job = this.registry.doesExist('cron', PARTS_SYNC_JOB) ? this.registry.getCronJob(PARTS_SYNC_JOB) : null;
    const next = job?.nextDate();
    return {
      cron,
      enabled,
      timezone: PARTS_SYNC_TIMEZONE,
      nextRunAt: next ? next.toUTC().toISO() : null,
      lastRun: last
        ? { id: last.id, status: last.status, trigger: last.trigger, startedAt: last.startedAt, finishedAt: last.finishedAt, counts: last.counts }
        : null,
    };
  }

  async update(actor: Actor, dto: PartsSyncScheduleDto): Promise<PartsSyncScheduleResponse> {
    if (dto.cron !== undefined) {
      const problem = cronProblem(dto.cron);
      if (problem) throw new PartsSyncError(PartsSyncErrorCode.InvalidSchedule, problem);
    }
    await this.changes.run(async () => {
      if (dto.cron !== undefined) await this.settings.set(actor, PARTS_SYNC_CRON.key, dto.cron.trim());
      if (dto.enabled !== undefined) await this.settings.set(actor, PARTS_SYNC_ENABLED.key, dto.enabled);
      await this.register();
    });
    return this.describe();
  }
}
