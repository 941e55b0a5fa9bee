import { defineDomainError } from '../common/errors/domain-error';

export enum UsersErrorCode {
  NotFound = 'USER_NOT_FOUND',
  EmailTaken = 'USER_EMAIL_TAKEN',
  SupervisorNotFound = 'USER_SUPERVISOR_NOT_FOUND',
  LocationNotFound = 'USER_LOCATION_NOT_FOUND',
  SelfLockout = 'USER_SELF_LOCKOUT',
  LastAdmin = 'USER_LAST_ADMIN',
  WrongPassword = 'USER_WRONG_PASSWORD',
}

export const UsersError = defineDomainError<UsersErrorCode>('UsersError', {
  [UsersErrorCode.NotFound]: 'not_found',
  [UsersErrorCode.EmailTaken]: 'conflict',
  [UsersErrorCode.SupervisorNotFound]: 'invalid',
  [UsersErrorCode.LocationNotFound]: 'invalid',
  [UsersErrorCode.SelfLockout]: 'conflict',
  [UsersErrorCode.LastAdmin]: 'conflict',
  [UsersErrorCode.WrongPassword]: 'invalid',
});
export type UsersError = InstanceType<typeof UsersError>;
