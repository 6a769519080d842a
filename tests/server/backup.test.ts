import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as downloadRoute from '../../app/admin/backup/download/route';
import { restorePostgresBackup } from '../../db/backup';
import { type DatabaseHandle, openPglite, wrapPglite } from '../../db/connect';
import { migrateDatabase } from '../../db/migrate';
import { selectRows } from '../../db/rows';
import { seedDemoData } from '../../db/seed';
import { hashPassword } from '../../lib/passwords';
import { sessionCookieFor, useDatabase } from '../support/app';
import { type TestDatabaseHandle, testEngines } from '../support/databases';
import { openSeeded } from '../support/seeded';

// Each script run starts tsx and PGlite: tens of seconds on a busy two-core machine.
const SLOW = { timeout: 240_000 };

/** Every row of every table the app keeps (its migrations' journal included), as text, table by table. */
async function everyRow(handle: DatabaseHandle): Promise<Record<string, string[]>> {
  const tables = await selectRows<{ name: string }>(
    handle.db,
    sql`select table_schema || '.' || table_name as name from information_schema.tables
        where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1`,
  );
  const rows: Record<string, string[]> = {};
  for (const { name } of tables) {
    const [schema, table] = name.split('.') as [string, string];
    const found = await selectRows<{ r: string }>(handle.db, sql`select t::text as r from ${sql.identifier(schema)}.${sql.identifier(table)} t`);
    rows[name] = found.map((row) => row.r).sort();
  }
  return rows;
}

function expectDemoData(rows: Record<string, string[]>): void {
  // The demo agenda's commitments, history and accounts, and the migrations that made the tables.
  expect(rows['public.commitments']!.length).toBeGreaterThanOrEqual(18);
  expect(rows['public.status_updates']!.length).toBeGreaterThanOrEqual(60);
  expect(rows['public.users']!.length).toBeGreaterThanOrEqual(4);
  expect(rows['drizzle.__drizzle_migrations']!.length).toBeGreaterThan(0);
}

function script(name: 'backup' | 'restore', file: string, env: Record<string, string | undefined>) {
  const result = spawnSync(process.execPath, [require.resolve('tsx/cli'), '--conditions=react-server', `scripts/${name}.ts`, file], {
    cwd: process.cwd(),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', ...env },
    encoding: 'utf8',
    timeout: 200_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.each(testEngines())('Administration → Backup on $name', (engine) => {
  let handle: DatabaseHandle;
  let admin: string;
  let official: string;

  beforeAll(async () => {
    handle = await openSeeded(engine);
    useDatabase(handle);
    admin = await sessionCookieFor(handle, 'admin@agenda.test');
    official = await sessionCookieFor(handle, 'official@agenda.test');
  });
  afterAll(() => handle.close());

  const download = (cookie?: string) =>
    downloadRoute.GET(new Request('http://localhost/admin/backup/download', { headers: cookie ? { cookie } : {} }));

  it('refuses anyone but an administrator, and records nothing', async () => {
    expect((await download()).status).toBe(401);
    const refused = await download(official);
    expect(refused.status).toBe(403);
    const [row] = await selectRows<{ n: number }>(handle.db, sql`select count(*)::int as n from audit_events where action = 'backup.downloaded'`);
    expect(row!.n).toBe(0);
  });

  it('gives an administrator a file that restores into a database equal in every row, and records the download', SLOW, async () => {
    const answer = await download(admin);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const disposition = answer.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(engine.name === 'pglite' ? /^attachment; filename="agenda-backup-\d{8}-\d{6}\.tar\.gz"$/ : /^attachment; filename="agenda-backup-\d{8}-\d{6}\.dump"$/);
    const bytes = Buffer.from(await answer.arrayBuffer());
    const expected = await everyRow(handle);
    // The download's own audit event is in the copy: it is written before the first byte.
    expect(expected['public.audit_events']!.some((row) => row.includes('backup.downloaded'))).toBe(true);
    expectDemoData(expected);

    let restored: DatabaseHandle;
    if (engine.name === 'pglite') {
      restored = wrapPglite(await PGlite.create({ loadDataDir: new Blob([bytes]) }));
    } else {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'agenda-backup-')), 'download.dump');
      fs.writeFileSync(file, bytes);
      restored = await engine.openEmpty();
      const target = restored as TestDatabaseHandle;
      await restorePostgresBackup({ handle: restored, url: target.url!, file });
    }
    try {
      expect(await everyRow(restored)).toEqual(expected);
    } finally {
      await restored.close();
    }
  });
});

describe('npm run db:backup and db:restore on the embedded database', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'agenda-backup-'));
  const source = path.join(root, 'source');
  const target = path.join(root, 'target');
  const file = path.join(root, 'demo.tar.gz');
  const inspect = async <T>(dataDir: string, look: (handle: DatabaseHandle) => Promise<T>): Promise<T> => {
    const handle = await openPglite(path.join(dataDir, 'pgdata'));
    try {
      return await look(handle);
    } finally {
      await handle.close();
    }
  };

  beforeAll(async () => {
    fs.mkdirSync(path.join(source, 'pgdata'), { recursive: true });
    await inspect(source, async (handle) => {
      await migrateDatabase(handle);
      await seedDemoData(handle.db, { passwordHash: await hashPassword('demo-password-2026') });
    });
  }, SLOW.timeout);
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('backs up the stopped database and restores it into a new folder equal in every row', SLOW, async () => {
    const backup = script('backup', file, { DATA_DIR: source });
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    expect(backup.stdout).toContain(file);
    const restore = script('restore', file, { DATA_DIR: target });
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);
    const expected = await inspect(source, everyRow);
    expectDemoData(expected);
    expect(await inspect(target, everyRow)).toEqual(expected);
  });

  it('refuses a folder that already holds a database, and leaves it as it was', SLOW, async () => {
    const before = await inspect(target, everyRow);
    const again = script('restore', file, { DATA_DIR: target });
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already holds a database');
    expect(await inspect(target, everyRow)).toEqual(before);
  });

  it('refuses to overwrite a file, to read a file that is no backup, and to restore into the other engine', SLOW, async () => {
    const overwrite = script('backup', file, { DATA_DIR: source });
    expect(overwrite.status).toBe(2);
    expect(overwrite.stderr).toContain('already exists');

    const notBackup = path.join(root, 'notes.txt');
    fs.writeFileSync(notBackup, 'minutes of the meeting');
    const garbage = script('restore', notBackup, { DATA_DIR: path.join(root, 'other') });
    expect(garbage.status).toBe(2);
    expect(garbage.stderr).toContain('is not a backup of this app');
    expect(fs.existsSync(path.join(root, 'other', 'pgdata', 'PG_VERSION'))).toBe(false);

    const wrongEngine = script('restore', file, { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/none', AUTH_SECRET: 'x'.repeat(40) });
    expect(wrongEngine.status).toBe(2);
    expect(wrongEngine.stderr).toContain('backup of the embedded database');
  });

  it('refuses to back up a folder another process is using', SLOW, async () => {
    // A live process (this one) holds the folder, as a running server would.
    fs.writeFileSync(path.join(source, 'server.pid'), String(process.pid));
    try {
      const busy = script('backup', path.join(root, 'busy.tar.gz'), { DATA_DIR: source });
      expect(busy.status).toBe(1);
      expect(busy.stderr).toContain('Administration → Backup');
      expect(fs.existsSync(path.join(root, 'busy.tar.gz'))).toBe(false);
    } finally {
      fs.rmSync(path.join(source, 'server.pid'));
    }
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('npm run db:backup and db:restore on PostgreSQL', () => {
  const engine = testEngines().find((e) => e.name === 'postgres')!;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'agenda-backup-'));
  const file = path.join(root, 'demo.dump');
  let source: TestDatabaseHandle;
  let target: TestDatabaseHandle;
  const secret = { AUTH_SECRET: 'a-test-secret-that-is-long-enough-1234567' };

  beforeAll(async () => {
    source = (await openSeeded(engine)) as TestDatabaseHandle;
    target = (await engine.openEmpty()) as TestDatabaseHandle;
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('backs up a database in use and restores it into an empty one equal in every row', SLOW, async () => {
    const backup = script('backup', file, { DATABASE_URL: source.url, ...secret });
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    const restore = script('restore', file, { DATABASE_URL: target.url, ...secret });
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);
    const expected = await everyRow(source);
    expectDemoData(expected);
    expect(await everyRow(target)).toEqual(expected);
  });

  it('refuses a database that holds data, and leaves it as it was', SLOW, async () => {
    const before = await everyRow(source);
    const refused = script('restore', file, { DATABASE_URL: source.url, ...secret });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('already holds');
    expect(await everyRow(source)).toEqual(before);
  });

  it('says so in one line when the database cannot be reached, and leaves no file', SLOW, async () => {
    const missing = path.join(root, 'missing.dump');
    const failed = script('backup', missing, { DATABASE_URL: `${process.env.TEST_DATABASE_URL!.replace(/\/[^/]*$/, '')}/no_such_database_here`, ...secret });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('no_such_database_here');
    expect(fs.existsSync(missing)).toBe(false);
  });
});
