import { defineDomainError } from './domain-error';

export enum CommonErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  MalformedJson = 'MALFORMED_JSON',
  RouteNotFound = 'ROUTE_NOT_FOUND',
  Unauthorized = 'UNAUTHORIZED',
  Forbidden = 'FORBIDDEN',
  TooManyRequests = 'TOO_MANY_REQUESTS',
}

export const CommonError = defineDomainError<CommonErrorCode>('CommonError', {
  [CommonErrorCode.ValidationFailed]: 'invalid',
  [CommonErrorCode.MalformedJson]: 'invalid',
  [CommonErrorCode.RouteNotFound]: 'not_found',
  [CommonErrorCode.Unauthorized]: 'unauthorized',
  [CommonErrorCode.Forbidden]: 'forbidden',
  [CommonErrorCode.TooManyRequests]: 'too_many_requests',
});
export type CommonError = InstanceType<typeof CommonError>;
