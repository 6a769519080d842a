import fs from 'node:fs';
import path from 'node:path';
import { BackupError, readBackupKind, restoreEmbeddedBackup, restorePostgresBackup } from '@/db/backup';
import { readEnv } from '@/lib/env';
import { CliError, info, run } from './lib/cli';
import { acquireDataDirLock } from './lib/data-dir';
import { openForScript } from './lib/database';

// `npm run db:restore -- FILE`: loads a backup into the configured database, which must be empty.
run(async () => {
  const [file, ...rest] = process.argv.slice(2);
  if (!file || rest.length > 0 || file.startsWith('-')) throw new CliError('Usage: npm run db:restore -- FILE', 2);
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new CliError(`${source} does not exist.`, 2);
  const env = readEnv();
  const kind = readBackupKind(source);
  if (kind === undefined) throw new CliError(`${source} is not a backup of this app (neither pg_dump's custom format nor an embedded database).`, 2);
  if (kind !== env.databaseKind) {
    throw new CliError(
      kind === 'postgres'
        ? `${source} is a PostgreSQL backup: set DATABASE_URL to an empty PostgreSQL database to restore it.`
        : `${source} is a backup of the embedded database: unset DATABASE_URL and set DATA_DIR to a new folder to restore it.`,
      2,
    );
  }
  try {
    if (env.databaseKind === 'postgres') {
      const handle = await openForScript(env);
      try {
        await restorePostgresBackup({ handle, url: env.databaseUrl!, file: source });
      } finally {
        await handle.close();
      }
    } else {
      const release = acquireDataDirLock(env.dataDir);
      try {
        await restoreEmbeddedBackup({ pgliteDir: env.pgliteDir, file: source });
      } finally {
        release();
      }
    }
  } catch (error) {
    if (error instanceof BackupError) throw new CliError(error.message, 2);
    throw error;
  }
  info(`Restored ${source} into the ${env.databaseKind === 'postgres' ? 'PostgreSQL' : 'embedded'} database. npm start applies any newer migrations.`);
});
