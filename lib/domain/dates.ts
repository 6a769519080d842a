// Calendar dates as the app stores them: "YYYY-MM-DD" strings (PostgreSQL `date` columns), each
// standing for UTC midnight of that day. Every conversion between those strings, Date objects and
// epoch milliseconds goes through here, so no caller builds "T00:00:00Z" or slices an ISO string
// by hand and every day boundary is the same UTC one.

export const DAY_MS = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written as YYYY-MM-DD (rejects 2026-02-30 and the like). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * Epoch milliseconds at UTC midnight of a YYYY-MM-DD date. A malformed date is a programming error
 * here (the values come from date columns or validated input), so it throws rather than giving NaN.
 */
export function isoDateToMs(isoDate: string): number {
  if (!isIsoDate(isoDate)) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(isoDate)}`);
  return Date.parse(`${isoDate}T00:00:00.000Z`);
}

/** A YYYY-MM-DD date as a Date at UTC midnight; formatted in UTC (as the app does), it shows that day. */
export function parseIsoDate(isoDate: string): Date {
  return new Date(isoDateToMs(isoDate));
}

/** The UTC calendar day of an instant, as YYYY-MM-DD. */
export function formatIsoDate(instant: Date | number): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a valid instant: ${String(instant)}`);
  return date.toISOString().slice(0, 10);
}

/** Today's date in UTC, the day boundary every overdue and due-date comparison uses. */
export function todayIso(now: Date = new Date()): string {
  return formatIsoDate(now);
}

/** The date `days` days after `isoDate` (before it when negative). */
export function addDays(isoDate: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`days must be a whole number, got ${days}`);
  return formatIsoDate(isoDateToMs(isoDate) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((isoDateToMs(to) - isoDateToMs(from)) / DAY_MS);
}

/** UTC midnight of the first day of the month `months` months after the one `instant` falls in. */
export function monthStart(instant: Date | number, months = 0): number {
  const d = new Date(instant);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1);
}
