import { defineDomainError } from '../common/errors/domain-error';

export enum StockErrorCode {
  InsufficientStock = 'STOCK_INSUFFICIENT',
  PartUnavailable = 'STOCK_PART_UNAVAILABLE',
}

export const StockError = defineDomainError<StockErrorCode>('StockError', {
  [StockErrorCode.InsufficientStock]: 'conflict',
  [StockErrorCode.PartUnavailable]: 'conflict',
});
