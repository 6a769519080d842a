import { type DatabaseHandle, openPglite, openPostgres } from '@/db/connect';
import { describeDatabaseError } from '@/db/errors';
import { pingDatabase } from '@/db/queries/database';
import { migrateDatabase } from '@/db/migrate';
import type { AppEnv } from '@/lib/env';
import { CliError } from './cli';

/** Opens the configured database for a script (one connection) and proves it answers. */
export async function openForScript(env: AppEnv): Promise<DatabaseHandle> {
  const target = { kind: env.databaseKind, url: env.databaseUrl, dataDir: env.pgliteDir };
  let handle: DatabaseHandle | undefined;
  try {
    handle = env.databaseKind === 'postgres' ? openPostgres(env.databaseUrl!, { max: 1 }) : await openPglite(env.pgliteDir);
    await pingDatabase({ db: handle.db });
    return handle;
  } catch (error) {
    await handle?.close().catch(() => {});
    throw new CliError(describeDatabaseError(error, target));
  }
}

export async function migrateForScript(handle: DatabaseHandle, env: AppEnv): Promise<void> {
  try {
    await migrateDatabase(handle);
  } catch (error) {
    throw new CliError(
      `Applying migrations failed: ${describeDatabaseError(error, { kind: env.databaseKind, url: env.databaseUrl, dataDir: env.pgliteDir })}`,
    );
  }
}
