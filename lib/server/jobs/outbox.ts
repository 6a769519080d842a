import 'server-only';
import { asc, inArray } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import type { Database } from '@/db/connect';
import { jobOutbox } from '@/db/schema';
import { RETRY } from './queues';

/**
 * Moves committed outbox rows into the job queue. Each job takes the id of its (first) outbox row
 * and pg-boss inserts with ON CONFLICT DO NOTHING: a drain cut off between the send and the delete,
 * or two instances draining the same rows, make the same job again, which is not inserted twice. So
 * a job exists once for every committed change and never for a rolled-back one (its row never
 * committed). Rows of one batch asking the same thing (a burst of updates for one person's e-mail
 * about one commitment) become one job. Returns how many rows it moved.
 */
export async function drainOutbox(db: Database, boss: PgBoss, limit = 500): Promise<number> {
  const rows = await db.select().from(jobOutbox).orderBy(asc(jobOutbox.createdAt), asc(jobOutbox.id)).limit(limit);
  const groups = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const key = `${row.queue}:${JSON.stringify(row.data)}`;
    if (!groups.has(key)) groups.set(key, row);
  }
  for (const row of groups.values()) {
    const notBefore = typeof row.data.notBefore === 'string' ? new Date(row.data.notBefore) : undefined;
    await boss.send(row.queue, row.data, { id: row.id, ...RETRY, expireInSeconds: 120, ...(notBefore ? { startAfter: notBefore } : {}) });
  }
  if (rows.length) await db.delete(jobOutbox).where(inArray(jobOutbox.id, rows.map((r) => r.id)));
  return rows.length;
}
