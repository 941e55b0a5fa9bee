import {
  DecimalInput,
  OrderStatus,
  PartySummary,
  ProductSummary,
  PurchaseLineResponse,
  PurchaseOrderResponse,
  SaleOrderResponse,
  SaleProductLineResponse,
  SaleServiceLineResponse,
  ServiceSummary,
  toMoneyString,
} from '@simpul/contracts';
import { formatTimestamp } from '../common/format';
import type { OrderEntity, OrderProductLineEntity, OrderServiceLineEntity } from './order.entities';
import type { OrderKindSpec } from './order-kinds';

/** A create/update body with the kind-specific names (`order_number`/`po_number`, `customer_id`/`vendor_id`) folded. */
export interface OrderInput {
  number?: string;
  partyId?: string;
  order_date?: string;
  status?: OrderStatus;
  subtotal?: DecimalInput;
  tax?: DecimalInput;
  total?: DecimalInput;
  nama?: string | null;
  alamat?: string | null;
  hp?: string | null;
  keterangan?: string | null;
  product_lines?: LineInput[];
  service_lines?: LineInput[];
}

export interface LineInput {
  refId?: string;
  line_number?: number;
  description?: string;
  qty?: DecimalInput;
  unit_price?: DecimalInput;
  discount?: DecimalInput;
  line_total?: DecimalInput;
  hpp?: DecimalInput | null;
}

export function toLineInput(dto: Record<string, unknown>, refField: 'product_id' | 'service_id'): LineInput {
  const { [refField]: refId, ...rest } = dto;
  return { ...(rest as LineInput), refId: refId as string | undefined };
}

export function toOrderInput(spec: OrderKindSpec, dto: Record<string, unknown>): OrderInput {
  const { [spec.numberField]: number, [spec.partyField]: partyId, product_lines, service_lines, ...rest } = dto;
  return {
    ...(rest as OrderInput),
    number: number as string | undefined,
    partyId: partyId as string | undefined,
    product_lines: (product_lines as Record<string, unknown>[] | undefined)?.map((l) => toLineInput(l, 'product_id')),
    service_lines: (service_lines as Record<string, unknown>[] | undefined)?.map((l) => toLineInput(l, 'service_id')),
  };
}

export type OrderResponse = SaleOrderResponse | PurchaseOrderResponse;

export function mapOrder(spec: OrderKindSpec, o: OrderEntity, linesTotal: string, party?: PartySummary): OrderResponse {
  const header = {
    id: o.id,
    order_date: o.orderDate,
    status: o.status,
    subtotal: o.subtotal,
    tax: o.tax,
    total: o.total,
    lines_total: toMoneyString(linesTotal),
    nama: o.nama,
    alamat: o.alamat,
    hp: o.hp,
    keterangan: o.keterangan,
    created_at: formatTimestamp(o.createdAt),
    updated_at: formatTimestamp(o.updatedAt),
  };
  if (spec.kind === 'sale') {
    return { ...header, order_number: o.orderNumber, customer_id: o.customerId as string, ...(party ? { customer: party } : {}) };
  }
  return { ...header, po_number: o.orderNumber, vendor_id: o.vendorId as string, ...(party ? { vendor: party } : {}) };
}

function lineBase(l: OrderProductLineEntity | OrderServiceLineEntity) {
  return {
    id: l.id,
    line_number: l.lineNumber,
    description: l.description,
    qty: l.qty,
    unit_price: l.unitPrice,
    discount: l.discount,
    line_total: l.lineTotal,
    created_at: formatTimestamp(l.createdAt),
    updated_at: formatTimestamp(l.updatedAt),
  };
}

export function mapProductLine(
  spec: OrderKindSpec,
  l: OrderProductLineEntity,
  product?: ProductSummary,
): SaleProductLineResponse | PurchaseLineResponse {
  const withProduct = product ? { product } : {};
  if (spec.kind === 'sale') {
    return { ...lineBase(l), sale_order_id: l.orderId, product_id: l.productId, hpp: l.hpp, ...withProduct };
  }
  return { ...lineBase(l), purchase_order_id: l.orderId, product_id: l.productId, ...withProduct };
}

export function mapServiceLine(l: OrderServiceLineEntity, service?: ServiceSummary): SaleServiceLineResponse {
  return { ...lineBase(l), sale_order_id: l.orderId, service_id: l.serviceId, ...(service ? { service } : {}) };
}
