import 'server-only';
import { asc, inArray } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import type { Database } from '@/db/connect';
import { jobOutbox } from '@/db/schema';
import { RETRY } from './queues';

/**
 * Moves committed outbox rows into the job queue. Each job takes its outbox row's id, and pg-boss
 * inserts with ON CONFLICT DO NOTHING: a drain cut off between the send and the delete, or two
 * instances draining the same rows, make the same job again, which is not inserted twice. So a job
 * exists exactly once for every committed change, and never for a rolled-back one (its row never
 * committed). Returns how many rows it moved.
 */
export async function drainOutbox(db: Database, boss: PgBoss, limit = 200): Promise<number> {
  const rows = await db.select().from(jobOutbox).orderBy(asc(jobOutbox.createdAt)).limit(limit);
  for (const row of rows) {
    await boss.send(row.queue, row.data, { id: row.id, ...RETRY, expireInSeconds: 120 });
  }
  if (rows.length) await db.delete(jobOutbox).where(inArray(jobOutbox.id, rows.map((r) => r.id)));
  return rows.length;
}
