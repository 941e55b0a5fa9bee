import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from './pagination';

export const SYNC_TRIGGERS = ['manual', 'schedule', 'auto'] as const;
export type SyncTrigger = (typeof SYNC_TRIGGERS)[number];
export const SYNC_RUN_STATUSES = ['running', 'success', 'partial', 'failed'] as const;
export type SyncRunStatus = (typeof SYNC_RUN_STATUSES)[number];

export class SyncRunListQueryDto extends PageQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(32)
  kind?: string;

  @IsOptional()
  @IsIn(SYNC_TRIGGERS)
  trigger?: SyncTrigger;

  @IsOptional()
  @IsIn(SYNC_RUN_STATUSES)
  status?: SyncRunStatus;
}

export class SyncRunItemsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(32)
  status?: string;
}

export interface SyncRunResponse {
  id: string;
  kind: string;
  trigger: SyncTrigger;
  triggeredBy: string | null;
  triggeredByEmail: string | null;
  status: SyncRunStatus;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  counts: Record<string, number>;
  summary: Record<string, unknown>;
  error: string | null;
  /** While the run is `running` and has worked for a moment: how far it has got. Null otherwise. */
  progress: SyncRunProgress | null;
}

/** How far a running sync has got, written at most twice a second while it works (a short run writes none). */
export interface SyncRunProgress {
  /** When the server wrote it (ISO). */
  at: string;
  items: SyncRunProgressItem[];
}

export const SYNC_PROGRESS_STATUSES = ['pending', 'running', 'done', 'error'] as const;
export type SyncProgressStatus = (typeof SYNC_PROGRESS_STATUSES)[number];

/** One part of a run's work (the MO sync: one production type). */
export interface SyncRunProgressItem {
  key: string;
  status: SyncProgressStatus;
  /** Units done so far (the MO sync: MOs read from Odoo). */
  done: number;
  /** Units to do, once known (the MO sync: Odoo's count, up to the limit). */
  total: number | null;
}

export interface SyncRunItemResponse {
  key: string;
  status: string;
  message: string | null;
  details: Record<string, unknown>;
}

export interface SyncRunDetailResponse extends SyncRunResponse {
  /** Counts per item status over the whole run (the items page below is filtered and paginated). */
  itemCounts: Record<string, number>;
  items: SyncRunItemResponse[];
  itemsMeta: { page: number; limit: number; total: number; pages: number };
}

export class NotificationListQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';
}

export interface NotificationResponse {
  id: string;
  type: string;
  title: string;
  body: string | null;
  link: string | null;
  data: Record<string, unknown>;
  readAt: string | null;
  createdAt: string;
}
