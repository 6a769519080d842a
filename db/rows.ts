import 'server-only';
import type { SQL } from 'drizzle-orm';
import type { Database } from './connect';

/** Runs raw SQL and returns its rows, whichever driver is underneath (postgres.js: an array; PGlite: { rows }). */
export async function selectRows<T>(db: Database, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
}
