import { defineDomainError } from '../common/errors/domain-error';

export enum PartsSyncErrorCode {
  InvalidSchedule = 'PARTS_SYNC_INVALID_SCHEDULE',
}

export const PartsSyncError = defineDomainError<PartsSyncErrorCode>('PartsSyncError', {
  [PartsSyncErrorCode.InvalidSchedule]: 'invalid',
});
