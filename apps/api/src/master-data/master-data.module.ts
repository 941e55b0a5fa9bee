import { Module } from '@nestjs/common';
import { StockModule } from '../stock/stock.module';
import { ImportController } from './import.controller';
import { ImportService } from './import.service';
import {
  CustomersController,
  PartsController,
  PartStockController,
  ServicesController,
  VendorsController,
} from './master-data.controllers';
import { MasterDataService } from './master-data.service';

@Module({
  imports: [StockModule],
  controllers: [ImportController, PartStockController, CustomersController, VendorsController, PartsController, ServicesController],
  providers: [MasterDataService, ImportService],
  exports: [MasterDataService],
})
export class MasterDataModule {}
