import { SeedRefusedError, seedDemoData } from '@/db/seed';
import { readEnv } from '@/lib/env';
import { CliError, formatSummary, info, run } from './lib/cli';
import { acquireDataDirLock } from './lib/data-dir';
import { migrateForScript, openForScript } from './lib/database';

// `npm run db:seed`: the demo data, on request, into an empty database only.
run(async () => {
  const env = readEnv();
  const release = env.databaseKind === 'pglite' ? acquireDataDirLock(env.dataDir) : () => {};
  const handle = await openForScript(env);
  try {
    await migrateForScript(handle, env);
    const summary = await seedDemoData(handle.db);
    info(`Demo data seeded: ${formatSummary(summary)}.`);
  } catch (error) {
    if (error instanceof SeedRefusedError) throw new CliError(error.message, 2);
    throw error;
  } finally {
    await handle.close();
    release();
  }
});
