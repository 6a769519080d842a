import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import type { CommitmentFilters } from '@/lib/domain/commitment-filters';
import { AWAITING_COUNT_SQL, confirmationFilterSql, OPEN_DISPUTE_SQL } from './confirmation-state';
import { overdueSql, staleSql } from './freshness';
import type { Health, Stage } from '@/lib/domain/stages';
import type { Database } from '../connect';
import { selectRows } from '../rows';

export interface CommitmentRow {
  id: string;
  agendaId: string;
  agendaSlug: string;
  reference: string;
  title: string;
  description: string;
  sourcePassage: string;
  sectorId: string;
  sectorSlug: string;
  sectorName: string;
  leadOrgAId: string;
  leadOrgAName: string;
  leadOrgACountry: string;
  leadOrgBId: string;
  leadOrgBName: string;
  leadOrgBCountry: string;
  dueDate: string | null;
  stage: Stage;
  health: Health;
  version: number;
  lastUpdateAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  overdue: boolean;
  stale: boolean;
  /** The stage and health of the latest update the other side confirmed (else intent, on track). */
  confirmedStage: Stage;
  confirmedHealth: Health;
  /** How many of its updates await the other side's decision. */
  awaitingConfirmation: number;
  /** Whether its latest claim was disputed and no later update has answered it. */
  disputed: boolean;
}

// Overdue and stale are derived with the rules of lib/domain/freshness.ts (db/queries/freshness.ts).
const OVERDUE = overdueSql();
const STALE = staleSql();

const SELECT = sql`
  select c.id, c.agenda_id as "agendaId", a.slug as "agendaSlug", c.reference, c.title, c.description,
         c.source_passage as "sourcePassage", c.sector_id as "sectorId", s.slug as "sectorSlug", s.name as "sectorName",
         c.lead_org_a_id as "leadOrgAId", oa.name as "leadOrgAName", oa.country as "leadOrgACountry",
         c.lead_org_b_id as "leadOrgBId", ob.name as "leadOrgBName", ob.country as "leadOrgBCountry",
         c.due_date::text as "dueDate", c.stage, c.health, c.version, c.last_update_at as "lastUpdateAt",
         c.created_at as "createdAt", c.updated_at as "updatedAt", ${OVERDUE} as overdue, ${STALE} as stale,
         c.confirmed_stage as "confirmedStage", c.confirmed_health as "confirmedHealth",
         ${AWAITING_COUNT_SQL} as "awaitingConfirmation", ${OPEN_DISPUTE_SQL} as disputed
    from commitments c
    join agendas a on a.id = c.agenda_id
    join sectors s on s.id = c.sector_id
    join organisations oa on oa.id = c.lead_org_a_id
    join organisations ob on ob.id = c.lead_org_b_id`;

const SORT_SQL: Record<CommitmentFilters['sort'], SQL> = {
  due: sql`c.due_date`,
  updated: sql`coalesce(c.last_update_at, c.created_at)`,
  stage: sql`c.stage`,
  title: sql`lower(c.title)`,
  reference: sql`c.reference`,
};

function whereClause(filters: CommitmentFilters): SQL {
  const conditions: SQL[] = [sql`true`];
  if (filters.agenda) conditions.push(sql`a.slug = ${filters.agenda}`);
  if (filters.sector) conditions.push(sql`s.slug = ${filters.sector}`);
  // As of the end of a day: what existed then, in the stage it was in then (the movement chart's
  // arithmetic: the latest stage event by that instant, from stage_events).
  const end = filters.asOf ? sql`((${filters.asOf}::date + 1)::timestamp at time zone 'UTC')` : undefined;
  const confirmed = filters.view === 'confirmed';
  const events = confirmed ? sql`confirmed_stage_events` : sql`stage_events`;
  const stage = end
    ? sql`(select e.entered_stage from ${events} e where e.commitment_id = c.id and e.at <= ${end} order by e.sequence desc limit 1)`
    : confirmed ? sql`c.confirmed_stage` : sql`c.stage`;
  const health = confirmed ? sql`c.confirmed_health` : sql`c.health`;
  if (end) conditions.push(sql`c.created_at <= ${end}`);
  if (filters.stage.length) conditions.push(sql`${stage}::text in (${sql.join(filters.stage.map((x) => sql`${x}`), sql`, `)})`);
  if (filters.health.length) conditions.push(sql`${health}::text in (${sql.join(filters.health.map((x) => sql`${x}`), sql`, `)})`);
  if (filters.organisation) {
    conditions.push(sql`(c.lead_org_a_id = ${filters.organisation} or c.lead_org_b_id = ${filters.organisation})`);
  }
  if (filters.overdue) conditions.push(confirmed ? overdueSql(undefined, sql`c.confirmed_stage`) : OVERDUE);
  if (filters.confirmation) conditions.push(confirmationFilterSql(filters.confirmation));
  if (filters.stale) conditions.push(STALE);
  if (filters.q) {
    const pattern = `%${filters.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    conditions.push(sql`(c.title ilike ${pattern} or c.description ilike ${pattern} or c.source_passage ilike ${pattern} or c.reference ilike ${pattern})`);
  }
  return sql.join(conditions, sql` and `);
}

export async function listCommitments({ db, filters }: { db: Database; filters: CommitmentFilters }) {
  const where = whereClause(filters);
  const direction = filters.order === 'desc' ? sql`desc` : sql`asc`;
  const offset = (filters.page - 1) * filters.pageSize;
  const [items, [count]] = await Promise.all([
    selectRows<CommitmentRow>(
      db,
      sql`${SELECT} where ${where}
          order by ${SORT_SQL[filters.sort]} ${direction} nulls last, c.reference asc, c.id asc
          limit ${filters.pageSize} offset ${offset}`,
    ),
    selectRows<{ total: number }>(
      db,
      sql`select count(*)::int as total from commitments c join agendas a on a.id = c.agenda_id join sectors s on s.id = c.sector_id where ${where}`,
    ),
  ]);
  return { items, total: count?.total ?? 0 };
}

export async function getCommitmentRow({ db, id, forUpdate = false }: { db: Database; id: string; forUpdate?: boolean }) {
  const [row] = await selectRows<CommitmentRow>(db, sql`${SELECT} where c.id = ${id} ${forUpdate ? sql`for update of c` : sql``}`);
  return row;
}

/** A commitment as the spreadsheet export writes it: its own fields, names for its references, times in UTC. */
export interface CommitmentExportRow {
  reference: string;
  version: number;
  agenda: string;
  sector: string;
  title: string;
  description: string;
  sourcePassage: string;
  leadOrgA: string;
  leadOrgB: string;
  dueDate: string | null;
  stage: Stage;
  health: Health;
  overdue: boolean;
  stale: boolean;
  lastUpdateAt: string | null;
  updatedAt: string;
}

const UTC_SECONDS = `'YYYY-MM-DD"T"HH24:MI:SS"Z"'`;

/**
 * One slice of the filtered list, in the list's order, for an export that reads the whole list a
 * slice at a time (memory stays flat however long the list is).
 */
export async function listCommitmentsForExport({ db, filters, limit, offset }: { db: Database; filters: CommitmentFilters; limit: number; offset: number }) {
  const direction = filters.order === 'desc' ? sql`desc` : sql`asc`;
  return selectRows<CommitmentExportRow>(
    db,
    sql`select c.reference, c.version, a.slug as agenda, s.slug as sector, c.title, c.description,
               c.source_passage as "sourcePassage", oa.name as "leadOrgA", ob.name as "leadOrgB",
               c.due_date::text as "dueDate", c.stage, c.health, ${OVERDUE} as overdue, ${STALE} as stale,
               to_char(c.last_update_at at time zone 'UTC', ${sql.raw(UTC_SECONDS)}) as "lastUpdateAt",
               to_char(c.updated_at at time zone 'UTC', ${sql.raw(UTC_SECONDS)}) as "updatedAt"
          from commitments c
          join agendas a on a.id = c.agenda_id
          join sectors s on s.id = c.sector_id
          join organisations oa on oa.id = c.lead_org_a_id
          join organisations ob on ob.id = c.lead_org_b_id
         where ${whereClause(filters)}
         order by ${SORT_SQL[filters.sort]} ${direction} nulls last, c.reference asc, c.id asc
         limit ${limit} offset ${offset}`,
  );
}
