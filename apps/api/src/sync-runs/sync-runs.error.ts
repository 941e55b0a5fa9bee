import { defineDomainError } from '../common/errors/domain-error';

export enum SyncErrorCode {
  AlreadyRunning = 'SYNC_ALREADY_RUNNING',
  RunNotFound = 'SYNC_RUN_NOT_FOUND',
}

export const SyncError = defineDomainError<SyncErrorCode>('SyncError', {
  [SyncErrorCode.AlreadyRunning]: 'conflict',
  [SyncErrorCode.RunNotFound]: 'not_found',
});
