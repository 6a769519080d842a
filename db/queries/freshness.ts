import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import { STALE_AFTER_DAYS } from '@/lib/domain/freshness';

// Overdue and stale in SQL, over a commitment aliased `c`, with the rules of lib/domain/freshness.ts
// (isOverdue, isStale): one definition for the list's filters and columns and for the dashboard.

// Finished commitments are never overdue or stale. The confirmed view asks of the confirmed stage.
const unfinished = (stage: SQL = sql`c.stage`) => sql`${stage} not in ('achieved', 'dropped')`;
const UNFINISHED = unfinished();
// Hours, not days: "60 days" in freshness.ts is 60 × 24 hours, whatever the session's time zone.
const STALE_HOURS = STALE_AFTER_DAYS * 24;

/** Past its due date on `today` (a UTC date; by default the database's today), and not finished. */
export function overdueSql(today: SQL = sql`(now() at time zone 'UTC')::date`, stage?: SQL): SQL {
  return sql`(c.due_date < ${today} and ${unfinished(stage)})`;
}

/** No update (never updated: none since creation) for 60 days at `now` (by default the database's now), and not finished. */
export function staleSql(now: SQL = sql`now()`): SQL {
  return sql`(coalesce(c.last_update_at, c.created_at) <= ${now} - make_interval(hours => ${STALE_HOURS}) and ${UNFINISHED})`;
}
