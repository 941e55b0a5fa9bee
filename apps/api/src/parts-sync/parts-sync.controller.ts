import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PartsSyncPreviewQueryDto, PartsSyncScheduleDto, PoNumbersQueryDto } from '@simpul/contracts';
import type { Actor } from '../common/auth/actor';
import { CurrentActor, Roles } from '../common/auth/decorators';
import { RawResponse } from '../common/http/envelope.interceptor';
import { ApiBodyOf } from '../common/http/openapi';
import { SYNC_OPERATORS } from '../sync-runs/sync-runs.controller';
import { PartsSyncScheduler } from './parts-sync.scheduler';
import { PartsSyncService } from './parts-sync.service';

@ApiTags('parts-sync')
@ApiBearerAuth()
@Controller('api/master')
export class PartsSyncController {
  constructor(
    private readonly sync: PartsSyncService,
    private readonly scheduler: PartsSyncScheduler,
  ) {}

  /** The seed's preview: `{ success, message, data: { totalPOs, needsSyncCount, preview }, timestamp }`. */
  @Get('parts/sync-po')
  @ApiOperation({ summary: 'Preview the PO-number sync: which parts would take which purchase order number' })
  @Roles(...SYNC_OPERATORS)
  @RawResponse()
  preview(@Query() query: PartsSyncPreviewQueryDto) {
    return this.sync.preview(query);
  }

  @Post('parts/sync-po')
  @ApiOperation({ summary: 'Run the PO-number sync now' })
  @HttpCode(200)
  @Roles(...SYNC_OPERATORS)
  @RawResponse()
  execute(@CurrentActor() actor: Actor) {
    return this.sync.execute(actor, 'manual');
  }

  @Get('parts/sync-po/schedule')
  @ApiOperation({ summary: 'The PO-number sync schedule and its last run' })
  @Roles(...SYNC_OPERATORS)
  schedule() {
    return this.scheduler.describe();
  }

  @Put('parts/sync-po/schedule')
  @ApiOperation({ summary: 'Change the PO-number sync schedule (cron, on/off)' })
  @Roles(...SYNC_OPERATORS)
  @ApiBodyOf(PartsSyncScheduleDto)
  updateSchedule(@CurrentActor() actor: Actor, @Body() dto: PartsSyncScheduleDto) {
    return this.scheduler.update(actor, dto);
  }

  /** `fetchPONumbersApi(params)`: purchase order numbers with search, status and paging. */
  @Get('po-numbers')
  @ApiOperation({ summary: 'Purchase order numbers (search, status, paging)' })
  poNumbers(@Query() query: PoNumbersQueryDto) {
    return this.sync.poNumbers(query);
  }
}
