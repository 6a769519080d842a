// Derived signals (overdue, stale). They are computed from stored facts on every read and never
// stored by hand, so they cannot drift from the data they describe.
import { DAY_MS, isIsoDate } from './dates';
import type { Stage } from './stages';

export const STALE_AFTER_DAYS = 60;

function assertIsoDate(value: string, name: string): void {
  // Bad dates here are programming errors (the DB column is a date), so fail loudly, not silently.
  if (!isIsoDate(value)) throw new RangeError(`${name} must be a YYYY-MM-DD date, got ${JSON.stringify(value)}`);
}

function toTime(value: Date | string, name: string): number {
  const t = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(t)) throw new RangeError(`${name} is not a valid date: ${String(value)}`);
  return t;
}

/**
 * Past its due date and not achieved. A commitment due today is not yet overdue. Dropped is never
 * overdue: it was deliberately ended, so flagging it would only add noise to the overdue list.
 * Stalled still counts, because a stalled commitment past its date is exactly what officials must see.
 * ISO dates compare correctly as strings once both are validated.
 */
export function isOverdue(c: { dueDate: string | null; stage: Stage }, today: string): boolean {
  assertIsoDate(today, 'today');
  if (c.dueDate === null) return false;
  assertIsoDate(c.dueDate, 'dueDate');
  if (c.stage === 'achieved' || c.stage === 'dropped') return false;
  return c.dueDate < today;
}

/**
 * No update for `staleDays` days (measured from the last update, or from creation when there has
 * been none). Stale from the moment exactly `staleDays` days have passed: "no update for 60 days"
 * is true on day 60. Achieved and dropped commitments are finished, so they never go stale.
 */
export function isStale(
  c: { lastUpdateAt: Date | string | null; createdAt: Date | string; stage: Stage },
  now: Date,
  staleDays: number = STALE_AFTER_DAYS,
): boolean {
  if (!Number.isFinite(staleDays) || staleDays <= 0) throw new RangeError('staleDays must be a positive number');
  if (c.stage === 'achieved' || c.stage === 'dropped') return false;
  const since = c.lastUpdateAt === null ? toTime(c.createdAt, 'createdAt') : toTime(c.lastUpdateAt, 'lastUpdateAt');
  return toTime(now, 'now') - since >= staleDays * DAY_MS;
}
