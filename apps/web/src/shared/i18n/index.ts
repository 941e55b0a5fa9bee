import { computed } from 'vue';
import { createI18n, useI18n } from 'vue-i18n';
import en from '@/shared/i18n/messages/en';
import id, { type MessageSchema } from '@/shared/i18n/messages/id';

export const LOCALES = ['id', 'en'] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = 'id';
export const LOCALE_STORAGE_KEY = 'simpul.locale';

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function storedLocale(): AppLocale {
  try {
    const value = localStorage.getItem(LOCALE_STORAGE_KEY);
    return isAppLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function createAppI18n(locale: AppLocale = storedLocale()) {
  return createI18n<[MessageSchema], AppLocale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'id',
    messages: { id, en },
  });
}

export type AppI18n = ReturnType<typeof createAppI18n>;

export const i18n = createAppI18n();

function persistLocale(locale: AppLocale): void {
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // ignore unavailable storage
  }
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

export function setLocale(locale: AppLocale, instance: AppI18n = i18n): void {
  instance.global.locale.value = locale;
  persistLocale(locale);
}

/** The current locale (of whichever i18n instance the app installed) and a setter that remembers the choice. */
export function useLocale() {
  const { locale: current } = useI18n({ useScope: 'global' });
  const locale = computed<AppLocale>({
    get: () => (isAppLocale(current.value) ? current.value : DEFAULT_LOCALE),
    set: (value) => {
      current.value = value;
      persistLocale(value);
    },
  });
  return { locale, locales: LOCALES };
}
