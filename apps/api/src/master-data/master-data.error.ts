import { defineDomainError } from '../common/errors/domain-error';

export enum MasterDataErrorCode {
  NotFound = 'MASTER_DATA_NOT_FOUND',
  Duplicate = 'MASTER_DATA_DUPLICATE',
  InUse = 'MASTER_DATA_IN_USE',
  ImportInvalid = 'MASTER_DATA_IMPORT_INVALID',
  ImportUnreadable = 'MASTER_DATA_IMPORT_UNREADABLE',
}

export const MasterDataError = defineDomainError<MasterDataErrorCode>('MasterDataError', {
  [MasterDataErrorCode.NotFound]: 'not_found',
  [MasterDataErrorCode.Duplicate]: 'conflict',
  [MasterDataErrorCode.InUse]: 'conflict',
  [MasterDataErrorCode.ImportInvalid]: 'unprocessable',
  [MasterDataErrorCode.ImportUnreadable]: 'invalid',
});
