import type { PartsSyncScheduleDto, PartsSyncScheduleResponse, SettingResponse } from '@simpul/contracts';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { partsSyncApi } from '@/features/parts-sync/parts-sync.api';
import { settingsApi } from './settings.api';

export const ALLOW_BACKORDERS_KEY = 'orders.allowBackorders';

/** The admin settings page: the parts-sync schedule and the generic key/value settings. */
export const useSettingsStore = defineStore('settings', () => {
  const schedule = ref<PartsSyncScheduleResponse | null>(null);
  const scheduleLoading = ref(false);
  const scheduleError = ref<unknown>(null);
  const scheduleSaving = ref(false);
  const scheduleSaveError = ref<unknown>(null);

  const settings = ref<SettingResponse[]>([]);
  const settingsLoading = ref(false);
  const settingsError = ref<unknown>(null);
  /** Key being saved, and the last failure per key. */
  const savingKey = ref<string | null>(null);
  const settingErrors = ref<Record<string, unknown>>({});

  async function loadSchedule(): Promise<void> {
    scheduleLoading.value = true;
    scheduleError.value = null;
    try {
      schedule.value = await partsSyncApi.schedule();
    } catch (err) {
      scheduleError.value = err;
    } finally {
      scheduleLoading.value = false;
    }
  }

  /** Saves the schedule. False when the API refused it (an invalid cron is a 400 sentence in `scheduleSaveError`). */
  async function saveSchedule(dto: PartsSyncScheduleDto): Promise<boolean> {
    scheduleSaving.value = true;
    scheduleSaveError.value = null;
    try {
      schedule.value = await partsSyncApi.updateSchedule(dto);
      return true;
    } catch (err) {
      scheduleSaveError.value = err;
      return false;
    } finally {
      scheduleSaving.value = false;
    }
  }

  async function loadSettings(): Promise<void> {
    settingsLoading.value = true;
    settingsError.value = null;
    try {
      settings.value = await settingsApi.list();
    } catch (err) {
      settingsError.value = err;
    } finally {
      settingsLoading.value = false;
    }
  }

  function setting(key: string): SettingResponse | undefined {
    return settings.value.find((s) => s.key === key);
  }

  async function saveSetting(key: string, value: unknown): Promise<boolean> {
    savingKey.value = key;
    const { [key]: _previous, ...others } = settingErrors.value;
    settingErrors.value = others;
    try {
      const saved = await settingsApi.set(key, value);
      const i = settings.value.findIndex((s) => s.key === key);
      if (i >= 0) settings.value.splice(i, 1, saved);
      else settings.value.push(saved);
      return true;
    } catch (err) {
      settingErrors.value = { ...settingErrors.value, [key]: err };
      return false;
    } finally {
      savingKey.value = null;
    }
  }

  return {
    schedule,
    scheduleLoading,
    scheduleError,
    scheduleSaving,
    scheduleSaveError,
    settings,
    settingsLoading,
    settingsError,
    savingKey,
    settingErrors,
    loadSchedule,
    saveSchedule,
    loadSettings,
    setting,
    saveSetting,
  };
});
