import { defineDomainError } from '../common/errors/domain-error';

export enum OrdersErrorCode {
  NotFound = 'ORDER_NOT_FOUND',
  LineNotFound = 'ORDER_LINE_NOT_FOUND',
  NumberTaken = 'ORDER_NUMBER_TAKEN',
  InvalidTransition = 'ORDER_INVALID_TRANSITION',
  NotEditable = 'ORDER_NOT_EDITABLE',
  NotDeletable = 'ORDER_NOT_DELETABLE',
  TotalsMismatch = 'ORDER_TOTALS_MISMATCH',
  UnknownReference = 'ORDER_UNKNOWN_REFERENCE',
  InvalidInitialStatus = 'ORDER_INVALID_INITIAL_STATUS',
}

export const OrdersError = defineDomainError<OrdersErrorCode>('OrdersError', {
  [OrdersErrorCode.NotFound]: 'not_found',
  [OrdersErrorCode.LineNotFound]: 'not_found',
  [OrdersErrorCode.NumberTaken]: 'conflict',
  [OrdersErrorCode.InvalidTransition]: 'conflict',
  [OrdersErrorCode.NotEditable]: 'conflict',
  [OrdersErrorCode.NotDeletable]: 'conflict',
  [OrdersErrorCode.TotalsMismatch]: 'invalid',
  [OrdersErrorCode.UnknownReference]: 'invalid',
  [OrdersErrorCode.InvalidInitialStatus]: 'invalid',
});
