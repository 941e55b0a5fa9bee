import { money } from '@simpul/contracts';
import type { MasterRecord } from './master-data.api';
import type { AppLocale } from '@/shared/i18n';
import { decimalForApi, decimalInputText, relocaleDecimalText, typedDecimal } from '@/shared/lib/decimal-input';
import type { MasterField } from './resources';

/** The form's boxes by field name, exactly as shown; amounts in the UI language's separators. */
export type MasterFormValues = Record<string, string>;

function recordValue(record: MasterRecord, name: string): string {
  const value = (record as unknown as Record<string, unknown>)[name];
  return value === null || value === undefined ? '' : String(value);
}

/**
 * What each box shows at first: the record's values (amounts written so that `locale` reads them back as the same
 * value), or a new record's defaults.
 */
export function initialFormValues(fields: readonly MasterField[], record: MasterRecord | null | undefined, locale: AppLocale): MasterFormValues {
  return Object.fromEntries(
    fields.map((f) => {
      const text = record ? recordValue(record, f.name) : (f.initial ?? '');
      return [f.name, f.input === 'decimal' ? decimalInputText(text, locale) : text];
    }),
  );
}

/** A box as sent: amounts as exact decimal strings ("1500000.50"), or as typed when unreadable (validation says so). */
function sentValue(field: MasterField, text: string, locale: AppLocale): string {
  return field.input === 'decimal' ? decimalForApi(text, locale) : text.trim();
}

/** The create body: every field with a value; empty optional ones are left out. */
export function createDto(fields: readonly MasterField[], values: MasterFormValues, locale: AppLocale): Record<string, unknown> {
  const dto: Record<string, unknown> = {};
  for (const f of fields) {
    const value = sentValue(f, values[f.name] ?? '', locale);
    if (value === '' && f.optional) continue;
    dto[f.name] = value;
  }
  return dto;
}

/**
 * Whether a box still says what the record has. Amounts compare by value (`1.500,00` typed in Indonesian is the
 * record's `1500.00`), but only when the box reads as a number in `locale`; anything else counts as a change.
 */
function unchanged(field: MasterField, text: string, was: string, locale: AppLocale): boolean {
  if (field.input !== 'decimal') return text.trim() === was;
  const typed = typedDecimal(text, locale);
  if (typed === null || typedDecimal(was) === null) return text.trim() === was;
  return money(typed).equals(money(was));
}

/** The update body: only what changed; emptying a nullable field clears it (null). */
export function updateDto(
  fields: readonly MasterField[],
  values: MasterFormValues,
  original: MasterRecord,
  locale: AppLocale,
): Record<string, unknown> {
  const dto: Record<string, unknown> = {};
  for (const f of fields) {
    const text = values[f.name] ?? '';
    if (unchanged(f, text, recordValue(original, f.name), locale)) continue;
    const value = sentValue(f, text, locale);
    if (value === '') {
      if (f.nullable) dto[f.name] = null;
      else if (!f.optional) dto[f.name] = value; // required: let validation say so
      continue;
    }
    dto[f.name] = value;
  }
  return dto;
}

/** Typed amounts rewritten for another UI language with the same values (unreadable text stays as typed). */
export function relocaleFormValues(fields: readonly MasterField[], values: MasterFormValues, from: AppLocale, to: AppLocale): void {
  if (from === to) return;
  for (const f of fields) {
    const text = values[f.name];
    if (f.input === 'decimal' && text !== undefined) values[f.name] = relocaleDecimalText(text, from, to);
  }
}
