import 'server-only';
import { sql } from 'drizzle-orm';
import type { Database } from '../connect';
import { selectRows } from '../rows';

// Questions to the database itself rather than to a table.

/** Answers when the database does; throws its error when it does not. */
export async function pingDatabase({ db }: { db: Database }): Promise<void> {
  await db.execute(sql`select 1`);
}

/** Today's date at UTC by the database's clock (the clock every timestamp it stores comes from), YYYY-MM-DD. */
export async function databaseToday({ db }: { db: Database }): Promise<string> {
  const [row] = await selectRows<{ today: string }>(db, sql`select ((now() at time zone 'UTC')::date)::text as today`);
  return row!.today;
}

/** How many tables the database holds outside PostgreSQL's own catalogues: 0 for an empty database. */
export async function countUserTables({ db }: { db: Database }): Promise<number> {
  const [row] = await selectRows<{ tables: number }>(
    db,
    sql`select count(*)::int as tables from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')`,
  );
  return row!.tables;
}
