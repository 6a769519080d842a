import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Health, Stage } from '@/lib/domain/stages';
import type { Database } from '../connect';
import { selectRows } from '../rows';
import { commitments, indicators } from '../schema';

interface CommitmentReferences {
  partyA: string;
  partyB: string;
  /** The sector with the slug asked for; null when there is none. */
  sectorId: string | null;
  /** Whether the agenda, or the sector asked for, is archived: no new commitment may join it. */
  agendaArchived: boolean;
  sectorArchived: boolean;
  /** The countries of the organisations asked for as leads; null when there is no such organisation. */
  leadACountry: string | null;
  leadBCountry: string | null;
}

/** The agenda's two parties and what the other identifiers name, in one statement; undefined when the agenda does not exist. */
export async function findCommitmentReferences({
  db, agendaId, sector, leadOrgAId, leadOrgBId,
}: { db: Database; agendaId: string; sector?: string; leadOrgAId?: string; leadOrgBId?: string }): Promise<CommitmentReferences | undefined> {
  const [row] = await selectRows<CommitmentReferences>(
    db,
    sql`select a.party_a as "partyA", a.party_b as "partyB", a.archived_at is not null as "agendaArchived",
               (select id from sectors where slug = ${sector ?? ''}) as "sectorId",
               coalesce((select archived_at is not null from sectors where slug = ${sector ?? ''}), false) as "sectorArchived",
               (select country from organisations where id = ${leadOrgAId ?? null}::uuid) as "leadACountry",
               (select country from organisations where id = ${leadOrgBId ?? null}::uuid) as "leadBCountry"
          from agendas a where a.id = ${agendaId}`,
  );
  return row;
}

/**
 * The agenda's usual reference pattern ("ISB-07": letters, a dash, a number): the prefix most of its
 * references share and the highest number used with it. Undefined when no reference follows it.
 */
export async function findReferenceSeries({ db, agendaId }: { db: Database; agendaId: string }) {
  const [row] = await selectRows<{ prefix: string; highest: number }>(
    db,
    sql`select substring(reference from '^([A-Za-z]+)-') as prefix, max(substring(reference from '-(\\d+)$')::int) as highest
          from commitments where agenda_id = ${agendaId} and reference ~ '^[A-Za-z]+-\\d+$'
         group by 1 order by count(*) desc limit 1`,
  );
  return row;
}

/** The commitment of the agenda that already uses `reference`, as a list of at most one. */
export function findCommitmentsWithReference({ db, agendaId, reference }: { db: Database; agendaId: string; reference: string }) {
  return db
    .select({ id: commitments.id })
    .from(commitments)
    .where(and(eq(commitments.agendaId, agendaId), eq(commitments.reference, reference)))
    .limit(1);
}

type NewCommitmentRow = Omit<typeof commitments.$inferInsert, 'id' | 'stage' | 'health' | 'version' | 'lastUpdateAt' | 'createdAt' | 'updatedAt'>;
type NewIndicator = Omit<typeof indicators.$inferInsert, 'id' | 'commitmentId' | 'position' | 'isDemo' | 'createdAt' | 'updatedAt'>;

/** A new commitment and its indicators (in the order given); returns its id. Call inside a transaction. */
export async function insertCommitment({
  db, commitment, indicators: indicatorList,
}: { db: Database; commitment: NewCommitmentRow; indicators: readonly NewIndicator[] }): Promise<string> {
  const [created] = await db.insert(commitments).values(commitment).returning({ id: commitments.id });
  const commitmentId = created!.id;
  if (indicatorList.length) {
    await db.insert(indicators).values(indicatorList.map((indicator, position) => ({ ...indicator, commitmentId, position })));
  }
  return commitmentId;
}

/** The fields an edit may change, typed from the table so they cannot drift from its columns. */
export type CommitmentChanges = Partial<
  Pick<typeof commitments.$inferInsert, 'title' | 'description' | 'sourcePassage' | 'dueDate' | 'leadOrgAId' | 'leadOrgBId' | 'sectorId'>
>;

/**
 * Applies `changes` and raises the version, only if the row is still at `version` (optimistic
 * concurrency). Returns whether it was; false means someone saved in between, or no such row.
 */
export async function updateCommitmentFields({
  db, id, version, changes,
}: { db: Database; id: string; version: number; changes: CommitmentChanges }): Promise<boolean> {
  const updated = await db
    .update(commitments)
    .set({ ...changes, version: sql`${commitments.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(commitments.id, id), eq(commitments.version, version)))
    .returning({ id: commitments.id });
  return updated.length > 0;
}

/**
 * The commitment's current stage and health after a status update. now() is the transaction's
 * start, the same instant the update row took as its created_at.
 */
export async function updateCommitmentStage({ db, id, stage, health, answersDispute = false }: {
  db: Database; id: string; stage: Stage; health: Health;
  /** The update claims a change the other side must confirm, which closes an open dispute. */
  answersDispute?: boolean;
}): Promise<void> {
  await db
    .update(commitments)
    .set({ stage, health, lastUpdateAt: sql`now()`, updatedAt: sql`now()`, ...(answersDispute ? { openDispute: false } : {}) })
    .where(eq(commitments.id, id));
}
