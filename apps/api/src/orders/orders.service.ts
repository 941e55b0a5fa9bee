import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  canTransition,
  FieldError,
  headerProblems,
  lineProblems,
  money,
  ORDER_TRANSITIONS,
  OrderListQueryDto,
  OrderStatus,
  Page,
  pageMeta,
  PartySummary,
  ProductSummary,
  ServiceSummary,
  toMoneyString,
} from '@simpul/contracts';
import { DataSource, EntityManager, In, QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { pageWindow } from '../common/pagination';
import { ORDERS_ALLOW_BACKORDERS } from '../settings/settings.registry';
import { SettingsService } from '../settings/settings.service';
import { StockService } from '../stock/stock.service';
import { OrderEntity, OrderProductLineEntity, OrderServiceLineEntity } from './order.entities';
import { PURCHASE_ORDER_HOOKS, PurchaseOrderChangeHook } from './order-hooks';
import type { OrderKindSpec } from './order-kinds';
import { OrdersError, OrdersErrorCode } from './orders.error';
import { LineInput, mapOrder, mapProductLine, mapServiceLine, OrderInput, OrderResponse } from './orders.mapper';
import { orderCountSql, orderPageSql } from './order-query';

type LineKind = 'product' | 'service';

/** Product lines reference parts, service lines reference services; everything else about lines is shared. */
const LINE_TABLES = {
  product: { entity: OrderProductLineEntity, refColumn: 'productId', refTable: 'parts', refField: 'product_id', label: 'product line' },
  service: { entity: OrderServiceLineEntity, refColumn: 'serviceId', refTable: 'services', refField: 'service_id', label: 'service line' },
} as const;

const LOCKED_WHEN_NOT_DRAFT = ['number', 'partyId', 'order_date', 'subtotal', 'tax', 'total'] as const;

@Injectable()
export class OrdersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly stock: StockService,
    private readonly settings: SettingsService,
    @Optional() @Inject(PURCHASE_ORDER_HOOKS) private readonly hooks: PurchaseOrderChangeHook[] = [],
  ) {}

  // ---- reads -------------------------------------------------------------------------------------------------

  async list(spec: OrderKindSpec, query: OrderListQueryDto): Promise<Page<OrderResponse>> {
    const { page, limit, offset } = pageWindow(query, 50);
    const pageQuery = orderPageSql(spec, query, limit, offset);
    const counted = orderCountSql(spec, query);
    // The page and the count at once, on two connections.
    const [rows, [{ count }]] = (await Promise.all([
      this.dataSource.query(pageQuery.sql, pageQuery.params),
      this.dataSource.query(counted.sql, counted.params),
    ])) as [(Record<string, unknown> & { lines_total: string })[], [{ count: number }]];
    return { items: rows.map((r) => mapOrder(spec, rowToOrder(r), r.lines_total, rowToParty(r))), meta: pageMeta(page, limit, count) };
  }

  async get(spec: OrderKindSpec, id: string, em: EntityManager = this.dataSource.manager): Promise<OrderResponse> {
    const order = await this.findOrder(em, spec, id);
    const party = await this.partySummary(em, spec, order);
    const productLines = await em.find(OrderProductLineEntity, { where: { orderId: id }, order: { lineNumber: 'ASC', createdAt: 'ASC' } });
    const serviceLines = spec.hasServiceLines
      ? await em.find(OrderServiceLineEntity, { where: { orderId: id }, order: { lineNumber: 'ASC', createdAt: 'ASC' } })
      : [];
    const products = await this.summaries<ProductSummary>(em, 'parts', productLines.map((l) => l.productId), 'id, nama, kode, harga');
    const services = await this.summaries<ServiceSummary>(em, 'services', serviceLines.map((l) => l.serviceId), 'id, nama, harga');
    const linesTotal = [...productLines, ...serviceLines].reduce((acc, l) => acc.plus(money(l.lineTotal)), money(0));
    const response: OrderResponse = {
      ...mapOrder(spec, order, toMoneyString(linesTotal), party),
      product_lines: productLines.map((l) => mapProductLine(spec, l, products.get(l.productId))),
    } as OrderResponse;
    if (spec.hasServiceLines) {
      Object.assign(response, { service_lines: serviceLines.map((l) => mapServiceLine(l, services.get(l.serviceId))) });
    }
    return response;
  }

  // ---- writes ------------------------------------------------------------------------------------------------

  async create(actor: Actor, spec: OrderKindSpec, input: OrderInput): Promise<OrderResponse> {
    if (input.status !== 'draft' && input.status !== 'confirmed') {
      throw new OrdersError(
        OrdersErrorCode.InvalidInitialStatus,
        `A new ${spec.label} starts as draft or confirmed, not ${String(input.status)}.`,
      );
    }
    this.assertTotals(input as Required<Pick<OrderInput, 'subtotal' | 'tax' | 'total'>>, input);
    return this.dataSource.transaction(async (em) => {
      await this.assertParty(em, spec, input.partyId as string);
      await this.assertNumberFree(em, spec, input.number as string, null);
      await this.assertRefs(em, 'product', input.product_lines ?? []);
      await this.assertRefs(em, 'service', input.service_lines ?? []);
      const order = await this.insertOrder(em, actor, spec, input);
      for (const [kind, lines] of [
        ['product', input.product_lines ?? []],
        ['service', input.service_lines ?? []],
      ] as const) {
        for (const line of lines) await this.insertLine(em, kind, order.id, line);
      }
      await this.audit.record(em, actor, {
        action: 'ORDER_CREATED',
        resourceType: spec.resourceType,
        resourceId: order.id,
        details: { number: order.orderNumber, status: input.status },
      });
      if (input.status === 'confirmed') await this.applyTransition(em, actor, spec, order, 'confirmed');
      await this.notifyChange(em, actor, spec, order.id);
      return this.get(spec, order.id, em);
    });
  }

  async update(actor: Actor, spec: OrderKindSpec, id: string, input: OrderInput): Promise<OrderResponse> {
    return this.dataSource.transaction(async (em) => {
      const order = await this.findOrder(em, spec, id, true);
      const locked = LOCKED_WHEN_NOT_DRAFT.filter((f) => input[f] !== undefined && differs(f, input, order));
      if (order.status !== 'draft' && locked.length > 0) {
        throw new OrdersError(
          OrdersErrorCode.NotEditable,
          `This ${spec.label} is ${order.status}; only draft orders can change ${locked.join(', ')}.`,
        );
      }
      const merged = {
        subtotal: input.subtotal ?? order.subtotal,
        tax: input.tax ?? order.tax,
        total: input.total ?? order.total,
      };
      this.assertTotals(merged, {});
      if (input.partyId !== undefined) await this.assertParty(em, spec, input.partyId);
      if (input.number !== undefined && input.number !== order.orderNumber) await this.assertNumberFree(em, spec, input.number, id);

      const before = { ...order };
      if (input.number !== undefined) order.orderNumber = input.number;
      if (input.partyId !== undefined) order[spec.kind === 'sale' ? 'customerId' : 'vendorId'] = input.partyId;
      if (input.order_date !== undefined) order.orderDate = input.order_date;
      order.subtotal = toMoneyString(merged.subtotal);
      order.tax = toMoneyString(merged.tax);
      order.total = toMoneyString(merged.total);
      for (const f of ['nama', 'alamat', 'hp', 'keterangan'] as const) if (input[f] !== undefined) order[f] = input[f] ?? null;
      const changed = (Object.keys(before) as (keyof OrderEntity)[]).filter((k) => before[k] !== order[k] && k !== 'updatedAt');
      if (changed.length > 0) {
        await em.save(order);
        await this.audit.record(em, actor, { action: 'ORDER_UPDATED', resourceType: spec.resourceType, resourceId: id, details: { changed } });
      }
      if (input.status !== undefined && input.status !== order.status) await this.applyTransition(em, actor, spec, order, input.status);
      if (changed.includes('orderNumber') || input.status !== undefined) await this.notifyChange(em, actor, spec, id);
      return mapOrder(spec, await this.findOrder(em, spec, id), await this.linesTotal(em, id));
    });
  }

  async transition(actor: Actor, spec: OrderKindSpec, id: string, to: OrderStatus): Promise<OrderResponse> {
    await this.dataSource.transaction(async (em) => {
      const order = await this.findOrder(em, spec, id, true);
      await this.applyTransition(em, actor, spec, order, to);
      await this.notifyChange(em, actor, spec, id);
    });
    return this.get(spec, id);
  }

  async remove(actor: Actor, spec: OrderKindSpec, id: string): Promise<{ message: string }> {
    return this.dataSource.transaction(async (em) => {
      const order = await this.findOrder(em, spec, id, true);
      if (order.status !== 'draft' && order.status !== 'cancelled') {
        throw new OrdersError(
          OrdersErrorCode.NotDeletable,
          `Only draft or cancelled orders can be deleted; this ${spec.label} is ${order.status}. Cancel it first.`,
        );
      }
      const partIds = await this.partIdsOf(em, id);
      await em.delete(OrderEntity, { id });
      await this.audit.record(em, actor, {
        action: 'ORDER_DELETED',
        resourceType: spec.resourceType,
        resourceId: id,
        details: { number: order.orderNumber, status: order.status },
      });
      await this.notifyChange(em, actor, spec, id, partIds);
      return { message: `${spec.label} deleted successfully` };
    });
  }

  async addLine(actor: Actor, spec: OrderKindSpec, kind: LineKind, orderId: string, line: LineInput) {
    this.assertServiceLinesAllowed(spec, kind);
    const problems = lineProblems(line as Parameters<typeof lineProblems>[0]);
    if (problems.length > 0) throw totalsError(problems);
    return this.dataSource.transaction(async (em) => {
      const order = await this.findOrder(em, spec, orderId, true);
      this.assertDraft(spec, order, `add a ${LINE_TABLES[kind].label}`);
      await this.assertRefs(em, kind, [line]);
      const saved = await this.insertLine(em, kind, orderId, line);
      await this.audit.record(em, actor, {
        action: 'ORDER_LINE_ADDED',
        resourceType: spec.resourceType,
        resourceId: orderId,
        details: { line: kind, lineId: saved.id },
      });
      await this.notifyChange(em, actor, spec, orderId);
      return this.mapLine(spec, kind, saved);
    });
  }

  async updateLine(actor: Actor, spec: OrderKindSpec, kind: LineKind, lineId: string, patch: LineInput) {
    this.assertServiceLinesAllowed(spec, kind);
    return this.dataSource.transaction(async (em) => {
      const { line, order } = await this.findLine(em, spec, kind, lineId);
      this.assertDraft(spec, order, `change a ${LINE_TABLES[kind].label}`);
      const merged = {
        qty: patch.qty ?? line.qty,
        unit_price: patch.unit_price ?? line.unitPrice,
        discount: patch.discount ?? line.discount,
        line_total: patch.line_total ?? line.lineTotal,
      };
      const problems = lineProblems(merged);
      if (problems.length > 0) throw totalsError(problems);
      if (patch.refId !== undefined) await this.assertRefs(em, kind, [patch]);
      const table = LINE_TABLES[kind];
      await em.update(table.entity, { id: lineId }, {
        ...(patch.refId !== undefined ? { [table.refColumn]: patch.refId } : {}),
        ...(patch.line_number !== undefined ? { lineNumber: patch.line_number } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
        ...(kind === 'product' && patch.hpp !== undefined ? { hpp: patch.hpp === null ? null : toMoneyString(patch.hpp) } : {}),
        qty: toMoneyString(merged.qty),
        unitPrice: toMoneyString(merged.unit_price),
        discount: toMoneyString(merged.discount),
        lineTotal: toMoneyString(merged.line_total),
      });
      await this.audit.record(em, actor, {
        action: 'ORDER_LINE_UPDATED',
        resourceType: spec.resourceType,
        resourceId: order.id,
        details: { line: kind, lineId },
      });
      await this.notifyChange(em, actor, spec, order.id, kind === 'product' ? [line['productId' as keyof typeof line] as string] : []);
      return this.mapLine(spec, kind, await em.findOneByOrFail(table.entity, { id: lineId }));
    });
  }

  async removeLine(actor: Actor, spec: OrderKindSpec, kind: LineKind, lineId: string) {
    this.assertServiceLinesAllowed(spec, kind);
    return this.dataSource.transaction(async (em) => {
      const { line, order } = await this.findLine(em, spec, kind, lineId);
      this.assertDraft(spec, order, `remove a ${LINE_TABLES[kind].label}`);
      await em.delete(LINE_TABLES[kind].entity, { id: lineId });
      await this.audit.record(em, actor, {
        action: 'ORDER_LINE_REMOVED',
        resourceType: spec.resourceType,
        resourceId: order.id,
        details: { line: kind, lineId },
      });
      const partIds = kind === 'product' ? [(line as OrderProductLineEntity).productId] : [];
      await this.notifyChange(em, actor, spec, order.id, partIds);
      return this.mapLine(spec, kind, line);
    });
  }

  // ---- state machine and stock -------------------------------------------------------------------------------

  /** Moves an order (locked by the caller) to `to`, applying or reversing its stock exactly once. */
  private async applyTransition(em: EntityManager, actor: Actor, spec: OrderKindSpec, order: OrderEntity, to: OrderStatus) {
    const from = order.status;
    if (!canTransition(from, to)) {
      const allowed = ORDER_TRANSITIONS[from];
      throw new OrdersError(
        OrdersErrorCode.InvalidTransition,
        `Cannot change a ${spec.label} from ${from} to ${to}. From ${from} it can go to: ${allowed.length > 0 ? allowed.join(', ') : 'nothing (final)'}.`,
        { current: from, requested: to },
      );
    }
    const allowBackorders = await this.settings.get(ORDERS_ALLOW_BACKORDERS, em);
    const stockSign = to === 'confirmed' && !order.stockApplied ? spec.stockSign : to === 'cancelled' && order.stockApplied ? -spec.stockSign : 0;
    if (to === 'confirmed') order.confirmedAt = new Date();
    if (to === 'paid') order.paidAt = new Date();
    if (to === 'cancelled') order.cancelledAt = new Date();
    order.status = to;
    order.stockApplied = to === 'confirmed' || to === 'paid';
    await em.save(order);
    await this.audit.record(em, actor, {
      action: `ORDER_${to.toUpperCase()}`,
      resourceType: spec.resourceType,
      resourceId: order.id,
      details: { number: order.orderNumber, from, to },
    });
    // Stock last: the part rows stay locked only for the rest of this transaction, so concurrent confirms
    // that share parts wait on each other as briefly as possible.
    if (stockSign !== 0) {
      await this.moveStock(em, actor, order, stockSign as 1 | -1, stockSign === spec.stockSign ? spec.confirmReason : spec.cancelReason, !allowBackorders);
    }
  }

  private async moveStock(
    em: EntityManager,
    actor: Actor,
    order: OrderEntity,
    sign: 1 | -1,
    reason: OrderKindSpec['confirmReason'],
    refuseNegative: boolean,
  ) {
    const lines = await em.find(OrderProductLineEntity, { where: { orderId: order.id } });
    const deltas = lines.map((l) => ({ partId: l.productId, lineId: l.id, quantity: toMoneyString(money(l.qty).times(sign)) }));
    await this.stock.apply(em, actor, deltas, { reason, orderId: order.id, refuseNegative });
  }

  // ---- helpers -----------------------------------------------------------------------------------------------

  private assertTotals(header: { subtotal: OrderInput['subtotal']; tax: OrderInput['tax']; total: OrderInput['total'] }, input: OrderInput) {
    const problems = [
      ...headerProblems({ subtotal: header.subtotal ?? 0, tax: header.tax ?? 0, total: header.total ?? 0 }),
      ...(input.product_lines ?? []).flatMap((l, i) => lineProblems(l as Parameters<typeof lineProblems>[0], `product_lines.${i}`)),
      ...(input.service_lines ?? []).flatMap((l, i) => lineProblems(l as Parameters<typeof lineProblems>[0], `service_lines.${i}`)),
    ];
    if (problems.length > 0) throw totalsError(problems);
  }

  private assertDraft(spec: OrderKindSpec, order: OrderEntity, what: string) {
    if (order.status !== 'draft') {
      throw new OrdersError(OrdersErrorCode.NotEditable, `Cannot ${what}: this ${spec.label} is ${order.status}; lines change only while draft.`);
    }
  }

  private assertServiceLinesAllowed(spec: OrderKindSpec, kind: LineKind) {
    if (kind === 'service' && !spec.hasServiceLines) {
      throw new OrdersError(OrdersErrorCode.UnknownReference, `A ${spec.label} has product lines only.`);
    }
  }

  private async assertParty(em: EntityManager, spec: OrderKindSpec, partyId: string) {
    const rows: unknown[] = await em.query(`SELECT 1 FROM ${spec.partyTable} WHERE id = $1`, [partyId]);
    if (rows.length === 0) {
      throw new OrdersError(OrdersErrorCode.UnknownReference, `${spec.partyField} does not match any ${spec.partyLabel}.`, {
        fields: [{ field: spec.partyField, messages: [`${spec.partyField} does not match any ${spec.partyLabel}`] }],
      });
    }
  }

  private async assertNumberFree(em: EntityManager, spec: OrderKindSpec, number: string, exceptId: string | null) {
    const found = await em.findOne(OrderEntity, { where: { kind: spec.kind, orderNumber: number }, select: { id: true } });
    if (found && found.id !== exceptId) {
      throw new OrdersError(OrdersErrorCode.NumberTaken, `${spec.label} number ${number} already exists.`);
    }
  }

  /** Every referenced part/service must exist (and a part must not be deleted); names each bad line. */
  private async assertRefs(em: EntityManager, kind: LineKind, lines: LineInput[]) {
    const table = LINE_TABLES[kind];
    const ids = [...new Set(lines.map((l) => l.refId).filter((x): x is string => !!x))];
    if (ids.length === 0) return;
    const live = kind === 'product' ? ' AND deleted_at IS NULL' : '';
    const found: { id: string }[] = await em.query(`SELECT id FROM ${table.refTable} WHERE id = ANY($1::uuid[])${live}`, [ids]);
    const known = new Set(found.map((f) => f.id));
    const fields: FieldError[] = lines.flatMap((l, i) =>
      l.refId && !known.has(l.refId) ? [{ field: `${kind}_lines.${i}.${table.refField}`, messages: [`${table.refField} ${l.refId} does not match any ${kind}`] }] : [],
    );
    if (fields.length > 0) {
      throw new OrdersError(OrdersErrorCode.UnknownReference, `Unknown ${kind}: ${fields.map((f) => f.messages[0]).join('; ')}.`, { fields });
    }
  }

  private async insertOrder(em: EntityManager, actor: Actor, spec: OrderKindSpec, input: OrderInput): Promise<OrderEntity> {
    try {
      return await em.save(
        em.create(OrderEntity, {
          kind: spec.kind,
          orderNumber: input.number,
          orderDate: input.order_date,
          status: 'draft',
          subtotal: toMoneyString(input.subtotal ?? 0),
          tax: toMoneyString(input.tax ?? 0),
          total: toMoneyString(input.total ?? 0),
          customerId: spec.kind === 'sale' ? input.partyId : null,
          vendorId: spec.kind === 'purchase' ? input.partyId : null,
          nama: input.nama ?? null,
          alamat: input.alamat ?? null,
          hp: input.hp ?? null,
          keterangan: input.keterangan ?? null,
          createdBy: actor.id,
        }),
      );
    } catch (err) {
      if (err instanceof QueryFailedError && (err.driverError as { constraint?: string }).constraint === 'orders_number_unique') {
        throw new OrdersError(OrdersErrorCode.NumberTaken, `${spec.label} number ${String(input.number)} already exists.`);
      }
      throw err;
    }
  }

  private async insertLine(em: EntityManager, kind: LineKind, orderId: string, line: LineInput) {
    const table = LINE_TABLES[kind];
    const row = {
      orderId,
      [table.refColumn]: line.refId,
      lineNumber: line.line_number,
      description: line.description,
      qty: toMoneyString(line.qty ?? 0),
      unitPrice: toMoneyString(line.unit_price ?? 0),
      discount: toMoneyString(line.discount ?? 0),
      lineTotal: toMoneyString(line.line_total ?? 0),
      ...(kind === 'product' ? { hpp: line.hpp === undefined || line.hpp === null ? null : toMoneyString(line.hpp) } : {}),
    };
    return em.save(table.entity, em.create(table.entity, row as never));
  }

  private async findOrder(em: EntityManager, spec: OrderKindSpec, id: string, lock = false): Promise<OrderEntity> {
    const order = await em.findOne(OrderEntity, {
      where: { id, kind: spec.kind },
      lock: lock ? { mode: 'pessimistic_write' } : undefined,
    });
    if (!order) throw new OrdersError(OrdersErrorCode.NotFound, `${spec.label} not found`);
    return order;
  }

  private async findLine(em: EntityManager, spec: OrderKindSpec, kind: LineKind, lineId: string) {
    const table = LINE_TABLES[kind];
    const line = (await em.findOne(table.entity, { where: { id: lineId } })) as OrderProductLineEntity | OrderServiceLineEntity | null;
    const order = line ? await em.findOne(OrderEntity, { where: { id: line.orderId, kind: spec.kind }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!line || !order) throw new OrdersError(OrdersErrorCode.LineNotFound, `${spec.label} ${table.label} not found`);
    return { line, order };
  }

  private mapLine(spec: OrderKindSpec, kind: LineKind, line: OrderProductLineEntity | OrderServiceLineEntity) {
    return kind === 'product' ? mapProductLine(spec, line as OrderProductLineEntity) : mapServiceLine(line as OrderServiceLineEntity);
  }

  private async linesTotal(em: EntityManager, orderId: string): Promise<string> {
    const [{ total }] = (await em.query(
      `SELECT (SELECT COALESCE(sum(line_total),0) FROM order_product_lines WHERE order_id = $1)
            + (SELECT COALESCE(sum(line_total),0) FROM order_service_lines WHERE order_id = $1) AS total`,
      [orderId],
    )) as [{ total: string }];
    return total;
  }

  private async partySummary(em: EntityManager, spec: OrderKindSpec, order: OrderEntity): Promise<PartySummary | undefined> {
    const rows: PartySummary[] = await em.query(`SELECT id, nama, alamat, hp, email FROM ${spec.partyTable} WHERE id = $1`, [
      order.customerId ?? order.vendorId,
    ]);
    return rows[0];
  }

  private async summaries<T extends { id: string }>(em: EntityManager, table: string, ids: string[], columns: string): Promise<Map<string, T>> {
    if (ids.length === 0) return new Map();
    const rows: T[] = await em.query(`SELECT ${columns} FROM ${table} WHERE id = ANY($1::uuid[])`, [[...new Set(ids)]]);
    return new Map(rows.map((r) => [r.id, r]));
  }

  private async partIdsOf(em: EntityManager, orderId: string): Promise<string[]> {
    const lines = await em.find(OrderProductLineEntity, { where: { orderId: In([orderId]) }, select: { productId: true } });
    return [...new Set(lines.map((l) => l.productId))];
  }

  private async notifyChange(em: EntityManager, actor: Actor, spec: OrderKindSpec, orderId: string, extraPartIds: string[] = []) {
    if (spec.kind !== 'purchase' || this.hooks.length === 0) return;
    const partIds = [...new Set([...(await this.partIdsOf(em, orderId)), ...extraPartIds])];
    for (const hook of this.hooks) await hook.afterPurchaseOrderChange(em, actor, { orderId, partIds });
  }
}

function differs(field: (typeof LOCKED_WHEN_NOT_DRAFT)[number], input: OrderInput, order: OrderEntity): boolean {
  switch (field) {
    case 'number':
      return input.number !== order.orderNumber;
    case 'partyId':
      return input.partyId !== (order.customerId ?? order.vendorId);
    case 'order_date':
      return input.order_date !== order.orderDate;
    default:
      return !money(input[field] ?? 0).equals(money(order[field]));
  }
}

function totalsError(problems: { field: string; message: string }[]) {
  return new OrdersError(OrdersErrorCode.TotalsMismatch, `Invalid data provided: ${problems.map((p) => p.message).join('; ')}.`, {
    fields: problems.map((p) => ({ field: p.field, messages: [p.message] })),
  });
}

function rowToOrder(r: Record<string, unknown>): OrderEntity {
  return {
    id: r['id'],
    kind: r['kind'],
    orderNumber: r['order_number'],
    orderDate: r['order_date'],
    status: r['status'],
    subtotal: r['subtotal'],
    tax: r['tax'],
    total: r['total'],
    customerId: r['customer_id'],
    vendorId: r['vendor_id'],
    nama: r['nama'],
    alamat: r['alamat'],
    hp: r['hp'],
    keterangan: r['keterangan'],
    createdAt: r['created_at'],
    updatedAt: r['updated_at'],
  } as OrderEntity;
}

function rowToParty(r: Record<string, unknown>): PartySummary {
  const partyId = (r['customer_id'] ?? r['vendor_id']) as string;
  return { id: partyId, nama: r['p_nama'] as string, alamat: r['p_alamat'] as string | null, hp: r['p_hp'] as string | null, email: r['p_email'] as string | null };
}
