import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MoSearchQueryDto, OdooMoListQueryDto, UpdateOdooConfigDto } from '@simpul/contracts';
import type { Actor } from '../common/auth/actor';
import { CurrentActor, Roles } from '../common/auth/decorators';
import { RawResponse } from '../common/http/envelope.interceptor';
import { ApiBodyOf, ApiErrors } from '../common/http/openapi';
import { OdooConfigService } from './odoo-config.service';
import { OdooMoMonitorService } from './odoo-mo-monitor.service';
import { OdooMoSyncService } from './odoo-mo-sync.service';

/** Who may read the (masked) Odoo configuration and the sync stats. Only admins change or test it. */
export const ODOO_CONFIG_READERS = ['admin', 'direktur', 'manager'] as const;
/** Who may start a manual MO sync. */
export const MO_SYNC_TRIGGERERS = ['admin', 'manager'] as const;

@ApiTags('odoo-mo')
@ApiBearerAuth()
@Controller('api/admin/odoo-config')
export class OdooConfigController {
  constructor(
    private readonly config: OdooConfigService,
    private readonly monitor: OdooMoMonitorService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The Odoo connection and MO sync settings (secrets masked)' })
  @Roles(...ODOO_CONFIG_READERS)
  get() {
    return this.config.view();
  }

  @Put()
  @ApiOperation({ summary: 'Change the Odoo connection and MO sync settings (only the fields sent)' })
  @Roles('admin')
  @ApiBodyOf(UpdateOdooConfigDto)
  update(@CurrentActor() actor: Actor, @Body() dto: UpdateOdooConfigDto) {
    return this.config.update(actor, dto);
  }

  /** Tests the saved configuration, or the saved one with the (unsaved) fields of the body applied. */
  @Post('test')
  @ApiOperation({ summary: 'Test the Odoo connection, optionally with unsaved changes' })
  @HttpCode(200)
  @Roles('admin')
  @ApiBodyOf(UpdateOdooConfigDto)
  test(@Body() dto: UpdateOdooConfigDto) {
    return this.monitor.testConnection(dto);
  }
}

@ApiTags('odoo-mo')
@ApiBearerAuth()
@Controller('api/admin')
export class MoSyncController {
  constructor(
    private readonly sync: OdooMoSyncService,
    private readonly monitor: OdooMoMonitorService,
  ) {}

  /** The seed's manual sync; answers the seed's own shape. */
  @Post('sync-mo')
  @ApiOperation({ summary: 'Run the MO sync from Odoo now' })
  @ApiErrors(502, 504)
  @HttpCode(200)
  @RawResponse()
  @Roles(...MO_SYNC_TRIGGERERS)
  syncMo(@CurrentActor() actor: Actor) {
    return this.sync.sync('manual', actor);
  }

  @Get('mo-stats')
  @ApiOperation({ summary: 'MO cache counts, the last sync and the schedule' })
  @Roles(...ODOO_CONFIG_READERS)
  stats() {
    return this.monitor.stats();
  }
}

@ApiTags('odoo-mo')
@ApiBearerAuth()
@Controller('api/search')
export class MoSearchController {
  constructor(private readonly monitor: OdooMoMonitorService) {}

  /** The local cache, for everyone signed in. */
  @Get('mo')
  @ApiOperation({ summary: 'Search the local MO cache' })
  search(@Query() query: MoSearchQueryDto) {
    return this.monitor.search(query);
  }
}

@ApiTags('odoo-mo')
@ApiBearerAuth()
@Controller('api/odoo')
export class OdooMoListController {
  constructor(private readonly monitor: OdooMoMonitorService) {}

  /** Live from Odoo, for everyone signed in. */
  @Get('mo-list')
  @ApiOperation({ summary: 'List MOs live from Odoo' })
  @ApiErrors(502, 504)
  list(@Query() query: OdooMoListQueryDto) {
    return this.monitor.liveList(query);
  }
}
