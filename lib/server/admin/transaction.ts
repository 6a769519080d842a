import 'server-only';
import type { Database } from '@/db/connect';
import { asAppError } from '../errors';

/** Runs an administrative change in one transaction; a refusal of the database's comes out as an AppError (a 4xx). */
export async function adminTransaction<T>(db: Database, work: (tx: Database) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(work);
  } catch (error) {
    throw asAppError(error) ?? error;
  }
}
