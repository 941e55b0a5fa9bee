/**
 * Every setting the system knows, with its default and validation. Features add their keys here, so the settings
 * page and API can list, validate and mask them without knowing the features.
 */
export interface SettingDefinition<T = unknown> {
  key: string;
  description: string;
  defaultValue: T;
  /** Returns an error sentence, or null when the value is acceptable. */
  validate: (value: unknown) => string | null;
  secret?: boolean;
}

const isBoolean = (key: string) => (v: unknown) => (typeof v === 'boolean' ? null : `${key} must be true or false`);

export const ORDERS_ALLOW_BACKORDERS: SettingDefinition<boolean> = {
  key: 'orders.allowBackorders',
  description: 'Allow confirming sale orders that drive a part below zero stock.',
  defaultValue: false,
  validate: isBoolean('orders.allowBackorders'),
};

export const SETTING_DEFINITIONS: SettingDefinition[] = [ORDERS_ALLOW_BACKORDERS as SettingDefinition];

export function registerSetting(def: SettingDefinition): void {
  if (SETTING_DEFINITIONS.some((d) => d.key === def.key)) return;
  SETTING_DEFINITIONS.push(def);
}
