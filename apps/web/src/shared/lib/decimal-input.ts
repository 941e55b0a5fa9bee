import type { AppLocale } from '@/shared/i18n';

const TYPED_DECIMAL = /^-?\d+(\.\d*)?$/;

/** How each UI language writes numbers: Indonesian `1.500.000,50`, English `1,500,000.50`. */
const SEPARATORS: Record<AppLocale, { group: '.' | ','; decimal: '.' | ',' }> = {
  id: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

const DIGITS = /^\d+$/;
const GROUPED = { '.': /^[1-9]\d{0,2}(\.\d{3})+$/, ',': /^[1-9]\d{0,2}(,\d{3})+$/ };

/** Digits of an integer part written plainly or with correct thousands groups, or null. */
function integerDigits(text: string, group: '.' | ','): string | null {
  if (DIGITS.test(text)) return text;
  return GROUPED[group].test(text) ? text.split(group).join('') : null;
}

function inLocale(body: string, locale: AppLocale): string | null {
  const { group, decimal } = SEPARATORS[locale];
  const [intPart = '', fraction, ...more] = body.split(decimal);
  if (more.length > 0) return null;
  const digits = integerDigits(intPart, group);
  if (digits === null) return null;
  if (fraction === undefined || fraction === '') return digits;
  return DIGITS.test(fraction) ? `${digits}.${fraction}` : null;
}

/**
 * The other language's decimal separator, when it cannot be a thousands separator here: exactly one of it and not
 * followed by 3 digits (`12.5` in Indonesian is 12,5; `1.500` stays 1500 and `1.500,5.0` stays malformed).
 */
function otherConventionDecimal(body: string, locale: AppLocale): string | null {
  const { group } = SEPARATORS[locale];
  const [intPart = '', fraction, ...more] = body.split(group);
  if (fraction === undefined || more.length > 0 || fraction.length === 3) return null;
  if (!DIGITS.test(intPart) || (fraction !== '' && !DIGITS.test(fraction))) return null;
  return fraction === '' ? intPart : `${intPart}.${fraction}`;
}

/**
 * What a person typed into a money or quantity box, as an exact decimal string ("1500000.50"), or null when it is
 * not a number yet (empty, half-typed, letters, misplaced separators). With `locale` it reads that UI language's
 * separators; without, only the API's own form. A trailing decimal separator is dropped (still typing). Nothing
 * here goes through JS floats; the DTO validation reports what stays null (callers send the raw text).
 */
export function typedDecimal(value: string | number | null | undefined, locale?: AppLocale): string | null {
  if (value === null || value === undefined) return null;
  const s = String(value).trim();
  if (locale === undefined) {
    const plain = s.replace(/\.$/, '');
    return TYPED_DECIMAL.test(plain) ? plain : null;
  }
  // A leading "+" is how people write an increase (stock adjustments show "+5 / -2"); it adds nothing to the value.
  const sign = s.startsWith('-') ? '-' : '';
  const body = s.startsWith('-') || s.startsWith('+') ? s.slice(1) : s;
  if (!/^[\d.,]+$/.test(body)) return null;
  const parsed = inLocale(body, locale) ?? otherConventionDecimal(body, locale);
  return parsed === null ? null : `${sign}${parsed}`;
}

/**
 * A typed amount as sent to the API: the exact decimal string it reads as in `locale` ("1.500,5" in Indonesian is
 * "1500.5"), or the trimmed text as typed when it is not a number, so the DTO validation points at that field.
 */
export function decimalForApi(text: string, locale: AppLocale): string {
  const trimmed = text.trim();
  return typedDecimal(trimmed, locale) ?? trimmed;
}

/**
 * A decimal string as put into a box of `locale`, such that `typedDecimal` reads it back unchanged. The API's form
 * stays as it is when the locale reads it the same (API amounts have 2 places, so `45000.00` stays); otherwise the
 * dot becomes the locale's decimal separator (`1.500` is `1,500` in Indonesian). Anything else passes through.
 */
export function decimalInputText(value: string, locale: AppLocale): string {
  const canonical = typedDecimal(value);
  if (canonical === null || canonical !== value.trim()) return value;
  if (typedDecimal(canonical, locale) === canonical) return canonical;
  return canonical.replace('.', SEPARATORS[locale].decimal);
}

/** A typed amount moved to another UI language's separators, keeping its value; unreadable text stays as typed. */
export function relocaleDecimalText(text: string, from: AppLocale, to: AppLocale): string {
  const value = typedDecimal(text, from);
  return value === null ? text : decimalInputText(value, to);
}
