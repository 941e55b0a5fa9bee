import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from './pagination';

export const SYNC_TRIGGERS = ['manual', 'schedule', 'auto'] as const;
export type SyncTrigger = (typeof SYNC_TRIGGERS)[number];
export type SyncRunStatus = 'running' | 'success' | 'partial' | 'failed';

export class SyncRunListQueryDto extends PageQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(32)
  kind?: string;

  @IsOptional()
  @IsIn(SYNC_TRIGGERS)
  trigger?: SyncTrigger;
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
