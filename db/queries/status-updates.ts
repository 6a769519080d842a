import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Health, Stage } from '@/lib/domain/stages';
import type { Database } from '../connect';
import { selectRows } from '../rows';
import { evidenceLinks, indicatorReadings, statusUpdates } from '../schema';

/** The sequence number the commitment's next update takes (1 for the first). Meant for a writer holding the commitment's row lock. */
export async function nextUpdateSequence({ db, commitmentId }: { db: Database; commitmentId: string }): Promise<number> {
  const [row] = await selectRows<{ next: number }>(
    db,
    sql`select coalesce(max(sequence), 0)::int + 1 as next from status_updates where commitment_id = ${commitmentId}`,
  );
  return row!.next;
}

interface NewStatusUpdate {
  commitmentId: string;
  sequence: number;
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

/** A status update with its indicator readings and evidence links; returns its id. Call inside a transaction. */
export async function insertStatusUpdate({ db, update }: { db: Database; update: NewStatusUpdate }): Promise<string> {
  const { readings, evidence, ...row } = update;
  const [inserted] = await db.insert(statusUpdates).values(row).returning({ id: statusUpdates.id });
  const statusUpdateId = inserted!.id;
  if (readings.length) {
    await db.insert(indicatorReadings).values(readings.map((reading) => ({ statusUpdateId, ...reading })));
  }
  if (evidence.length) {
    await db.insert(evidenceLinks).values(evidence.map((url, position) => ({ statusUpdateId, url, position })));
  }
  return statusUpdateId;
}

/** The update with this id on this commitment, as a list of at most one (empty when it is on another or none). */
export function findUpdatesOnCommitment({ db, updateId, commitmentId }: { db: Database; updateId: string; commitmentId: string }) {
  return db
    .select({ id: statusUpdates.id })
    .from(statusUpdates)
    .where(and(eq(statusUpdates.id, updateId), eq(statusUpdates.commitmentId, commitmentId)));
}
