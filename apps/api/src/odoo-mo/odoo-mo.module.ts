import { Module } from '@nestjs/common';
import './odoo-mo.settings';
import { OdooConfigService } from './odoo-config.service';
import { OdooGatewayService } from './odoo-gateway.service';
import { OdooMoCacheService } from './odoo-mo-cache.service';
import { MoSearchController, MoSyncController, OdooConfigController, OdooMoListController } from './odoo-mo.controllers';
import { OdooMoMonitorService } from './odoo-mo-monitor.service';
import { OdooMoScheduler } from './odoo-mo.scheduler';
import { OdooMoStateService } from './odoo-mo-state.service';
import { OdooMoSyncService } from './odoo-mo-sync.service';

/** Odoo connection settings, the MO sync (manual and scheduled) into odoo_mo_cache, and its monitoring. */
@Module({
  controllers: [OdooConfigController, MoSyncController, MoSearchController, OdooMoListController],
  providers: [OdooConfigService, OdooGatewayService, OdooMoCacheService, OdooMoStateService, OdooMoSyncService, OdooMoScheduler, OdooMoMonitorService],
  exports: [OdooMoSyncService, OdooMoScheduler],
})
export class OdooMoModule {}
