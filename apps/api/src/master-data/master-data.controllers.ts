import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Type } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PageQueryDto, StockAdjustmentDto } from '@simpul/contracts';
import type { Actor } from '../common/auth/actor';
import { CurrentActor, Roles } from '../common/auth/decorators';
import { ApiBodyOf, ApiQueryOf } from '../common/http/openapi';
import { createValidationPipe } from '../common/http/validation';
import { StockService } from '../stock/stock.service';
import { MasterDataService } from './master-data.service';
import { CUSTOMERS, MasterListQuery, PARTS, ResourceSpec, SERVICES, VENDORS } from './resources';

export const MASTER_DATA_WRITERS = ['admin', 'direktur', 'manager', 'spv'] as const;
export const MASTER_DATA_DELETERS = ['admin', 'direktur', 'manager'] as const;

/**
 * One REST resource (`GET` list, `POST`, `GET /:id`, `PATCH /:id`, `DELETE /:id`) per spec. Bodies are validated
 * against the spec's DTO classes explicitly, since a factory's generic parameters carry no runtime type.
 */
function crudController(spec: ResourceSpec): Type<unknown> {
  @ApiTags('master-data')
  @ApiBearerAuth()
  @Controller(`api/v1/${spec.name}`)
  class CrudController {
    constructor(readonly service: MasterDataService) {}

    @Get()
    @ApiOperation({ summary: `List ${spec.name} (search, sort, paging)` })
    @ApiQueryOf(spec.listQueryDto)
    list(@Query(createValidationPipe(spec.listQueryDto)) query: Record<string, unknown>) {
      return this.service.list(spec, query as MasterListQuery);
    }

    @Get(':id')
    @ApiOperation({ summary: `Get a ${spec.label.toLowerCase()}` })
    get(@Param('id', ParseUUIDPipe) id: string) {
      return this.service.get(spec, id);
    }

    @Post()
    @ApiOperation({ summary: `Create a ${spec.label.toLowerCase()}` })
    @Roles(...MASTER_DATA_WRITERS)
    @ApiBodyOf(spec.createDto)
    create(@CurrentActor() actor: Actor, @Body(createValidationPipe(spec.createDto)) dto: Record<string, unknown>) {
      return this.service.create(actor, spec, dto);
    }

    @Patch(':id')
    @ApiOperation({ summary: `Change a ${spec.label.toLowerCase()} (only the fields sent)` })
    @Roles(...MASTER_DATA_WRITERS)
    @ApiBodyOf(spec.updateDto)
    update(
      @CurrentActor() actor: Actor,
      @Param('id', ParseUUIDPipe) id: string,
      @Body(createValidationPipe(spec.updateDto)) dto: Record<string, unknown>,
    ) {
      return this.service.update(actor, spec, id, dto);
    }

    @Delete(':id')
    @ApiOperation({ summary: spec.softDelete ? `Delete (hide) a ${spec.label.toLowerCase()}` : `Delete a ${spec.label.toLowerCase()} no order uses` })
    @Roles(...MASTER_DATA_DELETERS)
    remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
      return this.service.remove(actor, spec, id);
    }
  }
  Object.defineProperty(CrudController, 'name', { value: `${spec.label}sController` });
  return CrudController;
}

export const CustomersController = crudController(CUSTOMERS as unknown as ResourceSpec);
export const VendorsController = crudController(VENDORS as unknown as ResourceSpec);
export const PartsController = crudController(PARTS as unknown as ResourceSpec);
export const ServicesController = crudController(SERVICES as unknown as ResourceSpec);

/** Stock views and adjustments of one part. */
@ApiTags('master-data')
@ApiBearerAuth()
@Controller('api/v1/parts/:id')
export class PartStockController {
  constructor(
    private readonly service: MasterDataService,
    private readonly stock: StockService,
  ) {}

  @Get('stock-moves')
  @ApiOperation({ summary: 'A part’s stock ledger, newest first, with the balance after each move' })
  async moves(@Param('id', ParseUUIDPipe) id: string, @Query() query: PageQueryDto) {
    await this.service.get(PARTS as unknown as ResourceSpec, id);
    return this.stock.history(id, query);
  }

  @Post('adjust-stock')
  @ApiOperation({ summary: 'Correct a part’s stock by a signed quantity (recorded in the ledger)' })
  @HttpCode(200)
  @Roles(...MASTER_DATA_WRITERS)
  @ApiBodyOf(StockAdjustmentDto)
  adjust(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: StockAdjustmentDto) {
    return this.service.adjustStock(actor, id, dto);
  }
}
