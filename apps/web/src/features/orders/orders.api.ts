import type {
  CreatePurchaseOrderDto,
  CreateSaleOrderDto,
  OrderKind,
  OrderSort,
  OrderStatus,
  Page,
  PartySummary,
  ProductLineDto,
  PurchaseLineDto,
  PurchaseLineResponse,
  PurchaseOrderResponse,
  SaleOrderResponse,
  SaleProductLineResponse,
  SaleServiceLineResponse,
  ServiceLineDto,
  UpdatePurchaseOrderDto,
  UpdateSaleOrderDto,
} from '@simpul/contracts';
import { api, type DownloadedFile } from '@/shared/api/client';

export type { OrderKind };

export type AnyOrder = SaleOrderResponse | PurchaseOrderResponse;
export type OrderOf<K extends OrderKind> = K extends 'sale' ? SaleOrderResponse : PurchaseOrderResponse;
export type CreateOrderDto = CreateSaleOrderDto | CreatePurchaseOrderDto;
export type UpdateOrderDto = UpdateSaleOrderDto | UpdatePurchaseOrderDto;
export type LineKind = 'product' | 'service';
export type AnyLineDto = ProductLineDto | ServiceLineDto | PurchaseLineDto;
export type AnyLineResponse = SaleProductLineResponse | SaleServiceLineResponse | PurchaseLineResponse;

export type { OrderSort };

export interface OrderListParams {
  page?: number;
  limit?: number;
  q?: string;
  status?: OrderStatus | '';
  party_id?: string;
  date_from?: string;
  date_to?: string;
  sort?: OrderSort;
  order?: 'asc' | 'desc';
}

/** The transition endpoints by target status. */
export const TRANSITION_ACTIONS = { confirmed: 'confirm', paid: 'pay', cancelled: 'cancel' } as const;
export type TransitionTarget = keyof typeof TRANSITION_ACTIONS;

const BASE: Record<OrderKind, string> = { sale: '/api/v1/sale-orders', purchase: '/api/v1/purchase-orders' };

/** The order's number, whichever field its kind uses. */
export function orderNumber(order: AnyOrder): string {
  return 'order_number' in order ? order.order_number : order.po_number;
}

/** The customer (sale) or vendor (purchase). */
export function orderParty(order: AnyOrder): PartySummary | undefined {
  return 'customer_id' in order ? order.customer : order.vendor;
}

export function orderPartyId(order: AnyOrder): string {
  return 'customer_id' in order ? order.customer_id : order.vendor_id;
}

/** The API client of one order kind; both kinds share every endpoint shape. */
export function ordersApi<K extends OrderKind>(kind: K) {
  const base = BASE[kind];
  const one = (id: string) => `${base}/${encodeURIComponent(id)}`;
  const lines = (lineKind: LineKind) => `${base}/${lineKind}-lines`;
  return {
    kind,
    list: (params: OrderListParams = {}): Promise<Page<OrderOf<K>>> => api.page<OrderOf<K>>(base, { ...params }),
    get: (id: string) => api.get<OrderOf<K>>(one(id)),
    create: (dto: CreateOrderDto) => api.post<OrderOf<K>>(base, dto),
    update: (id: string, dto: UpdateOrderDto) => api.patch<OrderOf<K>>(one(id), dto),
    transition: (id: string, to: TransitionTarget) => api.post<OrderOf<K>>(`${one(id)}/${TRANSITION_ACTIONS[to]}`),
    remove: (id: string) => api.delete<unknown>(one(id)),
    addLine: (orderId: string, lineKind: LineKind, dto: AnyLineDto) =>
      api.post<AnyLineResponse>(`${one(orderId)}/${lineKind}-lines`, dto),
    updateLine: (lineKind: LineKind, lineId: string, dto: AnyLineDto) =>
      api.patch<AnyLineResponse>(`${lines(lineKind)}/${encodeURIComponent(lineId)}`, dto),
    removeLine: (lineKind: LineKind, lineId: string) => api.delete<unknown>(`${lines(lineKind)}/${encodeURIComponent(lineId)}`),
    /** The filtered list as XLSX (same filters as `list`, without paging). */
    exportXlsx: (params: Omit<OrderListParams, 'page' | 'limit'> = {}): Promise<DownloadedFile> =>
      api.download(`${base}/export.xlsx`, { ...params }),
  };
}
