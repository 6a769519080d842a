/** How many status updates one page of a commitment's timeline shows, newest first. */
export const TIMELINE_PAGE_SIZE = 20;

/** At most this many readings of one indicator are drawn (and tabled), the most recent kept. */
export const CHART_READINGS_LIMIT = 500;

/** The largest sequence number a cursor may name: PostgreSQL's integer. */
const MAX_SEQUENCE = 2_147_483_647;

export type TimelineCursor = { ok: true; before: number | null } | { ok: false };

/**
 * The `before` parameter of the commitment page: the sequence number of the oldest update shown on
 * the page before, so the page lists the updates posted before it. Absent: the latest updates.
 */
export function parseTimelineCursor(value: string | string[] | undefined): TimelineCursor {
  if (value === undefined) return { ok: true, before: null };
  if (Array.isArray(value) || !/^[1-9][0-9]{0,9}$/.test(value)) return { ok: false };
  const before = Number(value);
  return before <= MAX_SEQUENCE ? { ok: true, before } : { ok: false };
}

/** The address of the timeline page that lists updates posted before `before` (null: the latest). */
export function timelineHref(commitmentId: string, before: number | null, anchor = 'timeline-heading'): string {
  return `/commitments/${commitmentId}${before === null ? '' : `?before=${before}`}#${anchor}`;
}

/**
 * The cursor of the timeline page that shows the update numbered `sequence` of `total` (sequences run
 * from 1 without gaps): null when it is among the latest, else the page that starts with it.
 */
export function cursorShowing(sequence: number, total: number): number | null {
  return sequence > total - TIMELINE_PAGE_SIZE ? null : sequence + 1;
}
