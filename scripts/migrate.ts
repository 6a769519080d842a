import { readEnv } from '@/lib/env';
import { info, run } from './lib/cli';
import { acquireDataDirLock } from './lib/data-dir';
import { migrateForScript, openForScript } from './lib/database';

run(async () => {
  const env = readEnv();
  const release = env.databaseKind === 'pglite' ? acquireDataDirLock(env.dataDir) : () => {};
  const handle = await openForScript(env);
  try {
    await migrateForScript(handle, env);
    info(`Migrations applied (${env.databaseKind}).`);
  } finally {
    await handle.close();
    release();
  }
});
