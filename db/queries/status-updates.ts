import 'server-only';
import { sql } from 'drizzle-orm';
import type { Health, Stage } from '@/lib/domain/stages';
import type { Database } from '../connect';
import { selectRows } from '../rows';
import { evidenceLinks, indicatorReadings, statusUpdates } from '../schema';

interface NewStatusUpdate {
  commitmentId: string;
  authorId: string;
  stageBefore: Stage;
  stageAfter: Stage;
  health: Health;
  party: 'a' | 'b' | null;
  narrative: string;
  nextStep: string;
  readings: readonly { indicatorId: string; value: number; asOf: string }[];
  /** Links, in the order given. */
  evidence: readonly string[];
}

/**
 * A status update with its indicator readings and evidence links, numbered next on its commitment;
 * returns its id and number. Call inside a transaction that holds the commitment's row.
 */
export async function insertStatusUpdate({ db, update }: { db: Database; update: NewStatusUpdate }): Promise<{ id: string; sequence: number }> {
  const { readings, evidence, ...row } = update;
  const next = sql<number>`(select coalesce(max(u.sequence), 0) + 1 from status_updates u where u.commitment_id = ${row.commitmentId})`;
  const [inserted] = await db.insert(statusUpdates).values({ ...row, sequence: next }).returning({ id: statusUpdates.id, sequence: statusUpdates.sequence });
  const statusUpdateId = inserted!.id;
  if (readings.length) {
    await db.insert(indicatorReadings).values(readings.map((reading) => ({ statusUpdateId, ...reading })));
  }
  if (evidence.length) {
    await db.insert(evidenceLinks).values(evidence.map((url, position) => ({ statusUpdateId, url, position })));
  }
  return inserted!;
}

/** The sequence number of the update with this id on this commitment; undefined when it is on another or none. */
export async function updateSequence({ db, updateId, commitmentId }: { db: Database; updateId: string; commitmentId: string }) {
  const [row] = await selectRows<{ sequence: number }>(
    db, sql`select sequence from status_updates where id = ${updateId} and commitment_id = ${commitmentId}`,
  );
  return row?.sequence;
}

/** A status update as the spreadsheet export writes it, with its readings and evidence folded into text. */
export interface UpdateExportRow {
  id: string;
  postedAt: string;
  commitment: string;
  sector: string;
  sequence: number;
  author: string;
  authorOrganisation: string | null;
  stageBefore: Stage;
  stageAfter: Stage;
  health: Health;
  narrative: string;
  nextStep: string;
  readings: string;
  evidence: string;
  isDemo: boolean;
}

export interface UpdateExportFilters {
  agenda: string;
  sector?: string;
  /** YYYY-MM-DD, inclusive, days at UTC. */
  from: string;
  to: string;
}

/**
 * The agenda's updates posted between two days (UTC, both included), oldest first, a slice at a time:
 * each slice starts after the last one's (posted at, id), so the millionth row costs what the first did.
 */
export async function listUpdatesForExport({ db, filters, after, limit }: {
  db: Database; filters: UpdateExportFilters; after?: { postedAt: string; id: string }; limit: number;
}) {
  const from = sql`(${filters.from}::date)::timestamp at time zone 'UTC'`;
  const to = sql`((${filters.to}::date + 1)::timestamp at time zone 'UTC')`;
  const afterClause = after ? sql`and (u.created_at, u.id) > (${after.postedAt}::timestamptz, ${after.id}::uuid)` : sql``;
  return selectRows<UpdateExportRow>(
    db,
    sql`select u.id, to_char(u.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "postedAt",
               c.reference as commitment, s.slug as sector, u.sequence, au.name as author, ao.name as "authorOrganisation",
               u.stage_before as "stageBefore", u.stage_after as "stageAfter", u.health, u.narrative, u.next_step as "nextStep",
               coalesce((select string_agg(i.name || ': ' || r.value::text || ' ' || i.unit || ' (' || r.as_of::text || ')', '; ' order by i.position, i.name)
                           from indicator_readings r join indicators i on i.id = r.indicator_id where r.status_update_id = u.id), '') as readings,
               coalesce((select string_agg(e.url, ' ' order by e.position) from evidence_links e where e.status_update_id = u.id), '') as evidence,
               u.is_demo as "isDemo"
          from status_updates u
          join commitments c on c.id = u.commitment_id
          join agendas a on a.id = c.agenda_id
          join sectors s on s.id = c.sector_id
          join users au on au.id = u.author_id
          left join organisations ao on ao.id = au.organisation_id
         where a.slug = ${filters.agenda} and u.created_at >= ${from} and u.created_at < ${to}
           ${filters.sector ? sql`and s.slug = ${filters.sector}` : sql``} ${afterClause}
         order by u.created_at, u.id
         limit ${limit}`,
  );
}
