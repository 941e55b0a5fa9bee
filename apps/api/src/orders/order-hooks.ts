import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/actor';

/**
 * Called inside the transaction of every change to a purchase order's number, lines or status, with the parts
 * that change may affect. Parts-sync uses it to keep `parts.po_number` current atomically with the order.
 */
export interface PurchaseOrderChangeHook {
  afterPurchaseOrderChange(em: EntityManager, actor: Actor, change: { orderId: string; partIds: string[] }): Promise<void>;
}

export const PURCHASE_ORDER_HOOKS = Symbol('PURCHASE_ORDER_HOOKS');
