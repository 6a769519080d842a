import 'server-only';
import { readEnv } from '@/lib/env';
import { type DatabaseHandle, openPglite, openPostgres } from './connect';

// One client per process, opened at first use (never at build time, never at import).
// Kept on globalThis so that Next's dev reloads reuse it instead of opening a second PGlite on the same folder.
const holder = globalThis as typeof globalThis & { __agendaDb?: Promise<DatabaseHandle> };

export function getDatabase(): Promise<DatabaseHandle> {
  if (!holder.__agendaDb) {
    const env = readEnv();
    holder.__agendaDb =
      env.databaseKind === 'postgres'
        ? Promise.resolve(openPostgres(env.databaseUrl!))
        : openPglite(env.pgliteDir);
    // A failed open must not poison the process: the next request tries again.
    holder.__agendaDb.catch(() => {
      holder.__agendaDb = undefined;
    });
  }
  return holder.__agendaDb;
}

export async function getDb() {
  return (await getDatabase()).db;
}

/** Closes the process's client if it was opened: the last step of the server's shutdown. */
export async function closeDatabase(): Promise<void> {
  const opened = holder.__agendaDb;
  holder.__agendaDb = undefined;
  if (opened) await (await opened.catch(() => undefined))?.close();
}
