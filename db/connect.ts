import 'server-only';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import * as schema from './schema';

type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  kind: DatabaseKind;
  db: Database;
  close(): Promise<void>;
  /** The embedded database only: its data folder as a gzipped tar, taken between two statements. */
  dumpDataDir?(): Promise<Blob>;
  /** PostgreSQL only, when known: the address it was opened with, for pg_dump and the job queue. */
  url?: string;
  /** The embedded database only: its client, which the job queue shares. */
  pglite?: PGlite;
}

export function wrapPglite(client: PGlite): DatabaseHandle {
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  return { kind: 'pglite', db, close: () => client.close(), dumpDataDir: () => client.dumpDataDir('gzip'), pglite: client };
}

export function wrapPostgres(client: postgres.Sql, url?: string): DatabaseHandle {
  const db = drizzlePostgres({ client, schema }) as unknown as Database;
  return { kind: 'postgres', db, close: () => client.end({ timeout: 5 }), url };
}

export function openPostgres(url: string, options: { max?: number } = {}): DatabaseHandle {
  const client = postgres(url, {
    max: options.max ?? 10,
    connect_timeout: 10,
    idle_timeout: 30,
    onnotice: () => {},
  });
  return wrapPostgres(client, url);
}

export async function openPglite(dataDir: string | undefined): Promise<DatabaseHandle> {
  const client = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  return wrapPglite(client);
}
