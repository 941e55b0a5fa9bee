import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsTimestamp } from './decimal';
import { SearchQueryDto, SORT_ORDERS, type SortOrder } from './pagination';

export class AuditLogQueryDto extends SearchQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(64)
  action?: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  resourceType?: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  resourceId?: string;

  @IsOptional()
  @IsUUID()
  actorId?: string;

  @IsOptional()
  @IsTimestamp()
  from?: string;

  @IsOptional()
  @IsTimestamp()
  to?: string;

  /** By time: newest first (`desc`, the default) or oldest first. */
  @IsOptional()
  @IsIn(SORT_ORDERS)
  order?: SortOrder;
}

export interface AuditLogResponse {
  id: string;
  action: string;
  resourceType: string;
  resourceId: string | null;
  actorId: string | null;
  actorEmail: string | null;
  details: Record<string, unknown>;
  createdAt: string;
}
