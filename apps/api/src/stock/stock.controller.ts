import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/decorators';
import { StockService } from './stock.service';

@ApiTags('stock')
@ApiBearerAuth()
@Controller('api/v1/stock')
export class StockController {
  constructor(private readonly stock: StockService) {}

  /** Proves that every part's stock equals the sum of its ledger. */
  @Get('check')
  @ApiOperation({ summary: 'Check that every part’s stock equals its ledger' })
  @Roles('admin', 'direktur', 'manager')
  check() {
    return this.stock.check();
  }
}
