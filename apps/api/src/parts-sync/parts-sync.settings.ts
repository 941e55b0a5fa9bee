import { CronTime } from 'cron';
import { registerSetting, SettingDefinition } from '../settings/settings.registry';

export const PARTS_SYNC_TIMEZONE = 'Asia/Jakarta';

export function cronProblem(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return 'The schedule must be a cron expression such as "0 2 * * *".';
  try {
    new CronTime(value, PARTS_SYNC_TIMEZONE);
    return null;
  } catch (err) {
    return `"${value}" is not a valid cron expression: ${(err as Error).message}`;
  }
}

export const PARTS_SYNC_CRON: SettingDefinition<string> = {
  key: 'partsSync.cron',
  description: 'When the scheduled PO-number sync runs (cron, Asia/Jakarta).',
  defaultValue: '0 2 * * *',
  validate: cronProblem,
};

export const PARTS_SYNC_ENABLED: SettingDefinition<boolean> = {
  key: 'partsSync.enabled',
  description: 'Whether the scheduled PO-number sync runs.',
  defaultValue: true,
  validate: (v) => (typeof v === 'boolean' ? null : 'partsSync.enabled must be true or false'),
};

registerSetting(PARTS_SYNC_CRON as SettingDefinition);
registerSetting(PARTS_SYNC_ENABLED as SettingDefinition);
