import fs from 'node:fs';
import path from 'node:path';
import { BackupError, writeEmbeddedBackup, writePostgresBackup } from '@/db/backup';
import { readEnv } from '@/lib/env';
import { CliError, info, run } from './lib/cli';
import { acquireDataDirLock } from './lib/data-dir';

// `npm run db:backup -- FILE`: PostgreSQL while the app runs (pg_dump's custom format); the embedded
// database while the app is stopped (its data folder; while it runs, Administration → Backup).
run(async () => {
  const file = backupFileArgument(process.argv.slice(2));
  const env = readEnv();
  try {
    if (env.databaseKind === 'postgres') {
      await writePostgresBackup({ url: env.databaseUrl!, file });
    } else {
      const release = acquireDataDirLock(env.dataDir, 'while the app runs, download a backup from Administration → Backup');
      try {
        await writeEmbeddedBackup({ pgliteDir: env.pgliteDir, file });
      } finally {
        release();
      }
    }
  } catch (error) {
    fs.rmSync(file, { force: true });
    if (error instanceof BackupError) throw new CliError(error.message);
    throw error;
  }
  info(`Backup of the ${env.databaseKind === 'postgres' ? 'PostgreSQL' : 'embedded'} database written to ${file} (${fs.statSync(file).size} bytes).`);
});

function backupFileArgument(args: string[]): string {
  const [file, ...rest] = args;
  if (!file || rest.length > 0 || file.startsWith('-')) throw new CliError('Usage: npm run db:backup -- FILE', 2);
  const target = path.resolve(file);
  if (fs.existsSync(target)) throw new CliError(`${target} already exists; choose a new file name so that no backup is overwritten.`, 2);
  if (!fs.existsSync(path.dirname(target))) throw new CliError(`The folder ${path.dirname(target)} does not exist.`, 2);
  return target;
}
