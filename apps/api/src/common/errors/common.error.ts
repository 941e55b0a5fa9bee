import { defineDomainError } from './domain-error';

export enum CommonErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  MalformedJson = 'MALFORMED_JSON',
  RouteNotFound = 'ROUTE_NOT_FOUND',
  Unauthorized = 'UNAUTHORIZED',
  Forbidden = 'FORBIDDEN',
  TooManyRequests = 'TOO_MANY_REQUESTS',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
}

export const CommonError = defineDomainError<CommonErrorCode>('CommonError', {
  [CommonErrorCode.ValidationFailed]: 'invalid',
  [CommonErrorCode.MalformedJson]: 'invalid',
  [CommonErrorCode.RouteNotFound]: 'not_found',
  [CommonErrorCode.Unauthorized]: 'unauthorized',
  [CommonErrorCode.Forbidden]: 'forbidden',
  [CommonErrorCode.TooManyRequests]: 'too_many_requests',
  [CommonErrorCode.UnsupportedMediaType]: 'unsupported_media_type',
});
export type CommonError = InstanceType<typeof CommonError>;
