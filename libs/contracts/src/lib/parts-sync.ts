import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsOptionalNotNull } from './input';
import { SearchQueryDto } from './pagination';

export const PARTS_SYNC_PREVIEW_STATUSES = ['needs-sync', 'already-synced', 'part-not-found'] as const;
export type PartsSyncPreviewStatus = (typeof PARTS_SYNC_PREVIEW_STATUSES)[number];
export const PARTS_SYNC_RESULT_STATUSES = ['synced', 'already-synced', 'part-not-found', 'error'] as const;
export type PartsSyncResultStatus = (typeof PARTS_SYNC_RESULT_STATUSES)[number];

export class PartsSyncPreviewQueryDto extends SearchQueryDto {
  @IsOptional()
  @IsIn(PARTS_SYNC_PREVIEW_STATUSES)
  status?: PartsSyncPreviewStatus;
}

/** One part in the preview: the purchase order whose number it would take. Seed field names. */
export interface PartsSyncPreviewItem {
  poNumber: string;
  partId: string;
  partName: string;
  internalPartNo: string;
  /** `"(empty)"` when the part has no number yet, as the seed shows it. */
  currentPONumber: string;
  needsSync: boolean;
  status: PartsSyncPreviewStatus;
}

/** `GET /api/master/parts/sync-po` (the seed's shape, plus counts and paging). */
export interface PartsSyncPreviewResponse {
  success: true;
  message: string;
  data: {
    totalPOs: number;
    needsSyncCount: number;
    counts: Record<PartsSyncPreviewStatus, number>;
    preview: PartsSyncPreviewItem[];
    meta: { page: number; limit: number; total: number; pages: number };
  };
  timestamp: string;
}

export interface PartsSyncResultItem {
  poNumber: string;
  partId: string;
  partName: string;
  internalPartNo: string;
  previousPONumber: string;
  status: PartsSyncResultStatus;
  message?: string;
}

/** `POST /api/master/parts/sync-po`. `results` is capped; the run's items page through all of them. */
export interface PartsSyncExecuteResponse {
  success: true;
  message: string;
  data: {
    runId: string;
    totalPOs: number;
    syncedCount: number;
    counts: Record<PartsSyncResultStatus, number>;
    results: PartsSyncResultItem[];
    resultsTruncated: boolean;
  };
  timestamp: string;
}

export class PoNumbersQueryDto extends SearchQueryDto {
  @IsOptional()
  @IsIn(['draft', 'confirmed', 'paid', 'cancelled'])
  status?: 'draft' | 'confirmed' | 'paid' | 'cancelled';
}

export interface PoNumberResponse {
  poNumber: string;
  orderId: string;
  status: string;
  orderDate: string;
  vendorName: string;
  partsCount: number;
}

export class PartsSyncScheduleDto {
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(100)
  cron?: string;

  @IsOptionalNotNull()
  @IsBoolean()
  enabled?: boolean;
}

export interface PartsSyncScheduleResponse {
  cron: string;
  enabled: boolean;
  timezone: string;
  nextRunAt: string | null;
  lastRun: { id: string; status: string; trigger: string; startedAt: string; finishedAt: string | null; counts: Record<string, number> } | null;
}
