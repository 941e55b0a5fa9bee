import { defineDomainError } from '../common/errors/domain-error';

export enum OdooMoErrorCode {
  ConfigMissing = 'ODOO_CONFIG_MISSING',
  ConfigInvalid = 'ODOO_CONFIG_INVALID',
  UnknownProductionType = 'ODOO_UNKNOWN_PRODUCTION_TYPE',
  Timeout = 'ODOO_TIMEOUT',
  SessionExpired = 'ODOO_SESSION_EXPIRED',
  AuthFailed = 'ODOO_AUTH_FAILED',
  DatabaseNotFound = 'ODOO_DATABASE_NOT_FOUND',
  Unreachable = 'ODOO_UNREACHABLE',
  UpstreamError = 'ODOO_API_ERROR',
}

export const OdooMoError = defineDomainError<OdooMoErrorCode>('OdooMoError', {
  [OdooMoErrorCode.ConfigMissing]: 'invalid',
  [OdooMoErrorCode.ConfigInvalid]: 'invalid',
  [OdooMoErrorCode.UnknownProductionType]: 'invalid',
  [OdooMoErrorCode.Timeout]: 'upstream_timeout',
  [OdooMoErrorCode.SessionExpired]: 'upstream_failed',
  [OdooMoErrorCode.AuthFailed]: 'upstream_failed',
  [OdooMoErrorCode.DatabaseNotFound]: 'upstream_failed',
  [OdooMoErrorCode.Unreachable]: 'upstream_failed',
  [OdooMoErrorCode.UpstreamError]: 'upstream_failed',
});
export type OdooMoError = InstanceType<typeof OdooMoError>;

/** The seed's sentence, word for word. */
export const CONFIG_MISSING_MESSAGE = 'Odoo configuration is missing. Please configure Odoo Session ID and Base URL in Admin settings.';
