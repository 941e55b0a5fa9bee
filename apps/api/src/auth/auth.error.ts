import { defineDomainError } from '../common/errors/domain-error';

export enum AuthErrorCode {
  InvalidCredentials = 'AUTH_INVALID_CREDENTIALS',
  AccountInactive = 'AUTH_ACCOUNT_INACTIVE',
  InvalidRefreshToken = 'AUTH_INVALID_REFRESH_TOKEN',
  TooManyAttempts = 'AUTH_TOO_MANY_ATTEMPTS',
}

export const AuthError = defineDomainError<AuthErrorCode>('AuthError', {
  [AuthErrorCode.InvalidCredentials]: 'unauthorized',
  [AuthErrorCode.AccountInactive]: 'unauthorized',
  [AuthErrorCode.InvalidRefreshToken]: 'unauthorized',
  [AuthErrorCode.TooManyAttempts]: 'too_many_requests',
});
export type AuthError = InstanceType<typeof AuthError>;
