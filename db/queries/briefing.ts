import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import type { BriefingHeadline } from '@/lib/domain/briefing';
import { STALE_AFTER_DAYS } from '@/lib/domain/freshness';
import { type Direction, type Health, PIPELINE_STAGES, type Stage } from '@/lib/domain/stages';
import type { Database } from '../connect';
import { selectRows } from '../rows';

// The briefing's figures "as at" the end of two days, in SQL, with the list's asOf arithmetic: a
// commitment exists from its created_at, its stage is the latest stage_events row by that instant,
// its health, narrative and next step those of its latest update by then. No authorisation here:
// callers go through lib/server/briefing.ts.

export interface BriefingScope {
  db: Database;
  agendaId: string;
  sectorId?: string;
  /** YYYY-MM-DD, both included: figures "then" are at the end of `from`, "now" at the end of `to`. */
  from: string;
  to: string;
}

const endOf = (day: string) => sql`((${day}::date + 1)::timestamp at time zone 'UTC')`;
const PIPELINE = sql.raw(`array[${PIPELINE_STAGES.map((s) => `'${s}'`).join(', ')}]::stage[]`);
const STALE_HOURS = STALE_AFTER_DAYS * 24;

/** One row per commitment of the scope that existed at the end of `to`, with its state then and now. */
function asAt({ agendaId, sectorId, from, to }: Omit<BriefingScope, 'db'>): SQL {
  const F = endOf(from);
  const T = endOf(to);
  return sql`sc as (
    select c.id, c.reference, c.title, c.sector_id, c.due_date, c.created_at, c.lead_org_a_id, c.lead_org_b_id,
           (select e.entered_stage from stage_events e where e.commitment_id = c.id and e.at <= ${F} order by e.sequence desc limit 1) as stage_then,
           (select e.entered_stage from stage_events e where e.commitment_id = c.id and e.at <= ${T} order by e.sequence desc limit 1) as stage_now,
           case when c.created_at <= ${F} then coalesce(lt.health, 'on_track') end as health_then,
           coalesce(lu.health, 'on_track') as health_now,
           lu.created_at as last_update_at, coalesce(lu.narrative, '') as narrative, coalesce(lu.next_step, '') as next_step,
           coalesce(lu.is_demo, false) as demo,
           exists (select 1 from status_updates p where p.commitment_id = c.id and p.created_at > ${F} and p.created_at <= ${T}) as updated_in_period
      from commitments c
      left join lateral (select u.health, u.created_at, u.narrative, u.next_step, u.is_demo from status_updates u
                          where u.commitment_id = c.id and u.created_at <= ${T} order by u.sequence desc limit 1) lu on true
      left join lateral (select u.health from status_updates u
                          where u.commitment_id = c.id and u.created_at <= ${F} order by u.sequence desc limit 1) lt on true
     where c.agenda_id = ${agendaId} ${sectorId ? sql`and c.sector_id = ${sectorId}` : sql``} and c.created_at <= ${T}
  ),
  st as (
    select sc.*,
           (sc.due_date < ${to}::date and sc.stage_now not in ('achieved', 'dropped')) as overdue,
           (coalesce(sc.last_update_at, sc.created_at) <= ${T} - make_interval(hours => ${STALE_HOURS}) and sc.stage_now not in ('achieved', 'dropped')) as stale,
           -- A commitment made in the period moved from intent, where every commitment starts.
           coalesce(array_position(${PIPELINE}, sc.stage_now) > array_position(${PIPELINE}, coalesce(sc.stage_then, 'intent')), false) as forward,
           coalesce(array_position(${PIPELINE}, sc.stage_now) < array_position(${PIPELINE}, coalesce(sc.stage_then, 'intent')), false) as back
      from sc
  ),
  flagged as (
    select st.*,
           (st.stage_then is distinct from st.stage_now or st.health_then is distinct from st.health_now or st.updated_in_period) as changed,
           (st.stage_now not in ('achieved', 'dropped') and (st.stage_now = 'stalled' or st.health_now = 'off_track' or st.overdue or st.stale)) as stuck,
           (st.stage_now not in ('achieved', 'dropped') and st.health_now in ('at_risk', 'off_track') and btrim(st.next_step) <> '') as decision
      from st
  )`;
}


/** The headline in one statement. Moved forward or back: its stage now against its stage then (intent if made since), in the pipeline's order. */
export async function briefingHeadline({ db, ...scope }: BriefingScope): Promise<BriefingHeadline> {
  const [row] = await selectRows<BriefingHeadline>(
    db,
    sql`with ${asAt(scope)}
        select count(*)::int as commitments,
               count(*) filter (where stage_then is not null)::int as "commitmentsThen",
               count(*) filter (where stage_then is null)::int as created,
               count(*) filter (where forward)::int as "movedForward",
               count(*) filter (where back)::int as "movedBack",
               count(*) filter (where stage_then in ('measurable', 'achieved'))::int as "measurableThen",
               count(*) filter (where stage_now in ('measurable', 'achieved'))::int as "measurableNow",
               count(*) filter (where overdue)::int as overdue,
               count(*) filter (where stale)::int as stale
          from st`,
  );
  return row!;
}

/** Commitments per sector and stage at the end of `to` (the pipeline chart as at then). */
export function briefingStageCounts({ db, ...scope }: BriefingScope): Promise<{ sectorId: string; stage: Stage; count: number }[]> {
  return selectRows(
    db,
    sql`with ${asAt(scope)} select sector_id as "sectorId", stage_now as stage, count(*)::int as count from sc group by 1, 2`,
  );
}

export interface BriefingCommitmentRow {
  id: string;
  reference: string;
  title: string;
  sectorId: string;
  stageThen: Stage | null;
  stageNow: Stage;
  healthThen: Health | null;
  healthNow: Health;
  overdue: boolean;
  stale: boolean;
  dueDate: string | null;
  leadA: string;
  leadB: string;
  lastUpdateAt: Date | string | null;
  narrative: string;
  nextStep: string;
  demo: boolean;
  changed: boolean;
  stuck: boolean;
  decision: boolean;
}

/** The commitments the briefing lists: changed in the period, stuck, or needing a decision, in reference order. */
export function briefingCommitments({ db, ...scope }: BriefingScope): Promise<BriefingCommitmentRow[]> {
  return selectRows(
    db,
    sql`with ${asAt(scope)}
        select f.id, f.reference, f.title, f.sector_id as "sectorId", f.stage_then as "stageThen", f.stage_now as "stageNow",
               f.health_then as "healthThen", f.health_now as "healthNow", f.overdue, f.stale, f.due_date::text as "dueDate",
               oa.name as "leadA", ob.name as "leadB", f.last_update_at as "lastUpdateAt", f.narrative, f.next_step as "nextStep",
               f.demo, f.changed, f.stuck, f.decision
          from flagged f
          join organisations oa on oa.id = f.lead_org_a_id
          join organisations ob on ob.id = f.lead_org_b_id
         where f.changed or f.stuck or f.decision
         order by f.reference, f.id`,
  );
}

export interface BriefingReadingRow {
  commitmentId: string;
  indicator: string;
  unit: string;
  direction: Direction;
  baseline: number;
  target: number;
  valueThen: number | null;
  asOfThen: string | null;
  valueNow: number | null;
  asOfNow: string | null;
}

/**
 * Each indicator of the changed commitments with its latest reading then and now: a reading counts
 * at a day's end when its update was posted by then and it is dated no later than that day.
 */
export function briefingReadings({ db, ...scope }: BriefingScope): Promise<BriefingReadingRow[]> {
  const reading = (day: string, column: 'value' | 'as_of') =>
    sql`(select r.${sql.raw(column)}${column === 'as_of' ? sql`::text` : sql``} from indicator_readings r join status_updates u on u.id = r.status_update_id
          where r.indicator_id = i.id and u.created_at <= ${endOf(day)} and r.as_of <= ${day}::date
          order by r.as_of desc, u.sequence desc limit 1)`;
  return selectRows(
    db,
    sql`with ${asAt(scope)}
        select i.commitment_id as "commitmentId", i.name as indicator, i.unit, i.direction,
               i.baseline_value as baseline, i.target_value as target,
               ${reading(scope.from, 'value')} as "valueThen", ${reading(scope.from, 'as_of')} as "asOfThen",
               ${reading(scope.to, 'value')} as "valueNow", ${reading(scope.to, 'as_of')} as "asOfNow"
          from indicators i
         where i.commitment_id in (select id from flagged where changed)
         order by i.commitment_id, i.position, i.name`,
  );
}

/** The evidence links posted in the period, per commitment, oldest first. */
export function briefingEvidence({ db, ...scope }: BriefingScope): Promise<{ commitmentId: string; url: string }[]> {
  return selectRows(
    db,
    sql`with ${asAt(scope)}
        select u.commitment_id as "commitmentId", e.url
          from evidence_links e join status_updates u on u.id = e.status_update_id
         where u.commitment_id in (select id from sc)
           and u.created_at > ${endOf(scope.from)} and u.created_at <= ${endOf(scope.to)}
         order by u.commitment_id, u.sequence, e.position`,
  );
}

export interface BriefingThreadRow {
  id: string;
  commitmentId: string;
  reference: string;
  title: string;
  author: string;
  body: string;
  createdAt: Date | string;
  demo: boolean;
  /** How many threads were open in all, the ones not returned included. */
  open: number;
}

/**
 * Comment threads open at the end of `to` (started by then, and not resolved by then), the `limit`
 * most recently started, each row with the count of all of them.
 */
export function briefingOpenThreads({ db, agendaId, sectorId, to }: BriefingScope, limit: number): Promise<BriefingThreadRow[]> {
  const T = endOf(to);
  return selectRows(
    db,
    sql`select m.id, m.commitment_id as "commitmentId", c.reference, c.title, a.name as author, m.body, m.created_at as "createdAt", m.is_demo as demo,
               (count(*) over ())::int as open
          from comments m
          join commitments c on c.id = m.commitment_id
          join users a on a.id = m.author_id
         where c.agenda_id = ${agendaId} ${sectorId ? sql`and c.sector_id = ${sectorId}` : sql``}
           and m.parent_id is null and m.created_at <= ${T} and (m.resolved_at is null or m.resolved_at > ${T})
         order by m.created_at desc, m.id
         limit ${limit}`,
  );
}
