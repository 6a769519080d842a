import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type { DatabaseHandle } from './connect';
import { selectRows } from './rows';

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

// Any fixed number: app instances starting together against one server take turns migrating.
const MIGRATION_LOCK_KEY = 716_204_2026;

/**
 * Applies pending migrations and says how many it applied (0 when another instance had applied
 * them first). On PostgreSQL the handle must hold a single connection (max: 1), since the advisory
 * lock belongs to a session.
 */
export async function migrateDatabase(handle: DatabaseHandle, migrationsFolder = MIGRATIONS_FOLDER): Promise<number> {
  if (handle.kind === 'pglite') {
    const before = await appliedCount(handle);
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
    return (await appliedCount(handle)) - before;
  }
  await handle.db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
  try {
    const before = await appliedCount(handle);
    await migratePostgres(handle.db as unknown as PostgresJsDatabase, { migrationsFolder });
    return (await appliedCount(handle)) - before;
  } finally {
    await handle.db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
  }
}

// drizzle's own record of applied migrations, absent before the first.
async function appliedCount(handle: DatabaseHandle): Promise<number> {
  const [table] = await selectRows<{ present: boolean }>(handle.db, sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`);
  if (!table?.present) return 0;
  const [row] = await selectRows<{ n: number }>(handle.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return Number(row?.n ?? 0);
}
