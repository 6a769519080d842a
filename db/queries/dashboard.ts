import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../connect';
import { selectRows } from '../rows';
import { overdueSql, staleSql } from './freshness';
import type { DashboardView } from '@/lib/domain/confirmation';
import { type Health, PIPELINE_STAGES, type Stage } from '@/lib/domain/stages';

// The dashboard's aggregates. Every count is made here, in SQL, in one statement per figure; nothing
// loads rows to count them, nothing runs a query per commitment. No authorisation here: callers go
// through lib/server/dashboard.ts.

interface Scope {
  db: Database;
  agendaId: string;
  sectorId?: string;
  /** As reported (the default: every update as posted) or as confirmed by the other side. */
  view?: DashboardView;
}

// The confirmed view reads the same shapes from other columns and tables, kept by the decisions'
// transactions (migration 0006): the statements, and their index use, stay the same.
const stageColumn = (view?: DashboardView) => (view === 'confirmed' ? sql`c.confirmed_stage` : sql`c.stage`);
const healthColumn = (view?: DashboardView) => (view === 'confirmed' ? sql`c.confirmed_health` : sql`c.health`);
const eventsTable = (view?: DashboardView) => (view === 'confirmed' ? sql`confirmed_stage_events` : sql`stage_events`);

const sectorFilter = (alias: string, sectorId?: string): SQL =>
  sectorId ? sql`and ${sql.raw(alias)}.sector_id = ${sectorId}` : sql``;

// The pipeline order, from the same constant the stage rules use, so "forward" means the same here
// as in isForwardMove. A literal from code, never from input.
const PIPELINE = sql.raw(`array[${PIPELINE_STAGES.map((s) => `'${s}'`).join(', ')}]::stage[]`);

export interface SectorStageCount {
  sectorId: string;
  stage: Stage;
  count: number;
}

/** Commitments per sector and stage (served by commitments_agenda_sector_stage_idx). */
export function countByStage({ db, agendaId, sectorId, view }: Scope): Promise<SectorStageCount[]> {
  const stage = stageColumn(view);
  return selectRows<SectorStageCount>(
    db,
    sql`select c.sector_id as "sectorId", ${stage} as stage, count(*)::int as count
          from commitments c
         where c.agenda_id = ${agendaId} ${sectorFilter('c', sectorId)}
         group by c.sector_id, ${stage}`,
  );
}

export function healthCounts({ db, agendaId, sectorId, view }: Scope): Promise<{ health: Health; count: number }[]> {
  const health = healthColumn(view);
  return selectRows(
    db,
    sql`select ${health} as health, count(*)::int as count
          from commitments c
         where c.agenda_id = ${agendaId} ${sectorFilter('c', sectorId)}
         group by ${health}`,
  );
}

export interface CommitmentListItem {
  id: string;
  reference: string;
  title: string;
  stage: Stage;
  health: Health;
  dueDate: string | null;
  lastUpdateAt: Date | null;
  createdAt: Date;
  sectorSlug: string;
  sectorName: string;
}

export interface CommitmentList {
  items: CommitmentListItem[];
  /** How many match in all, beyond the ones listed. */
  total: number;
}

const listColumns = (view?: DashboardView) => sql`c.id, c.reference, c.title, ${stageColumn(view)} as stage, ${healthColumn(view)} as health, c.due_date::text as "dueDate",
  c.last_update_at as "lastUpdateAt", c.created_at as "createdAt", s.slug as "sectorSlug", s.name as "sectorName",
  count(*) over ()::int as total`;

type ListRow = CommitmentListItem & { total: number };

/**
 * The first `limit` commitments of the scope that match `condition`, in `order`, with how many match
 * in all (count(*) over () is taken before LIMIT, so the total comes with the first rows).
 */
async function scopedList({ db, agendaId, sectorId, view }: Scope, { condition, order, limit }: { condition?: SQL; order: SQL; limit: number }): Promise<CommitmentList> {
  const rows = await selectRows<ListRow>(
    db,
    sql`select ${listColumns(view)}
          from commitments c join sectors s on s.id = c.sector_id
         where c.agenda_id = ${agendaId} ${sectorFilter('c', sectorId)} ${condition ? sql`and ${condition}` : sql``}
         order by ${order}
         limit ${limit}`,
  );
  return {
    items: rows.map(({ total: _total, ...item }) => ({ ...item, lastUpdateAt: toDate(item.lastUpdateAt), createdAt: toDate(item.createdAt)! })),
    total: rows[0]?.total ?? 0,
  };
}

function toDate(value: Date | string | null): Date | null {
  return value === null ? null : value instanceof Date ? value : new Date(value);
}

/** Past due and not achieved or dropped (isOverdue); the earliest due first. `today` is YYYY-MM-DD. */
export function overdueCommitments({ today, limit = 20, ...scope }: Scope & { today: string; limit?: number }): Promise<CommitmentList> {
  return scopedList(scope, { condition: overdueSql(sql`${today}::date`, stageColumn(scope.view)), order: sql`c.due_date, c.reference`, limit });
}

/** No update for 60 days (from creation when never updated), not finished (isStale); the longest silent first. */
export function staleCommitments({ now, limit = 20, ...scope }: Scope & { now: Date; limit?: number }): Promise<CommitmentList> {
  return scopedList(scope, { condition: staleSql(sql`${now.toISOString()}::timestamptz`), order: sql`coalesce(c.last_update_at, c.created_at), c.reference`, limit });
}

/** The commitments of one agenda (and sector) in reference order, for the sector page's table. */
export function listScopeCommitments({ limit = 200, ...scope }: Scope & { limit?: number }): Promise<CommitmentList> {
  return scopedList(scope, { order: sql`c.reference`, limit });
}

export interface WeeklyStageCount {
  bucket: number;
  stage: Stage;
  count: number;
}

/**
 * How many commitments were in each stage at each point from `from` to `to`, every `stepDays`.
 * Bucket k is the instant `from + k × step` (the last one: `to`). A commitment counts from its
 * created_at; its stage at an instant is the stage_after of its latest update created by then, else
 * intent.
 *
 * Counted as changes, not as snapshots, from stage_events (kept by triggers in the same transaction
 * as each commitment and status update): a creation adds 1 to intent, each stage change moves 1 from
 * the stage it leaves to the stage it enters, in the bucket it took effect in; a running sum over
 * the buckets gives the counts. The events are read from one index, by agenda and time, and counted
 * per day first: the points fall on midnights (`from` is one and the step is whole days), so every
 * instant of a day belongs to the bucket of the midnight that ends it, and `to` cuts exactly. The
 * work grows with stage changes plus buckets, not with commitments × weeks or with every update.
 */
export async function weeklyStageCounts({
  db, agendaId, sectorId, view, from, to, stepDays = 7,
}: Scope & { from: Date; to: Date; stepDays?: number }): Promise<WeeklyStageCount[]> {
  const t = sql`${to.toISOString()}::timestamptz`;
  const fromEpoch = from.getTime() / 1000;
  if (fromEpoch % 86_400 !== 0 || !Number.isInteger(stepDays) || stepDays < 1) {
    throw new RangeError('weeklyStageCounts needs `from` at a UTC midnight and a whole number of days per step');
  }
  const step = stepDays * 86_400;
  // The bucket of an instant: the first point at or after it, clamped to [0, k]. date_part gives a
  // double (cheaper than extract's numeric), exact for whole seconds.
  const k = sql`greatest(0, ceil((date_part('epoch', ${t}) - ${fromEpoch}) / ${step}))::int`;
  return selectRows<WeeklyStageCount>(
    db,
    sql`with p as (select ${k} as k),
        daily as (
          select e.day_end, e.left_stage, e.entered_stage, count(*) as n
            from ${eventsTable(view)} e
           where e.agenda_id = ${agendaId} ${sectorFilter('e', sectorId)} and e.at <= ${t}
           group by 1, 2, 3
        ),
        moved as (
          select least(p.k, greatest(0, ceil((d.day_end::float8 * 86400 - ${fromEpoch}) / ${step}))::int) as bucket,
                 d.left_stage, d.entered_stage, sum(d.n) as n
            from daily d, p group by 1, 2, 3
        ),
        summed as (
          select bucket, stage, sum(d) as d from (
            select bucket, entered_stage as stage, n as d from moved
            union all select bucket, left_stage, -n from moved where left_stage is not null
          ) deltas group by bucket, stage
        ),
        running as (
          select g.bucket, st.stage,
                 sum(coalesce(x.d, 0)) over (partition by st.stage order by g.bucket)::int as count
            from p, generate_series(0, p.k) as g(bucket)
           cross join unnest(enum_range(null::stage)) as st(stage)
            left join summed x on x.bucket = g.bucket and x.stage = st.stage
        )
        select bucket, stage, count from running where count <> 0 order by bucket, stage`,
  );
}

export interface SectorMoveCount {
  sectorId: string;
  forward: number;
  backward: number;
  forwardCommitments: number;
}

/**
 * Forward and backward moves per sector between `since` and `until`, as isForwardMove and
 * isBackwardMove define them (both stages in the pipeline; stalled and dropped are neither). Read
 * from stage_events (creations have no stage left and are not moves), index-only by agenda and time.
 */
export function recentMoves({ db, agendaId, sectorId, view, since, until }: Scope & { since: Date; until: Date }): Promise<SectorMoveCount[]> {
  return selectRows<SectorMoveCount>(
    db,
    sql`with moves as (
          select e.sector_id, e.commitment_id,
                 array_position(${PIPELINE}, e.entered_stage) > array_position(${PIPELINE}, e.left_stage) as fwd,
                 array_position(${PIPELINE}, e.entered_stage) < array_position(${PIPELINE}, e.left_stage) as bwd
            from ${eventsTable(view)} e
           where e.agenda_id = ${agendaId} ${sectorFilter('e', sectorId)} and e.left_stage is not null
             and e.at >= ${since.toISOString()}::timestamptz and e.at <= ${until.toISOString()}::timestamptz
        )
        select m.sector_id as "sectorId",
               count(*) filter (where m.fwd)::int as forward,
               count(*) filter (where m.bwd)::int as backward,
               count(distinct m.commitment_id) filter (where m.fwd)::int as "forwardCommitments"
          from moves m
         where m.fwd or m.bwd
         group by m.sector_id`,
  );
}

export interface LatestUpdate {
  id: string;
  commitmentId: string;
  reference: string;
  title: string;
  sequence: number;
  createdAt: Date;
  stageBefore: Stage;
  stageAfter: Stage;
  health: Health;
  authorName: string;
  isDemo: boolean;
}

/**
 * The newest updates. They can only belong to the `limit` commitments updated most recently
 * (commitments.last_update_at is the time of each one's latest update), so those few are looked
 * up first, then each one's newest updates by (commitment_id, sequence): bounded work at any size.
 */
export async function latestUpdates({ db, agendaId, sectorId, limit = 10 }: Scope & { limit?: number }): Promise<LatestUpdate[]> {
  const rows = await selectRows<LatestUpdate>(
    db,
    sql`with recent as (
          select c.id, c.reference, c.title
            from commitments c
           where c.agenda_id = ${agendaId} ${sectorFilter('c', sectorId)} and c.last_update_at is not null
           order by c.last_update_at desc
           limit ${limit}
        )
        select u.id, u.commitment_id as "commitmentId", r.reference, r.title, u.sequence, u.created_at as "createdAt",
               u.stage_before as "stageBefore", u.stage_after as "stageAfter", u.health, a.name as "authorName",
               u.is_demo as "isDemo"
          from recent r
          cross join lateral (
            select * from status_updates x where x.commitment_id = r.id order by x.sequence desc limit ${limit}
          ) u
          join users a on a.id = u.author_id
         order by u.created_at desc, u.sequence desc
         limit ${limit}`,
  );
  return rows.map((r) => ({ ...r, createdAt: toDate(r.createdAt)! }));
}

export interface ConfirmationFigures {
  awaiting: number;
  /** When the oldest update still awaiting the other side was posted; null when none awaits. */
  oldestAwaitingAt: Date | null;
  /** Updates disputed and not yet answered by a later update. */
  disputed: number;
}

/**
 * Updates awaiting the other side (with the oldest's time) and open disputes, in one statement: the
 * awaiting rows from their partial index, the disputes from the commitments' flag (at most one open
 * dispute each: only a commitment's latest claim can be unanswered) and its partial index.
 */
export async function confirmationFigures({ db, agendaId, sectorId }: Scope): Promise<ConfirmationFigures> {
  const [row] = await selectRows<{ awaiting: number; oldest: Date | string | null; disputed: number }>(
    db,
    sql`select a.awaiting, a.oldest,
               (select count(*)::int from commitments c where c.open_dispute and c.agenda_id = ${agendaId} ${sectorFilter('c', sectorId)}) as disputed
          from (select count(*)::int as awaiting, min(k.requested_at) as oldest
                  from update_confirmations k join commitments c on c.id = k.commitment_id
                 where k.decision is null and c.agenda_id = ${agendaId} ${sectorFilter('c', sectorId)}) a`,
  );
  return { awaiting: row?.awaiting ?? 0, oldestAwaitingAt: toDate(row?.oldest ?? null), disputed: row?.disputed ?? 0 };
}
