import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import type { Health, Stage } from '@/lib/domain/stages';
import type { Database } from '../connect';
import { selectRows } from '../rows';
import type { Indicator } from '../schema';

// The columns the page and the API show, typed from the table itself.
type IndicatorRow = Pick<
  Indicator,
  'id' | 'name' | 'unit' | 'baselineValue' | 'baselineDate' | 'targetValue' | 'targetDate' | 'direction' | 'isDemo'
>;

export function listIndicators({ db, commitmentId }: { db: Database; commitmentId: string }) {
  return selectRows<IndicatorRow>(
    db,
    sql`select id, name, unit, baseline_value as "baselineValue", baseline_date::text as "baselineDate",
               target_value as "targetValue", target_date::text as "targetDate", direction, is_demo as "isDemo"
          from indicators where commitment_id = ${commitmentId} order by position, name`,
  );
}

interface UpdateRow {
  id: string;
  sequence: number;
  createdAt: Date;
  authorId: string;
  authorName: string;
  authorOrganisation: string | null;
  stageBefore: Stage;
  stageAfter: Stage;
  health: Health;
  narrative: string;
  nextStep: string;
  isDemo: boolean;
  party: 'a' | 'b' | null;
  /** Whether it awaits (or awaited) the other side: false for a narrative or evidence only. */
  claims: boolean;
  decision: 'confirmed' | 'disputed' | null;
  decidedById: string | null;
  decidedByName: string | null;
  decidedByOrganisation: string | null;
  decidedAt: Date | null;
  note: string | null;
}

/** One page of a commitment's timeline: the `limit` updates posted before sequence `before` (null: the latest). */
export interface UpdatePage {
  before: number | null;
  limit: number;
}

function beforeSequence(column: SQL, page: UpdatePage | undefined): SQL {
  return page && page.before !== null ? sql`and ${column} < ${page.before}` : sql``;
}

// The ids of the page's updates, as a subquery, so that readings, evidence and comments of only
// those updates are read in the same round trip as the updates themselves.
function pageUpdateIds(commitmentId: string, page: UpdatePage): SQL {
  return sql`(select id from status_updates where commitment_id = ${commitmentId} ${beforeSequence(sql.raw('sequence'), page)}
               order by sequence desc limit ${page.limit})`;
}

/** A commitment's updates, newest first: all of them, or one page (keyset on the sequence number). */
export function listUpdates({ db, commitmentId, page }: { db: Database; commitmentId: string; page?: UpdatePage }) {
  return selectRows<UpdateRow>(
    db,
    sql`select u.id, u.sequence, u.created_at as "createdAt", u.author_id as "authorId", au.name as "authorName",
               o.name as "authorOrganisation", u.stage_before as "stageBefore", u.stage_after as "stageAfter", u.health,
               u.narrative, u.next_step as "nextStep", u.is_demo as "isDemo", u.party,
               (k.status_update_id is not null) as claims, k.decision, k.decided_by_id as "decidedById",
               du.name as "decidedByName", dorg.name as "decidedByOrganisation", k.decided_at as "decidedAt", k.note
          from status_updates u
          join users au on au.id = u.author_id
          left join organisations o on o.id = au.organisation_id
          left join update_confirmations k on k.status_update_id = u.id
          left join users du on du.id = k.decided_by_id
          left join organisations dorg on dorg.id = du.organisation_id
         where u.commitment_id = ${commitmentId} ${beforeSequence(sql.raw('u.sequence'), page)}
         order by u.sequence desc ${page ? sql`limit ${page.limit}` : sql``}`,
  );
}

/** How many status updates a commitment has in all. */
export async function countUpdates({ db, commitmentId }: { db: Database; commitmentId: string }) {
  const [row] = await selectRows<{ total: number }>(
    db, sql`select count(*)::int as total from status_updates where commitment_id = ${commitmentId}`,
  );
  return row?.total ?? 0;
}

interface ReadingRow {
  statusUpdateId: string;
  indicatorId: string;
  value: number;
  asOf: string;
}

/** Readings posted with a commitment's updates: all of them, or those of one page of updates. */
export function listReadings({ db, commitmentId, page }: { db: Database; commitmentId: string; page?: UpdatePage }) {
  return selectRows<ReadingRow>(
    db,
    sql`select r.status_update_id as "statusUpdateId", r.indicator_id as "indicatorId", r.value, r.as_of::text as "asOf"
          from indicator_readings r join status_updates u on u.id = r.status_update_id
         where u.commitment_id = ${commitmentId} ${page ? sql`and u.id in ${pageUpdateIds(commitmentId, page)}` : sql``}
         order by r.as_of, u.sequence`,
  );
}

interface ChartReadingRow extends ReadingRow {
  sequence: number;
  /** How many readings the indicator has in all, whether kept or not. */
  total: number;
}

/** Each indicator's `limit` most recent readings (by date, then update), oldest first, with its count of all. */
export function listChartReadings({ db, commitmentId, limit }: { db: Database; commitmentId: string; limit: number }) {
  return selectRows<ChartReadingRow>(
    db,
    sql`select "statusUpdateId", "indicatorId", value, "asOf", sequence, total
          from (select r.status_update_id as "statusUpdateId", r.indicator_id as "indicatorId", r.value, r.as_of::text as "asOf",
                       r.as_of as day, u.sequence,
                       row_number() over (partition by r.indicator_id order by r.as_of desc, u.sequence desc) as recency,
                       (count(*) over (partition by r.indicator_id))::int as total
                  from indicator_readings r join status_updates u on u.id = r.status_update_id
                 where u.commitment_id = ${commitmentId}) ranked
         where recency <= ${limit}
         order by day, sequence`,
  );
}

interface EvidenceRow {
  statusUpdateId: string;
  url: string;
}

export function listEvidence({ db, commitmentId, page }: { db: Database; commitmentId: string; page?: UpdatePage }) {
  return selectRows<EvidenceRow>(
    db,
    sql`select e.status_update_id as "statusUpdateId", e.url
          from evidence_links e join status_updates u on u.id = e.status_update_id
         where u.commitment_id = ${commitmentId} ${page ? sql`and u.id in ${pageUpdateIds(commitmentId, page)}` : sql``}
         order by u.sequence, e.position`,
  );
}

interface CommentRow {
  id: string;
  statusUpdateId: string | null;
  parentId: string | null;
  authorId: string;
  authorName: string;
  authorRole: string;
  body: string;
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedByName: string | null;
  isDemo: boolean;
}

/** Comments on a commitment: all, or those on the commitment itself and on one page of its updates. */
export function listComments({ db, commitmentId, page }: { db: Database; commitmentId: string; page?: UpdatePage }) {
  return selectRows<CommentRow>(
    db,
    sql`select c.id, c.status_update_id as "statusUpdateId", c.parent_id as "parentId", c.author_id as "authorId",
               au.name as "authorName", au.role as "authorRole", c.body, c.created_at as "createdAt",
               c.resolved_at as "resolvedAt", rb.name as "resolvedByName", c.is_demo as "isDemo"
          from comments c
          join users au on au.id = c.author_id
          left join users rb on rb.id = c.resolved_by_id
         where c.commitment_id = ${commitmentId}
               ${page ? sql`and (c.status_update_id is null or c.status_update_id in ${pageUpdateIds(commitmentId, page)})` : sql``}
         order by c.created_at, c.id`,
  );
}
