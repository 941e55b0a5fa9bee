export const APP_TIME_ZONE = 'Asia/Jakarta';

/** Maps the app's locale codes to BCP 47 tags Intl understands well. */
export function intlLocale(locale: string): string {
  if (locale === 'id') return 'id-ID';
  if (locale === 'en') return 'en-GB';
  return locale;
}

function toDate(value: string | number | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Date and time in Jakarta time (WIB), whatever the browser's own zone is. */
export function formatDateTime(value: string | number | Date | null | undefined, locale = 'id'): string {
  if (value === null || value === undefined || value === '') return '—';
  const date = toDate(value);
  if (!date) return String(value);
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: APP_TIME_ZONE,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

/** Date only, in Jakarta time. */
export function formatDate(value: string | number | Date | null | undefined, locale = 'id'): string {
  if (value === null || value === undefined || value === '') return '—';
  const date = toDate(value);
  if (!date) return String(value);
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone: APP_TIME_ZONE, dateStyle: 'medium' }).format(date);
}

const DECIMAL_RE = /^-?\d+(\.\d+)?$/;

/**
 * Formats a money amount sent by the API as a decimal string (e.g. "1250000.50") as Rupiah.
 * The string goes to Intl as-is (exact decimal), never through float arithmetic.
 */
export function formatIDR(amount: string | null | undefined, locale = 'id'): string {
  if (amount === null || amount === undefined) return '—';
  const trimmed = amount.trim();
  if (!DECIMAL_RE.test(trimmed)) return amount;
  return new Intl.NumberFormat(intlLocale(locale), {
    style: 'currency',
    currency: 'IDR',
    minimumFractionDigits: 0,
    maximumFractionDigits: 2,
  }).format(trimmed as Intl.StringNumericLiteral);
}

/**
 * Converts a `<input type="date">` value (YYYY-MM-DD, meaning a Jakarta calendar day) to an ISO instant.
 * `endOfDay` gives the last millisecond of that day.
 */
export function jakartaDayToIso(day: string, endOfDay = false): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const time = endOfDay ? 'T23:59:59.999' : 'T00:00:00.000';
  const date = new Date(`${day}${time}+07:00`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/**
 * A calendar day sent as `YYYY-MM-DD` (an order date): shown as that day, never shifted by time zones.
 */
export function formatDay(day: string | null | undefined, locale = 'id'): string {
  if (!day) return '—';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return formatDate(day, locale);
  return formatDate(`${day}T12:00:00+07:00`, locale);
}

/** Today's date in Jakarta as `YYYY-MM-DD` (for `<input type="date">` defaults). */
export function jakartaToday(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: APP_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * Some API timestamps come as `YYYY-MM-DD HH:MM:SS` in UTC without a zone (stock moves). Reads them as UTC and
 * shows them in Jakarta time; ISO strings with a zone pass through unchanged.
 */
export function formatUtcTimestamp(value: string | null | undefined, locale = 'id'): string {
  if (!value) return '—';
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/.exec(value.trim());
  return formatDateTime(m ? `${m[1]}T${m[2]}Z` : value, locale);
}

/** A quantity sent as a decimal string ("7.00"): grouped, with decimals only when there are any. */
export function formatQty(qty: string | null | undefined, locale = 'id'): string {
  if (qty === null || qty === undefined) return '—';
  const trimmed = qty.trim();
  if (!DECIMAL_RE.test(trimmed)) return qty;
  return new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(
    trimmed as Intl.StringNumericLiteral,
  );
}

/** A run's duration: "850 ms", "12.4 s", "3 min 05 s", "1 h 02 min". */
export function formatDuration(ms: number | null | undefined, locale = 'id'): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) {
    return `${new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 }).format(seconds)} s`;
  }
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  return `${m} min ${String(s).padStart(2, '0')} s`;
}
