import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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
  list(@Query() query: SyncRunListQueryDto) {
    return this.runs.list(query);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string, @Query() query: SyncRunItemsQueryDto) {
    return this.runs.get(id, query);
  }
}
