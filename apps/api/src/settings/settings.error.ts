import { defineDomainError } from '../common/errors/domain-error';

export enum SettingsErrorCode {
  UnknownKey = 'SETTING_UNKNOWN_KEY',
  InvalidValue = 'SETTING_INVALID_VALUE',
}

export const SettingsError = defineDomainError<SettingsErrorCode>('SettingsError', {
  [SettingsErrorCode.UnknownKey]: 'not_found',
  [SettingsErrorCode.InvalidValue]: 'invalid',
});
