/**
 * Dates typed as three fields (day, month, year), as the GOV.UK pattern asks for dates people know
 * by heart: no date-picker. The API wants ISO `YYYY-MM-DD`.
 */
/**
 * The locale for formatting in a UI language: English dates are written the British way
 * ("12 April 1990"), as in the rest of Europe, not "April 12, 1990".
 */
export function formattingLocale(language: string): string {
  return language === 'en' ? 'en-GB' : language;
}

export type DateParts = { day: string; month: string; year: string };

export type DatePartsResult =
  | { ok: true; value: string }
  | { ok: false; error: 'required' | 'missing_day' | 'missing_month' | 'missing_year' | 'invalid' };

export const emptyDateParts: DateParts = { day: '', month: '', year: '' };

/** Checks the three fields and builds `YYYY-MM-DD`; a day that does not exist (31 April) is invalid. */
export function dateFromParts(parts: DateParts): DatePartsResult {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (!day && !month && !year) return { ok: false, error: 'required' };
  if (!day) return { ok: false, error: 'missing_day' };
  if (!month) return { ok: false, error: 'missing_month' };
  if (!year) return { ok: false, error: 'missing_year' };
  // "90" is a year people mean, not a date that does not exist: say the year needs 4 digits.
  if (/^\d{1,3}$/.test(year)) return { ok: false, error: 'missing_year' };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
    return { ok: false, error: 'invalid' };
  }
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { ok: false, error: 'invalid' };
  }
  return { ok: true, value: `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` };
}

/** Today's date in the reader's time zone, as `YYYY-MM-DD` (comparable as a string with ISO dates). */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** An ISO date (`1990-04-12`) in the reader's language, e.g. "12 April 1990"; the input if not a date. */
export function formatIsoDate(iso: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(formattingLocale(language), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** A timestamp in the reader's language and time zone, e.g. "26 November 2026, 10:15". */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(formattingLocale(language), { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

/** A wait in seconds as words, e.g. 90 → "2 minutes", 30 → "30 seconds", in the reader's language. */
export function formatWait(seconds: number, language: string): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) {
    return new Intl.NumberFormat(language, { style: 'unit', unit: 'second', unitDisplay: 'long' }).format(s);
  }
  if (s < 3600) {
    return new Intl.NumberFormat(language, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(
      Math.ceil(s / 60),
    );
  }
  return new Intl.NumberFormat(language, { style: 'unit', unit: 'hour', unitDisplay: 'long' }).format(
    Math.ceil(s / 3600),
  );
}
