import type { OrderKind, StockMoveReason } from '@simpul/contracts';

/** What differs between sale and purchase orders. Everything else is one code path. */
export interface OrderKindSpec {
  kind: OrderKind;
  /** "Sale Order", for sentences such as "Sale Order not found". */
  label: string;
  /** Audit resource type. */
  resourceType: 'SALE_ORDER' | 'PURCHASE_ORDER';
  partyColumn: 'customer_id' | 'vendor_id';
  partyTable: 'customers' | 'vendors';
  partyLabel: 'customer' | 'vendor';
  /** The API field names of the number and the party. */
  numberField: 'order_number' | 'po_number';
  partyField: 'customer_id' | 'vendor_id';
  /** Stock moves the other way for each kind: a confirmed sale takes stock out, a confirmed purchase brings it in. */
  stockSign: -1 | 1;
  confirmReason: StockMoveReason;
  cancelReason: StockMoveReason;
  hasServiceLines: boolean;
}

export const SALE: OrderKindSpec = {
  kind: 'sale',
  label: 'Sale Order',
  resourceType: 'SALE_ORDER',
  partyColumn: 'customer_id',
  partyTable: 'customers',
  partyLabel: 'customer',
  numberField: 'order_number',
  partyField: 'customer_id',
  stockSign: -1,
  confirmReason: 'sale_confirmed',
  cancelReason: 'sale_cancelled',
  hasServiceLines: true,
};

export const PURCHASE: OrderKindSpec = {
  kind: 'purchase',
  label: 'Purchase Order',
  resourceType: 'PURCHASE_ORDER',
  partyColumn: 'vendor_id',
  partyTable: 'vendors',
  partyLabel: 'vendor',
  numberField: 'po_number',
  partyField: 'vendor_id',
  stockSign: 1,
  confirmReason: 'purchase_confirmed',
  cancelReason: 'purchase_cancelled',
  hasServiceLines: false,
};
