import 'server-only';
import type { Database } from '../connect';
import { figuresRevision } from '../schema';

/**
 * The dashboard's data revision: raised at the commit of every transaction that changed what the
 * dashboard shows (migration 0013), so a figure computed after reading revision r reflects at least
 * every write acknowledged before r was read.
 */
export async function readFiguresRevision({ db }: { db: Database }): Promise<number> {
  const [row] = await db.select({ revision: figuresRevision.revision }).from(figuresRevision).limit(1);
  return row?.revision ?? 0;
}
