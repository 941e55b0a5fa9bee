import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res, Type } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreatePurchaseOrderDto,
  CreateSaleOrderDto,
  OrderListQueryDto,
  ProductLineDto,
  PurchaseLineDto,
  ServiceLineDto,
  UpdatePurchaseOrderDto,
  UpdateSaleOrderDto,
} from '@simpul/contracts';
import type { Response } from 'express';
import type { Actor } from '../common/auth/actor';
import { CurrentActor, Roles } from '../common/auth/decorators';
import { RawResponse } from '../common/http/envelope.interceptor';
import { ApiBodyOf } from '../common/http/openapi';
import { createValidationPipe } from '../common/http/validation';
import { OrderKindSpec, PURCHASE, SALE } from './order-kinds';
import { OrdersExportService } from './orders-export.service';
import { toLineInput, toOrderInput } from './orders.mapper';
import { OrdersService } from './orders.service';

export const ORDER_DELETERS = ['admin', 'direktur', 'manager'] as const;

interface OrderDtos {
  create: new () => object;
  update: new () => object;
  productLine: new () => object;
}

// Not named `Body`: transpile-only builds would emit the decorator as the parameter type and validate against it.
type JsonBody = Record<string, unknown>;

/**
 * The seed's paths (`/orders/sale`, `/orders/update/sale/:id`, …) and the canonical resource API
 * (`/api/v1/sale-orders`) on the same handlers. Both need a JWT, reads included.
 */
function orderController(spec: OrderKindSpec, seed: string, resource: string, dtos: OrderDtos): Type<unknown> {
  const v1 = `api/v1/${resource}`;
  const name = spec.label.toLowerCase();

  @ApiTags(resource)
  @ApiBearerAuth()
  @Controller()
  class OrderController {
    constructor(
      readonly orders: OrdersService,
      readonly exporter: OrdersExportService,
    ) {}

    @Post([`orders/${seed}`, v1])
    @ApiOperation({ summary: `Create a ${name} with its lines (draft or confirmed)` })
    @ApiBodyOf(dtos.create)
    create(@CurrentActor() actor: Actor, @Body(createValidationPipe(dtos.create)) dto: JsonBody) {
      return this.orders.create(actor, spec, toOrderInput(spec, dto));
    }

    @Get([`orders/${seed}`, v1])
    @ApiOperation({ summary: `List ${name}s (search, status, party and date filters, sort, paging)` })
    list(@Query() query: OrderListQueryDto) {
      return this.orders.list(spec, query);
    }

    /** The filtered list as a spreadsheet (declared before `:id` so the path is not taken for an id). */
    @Get(`${v1}/export.xlsx`)
    @ApiOperation({ summary: `Download the filtered ${name} list as XLSX` })
    @RawResponse()
    async export(@Query() query: OrderListQueryDto, @Res() res: Response) {
      await this.exporter.write(spec, query, res);
    }

    @Get([`orders/${seed}/:id`, `${v1}/:id`])
    @ApiOperation({ summary: `Get a ${name} with its lines` })
    get(@Param('id', ParseUUIDPipe) id: string) {
      return this.orders.get(spec, id);
    }

    @Post(`orders/update/${seed}/:id`)
    @ApiOperation({ summary: `Change a ${name} (the seed's path; only the fields sent)` })
    @HttpCode(200)
    @ApiBodyOf(dtos.update)
    updateSeed(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body(createValidationPipe(dtos.update)) dto: JsonBody) {
      return this.orders.update(actor, spec, id, toOrderInput(spec, dto));
    }

    @Patch(`${v1}/:id`)
    @ApiOperation({ summary: `Change a ${name} (only the fields sent; status moves it)` })
    @ApiBodyOf(dtos.update)
    update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body(createValidationPipe(dtos.update)) dto: JsonBody) {
      return this.orders.update(actor, spec, id, toOrderInput(spec, dto));
    }

    @Post(`${v1}/:id/confirm`)
    @ApiOperation({ summary: `Confirm a draft ${name} (moves its stock)` })
    @HttpCode(200)
    confirm(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
      return this.orders.transition(actor, spec, id, 'confirmed');
    }

    @Post(`${v1}/:id/pay`)
    @ApiOperation({ summary: `Mark a confirmed ${name} paid` })
    @HttpCode(200)
    pay(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
      return this.orders.transition(actor, spec, id, 'paid');
    }

    @Post(`${v1}/:id/cancel`)
    @ApiOperation({ summary: `Cancel a ${name} (reverses its stock if confirmed)` })
    @HttpCode(200)
    cancel(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
      return this.orders.transition(actor, spec, id, 'cancelled');
    }

    @Post(`orders/delete/${seed}/:id`)
    @ApiOperation({ summary: `Delete a draft or cancelled ${name} (the seed's path)` })
    @HttpCode(200)
    @Roles(...ORDER_DELETERS)
    removeSeed(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
      return this.orders.remove(actor, spec, id);
    }

    @Delete(`${v1}/:id`)
    @ApiOperation({ summary: `Delete a draft or cancelled ${name}` })
    @Roles(...ORDER_DELETERS)
    remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
      return this.orders.remove(actor, spec, id);
    }

    @Post([`orders/add/${seed}/product-lines/:id`, `${v1}/:id/product-lines`])
    @ApiOperation({ summary: `Add a product line to a draft ${name}` })
    @ApiBodyOf(dtos.productLine)
    addProductLine(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body(createValidationPipe(dtos.productLine)) dto: JsonBody) {
      return this.orders.addLine(actor, spec, 'product', id, toLineInput(dto, 'product_id'));
    }

    @Patch(`${v1}/product-lines/:lineId`)
    @ApiOperation({ summary: `Replace a product line of a draft ${name}` })
    @ApiBodyOf(dtos.productLine)
    updateProductLine(@CurrentActor() actor: Actor, @Param('lineId', ParseUUIDPipe) lineId: string, @Body(createValidationPipe(dtos.productLine)) dto: JsonBody) {
      return this.orders.updateLine(actor, spec, 'product', lineId, toLineInput(dto, 'product_id'));
    }

    @Post(`orders/delete/${seed}/product-lines/:id`)
    @ApiOperation({ summary: `Remove a product line of a draft ${name} (the seed's path)` })
    @HttpCode(200)
    removeProductLineSeed(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) lineId: string) {
      return this.orders.removeLine(actor, spec, 'product', lineId);
    }

    @Delete(`${v1}/product-lines/:lineId`)
    @ApiOperation({ summary: `Remove a product line of a draft ${name}` })
    removeProductLine(@CurrentActor() actor: Actor, @Param('lineId', ParseUUIDPipe) lineId: string) {
      return this.orders.removeLine(actor, spec, 'product', lineId);
    }
  }
  Object.defineProperty(OrderController, 'name', { value: `${spec.label.replace(' ', '')}sController` });
  return OrderController;
}

export const SaleOrdersController = orderController(SALE, 'sale', 'sale-orders', {
  create: CreateSaleOrderDto,
  update: UpdateSaleOrderDto,
  productLine: ProductLineDto,
});

export const PurchaseOrdersController = orderController(PURCHASE, 'purchase', 'purchase-orders', {
  create: CreatePurchaseOrderDto,
  update: UpdatePurchaseOrderDto,
  productLine: PurchaseLineDto,
});

/** Service lines exist on sale orders only. */
@ApiTags('sale-orders')
@ApiBearerAuth()
@Controller()
export class SaleServiceLinesController {
  constructor(private readonly orders: OrdersService) {}

  @Post(['orders/add/sale/service-lines/:id', 'api/v1/sale-orders/:id/service-lines'])
  @ApiOperation({ summary: 'Add a service line to a draft sale order' })
  @ApiBodyOf(ServiceLineDto)
  add(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ServiceLineDto) {
    return this.orders.addLine(actor, SALE, 'service', id, toLineInput({ ...dto }, 'service_id'));
  }

  @Patch('api/v1/sale-orders/service-lines/:lineId')
  @ApiOperation({ summary: 'Replace a service line of a draft sale order' })
  @ApiBodyOf(ServiceLineDto)
  update(@CurrentActor() actor: Actor, @Param('lineId', ParseUUIDPipe) lineId: string, @Body() dto: ServiceLineDto) {
    return this.orders.updateLine(actor, SALE, 'service', lineId, toLineInput({ ...dto }, 'service_id'));
  }

  @Post('orders/delete/sale/service-lines/:id')
  @ApiOperation({ summary: 'Remove a service line of a draft sale order (the seed\'s path)' })
  @HttpCode(200)
  removeSeed(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) lineId: string) {
    return this.orders.removeLine(actor, SALE, 'service', lineId);
  }

  @Delete('api/v1/sale-orders/service-lines/:lineId')
  @ApiOperation({ summary: 'Remove a service line of a draft sale order' })
  remove(@CurrentActor() actor: Actor, @Param('lineId', ParseUUIDPipe) lineId: string) {
    return this.orders.removeLine(actor, SALE, 'service', lineId);
  }
}
