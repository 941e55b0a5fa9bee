import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SyncRunItemsQueryDto, SyncRunListQueryDto } from '@simpul/contracts';
import { Roles } from '../common/auth/decorators';
import { SyncRunsService } from './sync-runs.service';

export const SYNC_OPERATORS = ['admin', 'direktur', 'manager'] as const;

@ApiTags('sync-runs')
@ApiBearerAuth()
@Roles(...SYNC_OPERATORS)
@Controller('api/sync-runs')
export class SyncRunsController {
  constructor(private readonly runs: SyncRunsService) {}

  @Get()
  @ApiOperation({ summary: 'List sync runs of every kind (kind, trigger and status filters, paging)' })
  list(@Query() query: SyncRunListQueryDto) {
    return this.runs.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a sync run with a page of its items' })
  get(@Param('id', ParseUUIDPipe) id: string, @Query() query: SyncRunItemsQueryDto) {
    return this.runs.get(id, query);
  }
}
