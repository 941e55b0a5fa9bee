import { Module } from '@nestjs/common';
import { PartsSyncModule } from '../parts-sync/parts-sync.module';
import { StockModule } from '../stock/stock.module';
import { OrdersExportService } from './orders-export.service';
import { PurchaseOrdersController, SaleOrdersController, SaleServiceLinesController } from './orders.controllers';
import { OrdersService } from './orders.service';

@Module({
  imports: [StockModule, PartsSyncModule],
  controllers: [SaleOrdersController, SaleServiceLinesController, PurchaseOrdersController],
  providers: [OrdersService, OrdersExportService],
  exports: [OrdersService],
})
export class OrdersModule {}
