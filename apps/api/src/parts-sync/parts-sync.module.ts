import { Module } from '@nestjs/common';
import { PURCHASE_ORDER_HOOKS } from '../orders/order-hooks';
import { PartsSyncController } from './parts-sync.controller';
import { PartsSyncScheduler } from './parts-sync.scheduler';
import { PartsSyncService } from './parts-sync.service';
import './parts-sync.settings';

@Module({
  controllers: [PartsSyncController],
  providers: [
    PartsSyncService,
    PartsSyncScheduler,
    { provide: PURCHASE_ORDER_HOOKS, useFactory: (sync: PartsSyncService) => [sync], inject: [PartsSyncService] },
  ],
  exports: [PartsSyncService, PURCHASE_ORDER_HOOKS],
})
export class PartsSyncModule {}
