import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { wrapPglite, wrapPostgres } from '../../db/connect';
import { migrateDatabase } from '../../db/migrate';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    pgliteEmptySnapshot: string;
    postgresTemplate: string | null;
  }
}

// Booting PGlite runs initdb (~5 s). Done twice here, once for all workers: an empty cluster and a
// migrated one, saved as tarballs that each test database loads in about a second.
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agenda-tests-'));
  const empty = await PGlite.create();
  const emptySnapshot = path.join(dir, 'empty.tar.gz');
  fs.writeFileSync(emptySnapshot, Buffer.from(await (await empty.dumpDataDir('gzip')).arrayBuffer()));
  const handle = wrapPglite(empty);
  await migrateDatabase(handle);
  const migratedSnapshot = path.join(dir, 'migrated.tar.gz');
  fs.writeFileSync(migratedSnapshot, Buffer.from(await (await empty.dumpDataDir('gzip')).arrayBuffer()));
  await handle.close();
  project.provide('pgliteEmptySnapshot', emptySnapshot);
  project.provide('pgliteSnapshot', migratedSnapshot);

  const url = process.env.TEST_DATABASE_URL;
  let template: string | null = null;
  if (url) {
    template = `agenda_test_template_${process.pid}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`create database ${template}`);
    } catch (error) {
      await admin.end();
      throw new Error(`TEST_DATABASE_URL is set but PostgreSQL refused to create a test database: ${(error as Error).message}`);
    }
    const migrator = wrapPostgres(postgres(withDatabase(url, template), { max: 1, onnotice: () => {} }));
    await migrateDatabase(migrator);
    await migrator.close();
    await admin.end();
    process.stdout.write(`Database tests run on PGlite and on PostgreSQL (${redact(url)}).\n`);
  } else {
    process.stdout.write('Database tests run on PGlite only (set TEST_DATABASE_URL to run them on PostgreSQL too).\n');
  }
  project.provide('postgresTemplate', template);

  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (url && template) {
      const admin = postgres(url, { max: 1, onnotice: () => {} });
      await admin.unsafe(`drop database if exists ${template} with (force)`);
      await admin.end();
    }
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
