import type { Logger } from 'pino';
import { getDatabase } from '@/db/client';
import type { DatabaseHandle } from '@/db/connect';
import { describeDatabaseError } from '@/db/errors';
import { migrateDatabase } from '@/db/migrate';
import { pingDatabase } from '@/db/queries/database';
import { isDatabaseEmpty, seedDemoData } from '@/db/seed';
import type { AppEnv } from '@/lib/env';
import { CliError } from '../scripts/lib/cli';
import { openForScript } from '../scripts/lib/database';

/**
 * Brings the database up to date before the app serves. The embedded database is opened once, as
 * the app's own client, and migrated and seeded through it; on PostgreSQL a single connection
 * takes the advisory lock, so of several instances starting together one migrates and the others
 * find the work done.
 */
export async function prepareDatabase(env: AppEnv, logger: Logger): Promise<void> {
  const target = { kind: env.databaseKind, url: env.databaseUrl, dataDir: env.pgliteDir };
  let handle: DatabaseHandle;
  if (env.databaseKind === 'pglite') {
    try {
      handle = await getDatabase();
      await pingDatabase({ db: handle.db });
    } catch (error) {
      throw new CliError(describeDatabaseError(error, target));
    }
  } else {
    handle = await openForScript(env);
  }
  try {
    const applied = await migrateDatabase(handle).catch((error: unknown) => {
      throw new CliError(`Applying migrations failed: ${describeDatabaseError(error, target)}`);
    });
    logger.info({ applied, database: env.databaseKind }, applied > 0 ? `Applied ${applied} migrations` : 'Database schema up to date');
    if (env.databaseKind === 'pglite' && (await isDatabaseEmpty(handle.db))) {
      logger.info('Empty embedded database: loading the Islamabad agenda and the demo accounts');
      logger.info({ seeded: await seedDemoData(handle.db) }, 'Demo data seeded');
    }
  } finally {
    // The embedded handle is the app's: it stays open until shutdown.
    if (env.databaseKind === 'postgres') await handle.close();
  }
}
