import 'server-only';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { PGlite } from '@electric-sql/pglite';
import type { DatabaseHandle } from './connect';
import { countUserTables, pingDatabase } from './queries/database';

// Backups in each engine's own format. PostgreSQL: pg_dump's custom format, one consistent snapshot
// taken while the app runs, restored with pg_restore. The embedded database: its data folder as a
// gzipped tar, which PGlite loads as it is; taken from the running app (Administration → Backup) or,
// with the app stopped, by the script.

export class BackupError extends Error {
  override name = 'BackupError';
}

type BackupKind = 'postgres' | 'pglite';

/** What a backup file holds, from its first bytes: pg_dump's archive, a PGlite data folder, or neither. */
function backupKindOf(head: Uint8Array): BackupKind | undefined {
  if (Buffer.from(head.subarray(0, 5)).toString('latin1') === 'PGDMP') return 'postgres';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  return undefined;
}

export function readBackupKind(file: string): BackupKind | undefined {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(8);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    return backupKindOf(head.subarray(0, read));
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The connection for PostgreSQL's client programs: the password goes in the environment, never on
 * the command line where any user of the machine could read it.
 */
function clientConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

interface Finished {
  code: number | null;
  stderr: string;
}

function runClient(program: string, args: string[], env: NodeJS.ProcessEnv, stdout: 'ignore' | 'pipe' = 'ignore') {
  const child = spawn(program, args, { env, stdio: ['ignore', stdout, 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    if (stderr.length < 8_000) stderr += chunk;
  });
  const finished = new Promise<Finished>((resolve, reject) => {
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new BackupError(`${program} was not found. Install PostgreSQL's client programs of the server's major version (on Debian: apt-get install postgresql-client).`)
          : error,
      );
    });
    child.on('close', (code) => resolve({ code, stderr: stderr.trim() }));
  });
  return { child, finished };
}

const DUMP_ARGS = ['--format=custom', '--no-owner', '--no-privileges'];

/** pg_dump of the configured PostgreSQL database into a file: one snapshot, while the app keeps serving. */
export async function writePostgresBackup({ url, file }: { url: string; file: string }): Promise<void> {
  const { dbname, env } = clientConnection(url);
  const { finished } = runClient('pg_dump', [...DUMP_ARGS, `--file=${file}`, `--dbname=${dbname}`], env);
  const result = await finished;
  if (result.code !== 0) throw new BackupError(`pg_dump failed: ${result.stderr || `exit code ${result.code}`}`);
}

/** The same dump as a stream, for a download; fails before the first byte when pg_dump cannot start. */
export async function streamPostgresBackup({ url }: { url: string }): Promise<ReadableStream<Uint8Array>> {
  const { dbname, env } = clientConnection(url);
  const { child, finished } = runClient('pg_dump', [...DUMP_ARGS, `--dbname=${dbname}`], env, 'pipe');
  const stdout = child.stdout!;
  // Wait for the first bytes or the end: a refused connection must be an error answer, not an empty file.
  await Promise.race([
    new Promise<void>((resolve) => stdout.once('readable', () => resolve())),
    finished.then((result) => {
      if (result.code !== 0) throw new BackupError(`pg_dump failed: ${result.stderr || `exit code ${result.code}`}`);
    }),
  ]);
  finished.then(
    (result) => {
      if (result.code !== 0) stdout.destroy(new BackupError(`pg_dump failed: ${result.stderr}`));
    },
    (error: unknown) => stdout.destroy(error as Error),
  );
  return Readable.toWeb(stdout) as ReadableStream<Uint8Array>;
}

/** Loads a pg_dump archive into an empty PostgreSQL database, all of it or nothing. */
export async function restorePostgresBackup({ handle, url, file }: { handle: DatabaseHandle; url: string; file: string }): Promise<void> {
  await refuseUnlessEmpty(handle);
  const { dbname, env } = clientConnection(url);
  const { finished } = runClient(
    'pg_restore',
    ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${dbname}`, file],
    env,
  );
  const result = await finished;
  if (result.code !== 0) throw new BackupError(`pg_restore failed, nothing was restored: ${result.stderr || `exit code ${result.code}`}`);
}

async function refuseUnlessEmpty(handle: DatabaseHandle): Promise<void> {
  await pingDatabase({ db: handle.db });
  const tables = await countUserTables({ db: handle.db });
  if (tables > 0) {
    throw new BackupError(
      `The database already holds ${tables} tables; a backup is restored only into an empty database. Create a new database (or empty this one) and try again.`,
    );
  }
}

/** The running embedded database's data folder, as one consistent gzipped tar. */
export async function dumpEmbeddedDatabase(handle: DatabaseHandle): Promise<Blob> {
  if (!handle.dumpDataDir) throw new BackupError('This database is not the embedded one.');
  return handle.dumpDataDir();
}

/** Backs up a stopped embedded database (the caller holds its data-folder lock). */
export async function writeEmbeddedBackup({ pgliteDir, file }: { pgliteDir: string; file: string }): Promise<void> {
  if (!holdsDatabase(pgliteDir)) throw new BackupError(`There is no embedded database in ${pgliteDir} to back up.`);
  const client = await PGlite.create(pgliteDir);
  try {
    const blob = await client.dumpDataDir('gzip');
    fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()), { mode: 0o600 });
  } finally {
    await client.close();
  }
}

/** Makes a new embedded database from a backup, in a folder that holds none yet. */
export async function restoreEmbeddedBackup({ pgliteDir, file }: { pgliteDir: string; file: string }): Promise<void> {
  if (holdsDatabase(pgliteDir)) {
    throw new BackupError(
      `${pgliteDir} already holds a database; a backup is restored only into an empty folder. Set DATA_DIR to a new folder (or move this one away) and try again.`,
    );
  }
  fs.mkdirSync(pgliteDir, { recursive: true, mode: 0o700 });
  let client: PGlite | undefined;
  try {
    client = await PGlite.create({ dataDir: pgliteDir, loadDataDir: new Blob([fs.readFileSync(file)]) });
    await client.query('select count(*) from information_schema.tables');
  } catch (error) {
    await client?.close().catch(() => {});
    fs.rmSync(pgliteDir, { recursive: true, force: true });
    throw new BackupError(`The file could not be loaded as an embedded database, nothing was restored: ${(error as Error).message}`);
  }
  await client.close();
}

function holdsDatabase(pgliteDir: string): boolean {
  return fs.existsSync(`${pgliteDir}/PG_VERSION`);
}
