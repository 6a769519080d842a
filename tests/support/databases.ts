import crypto from 'node:crypto';
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { inject } from 'vitest';
import { type DatabaseHandle, wrapPglite, wrapPostgres } from '../../db/connect';
import { withDatabase } from './global-setup';

/** On PostgreSQL, `url` addresses the created database, for child processes that open their own connections. */
export type TestDatabaseHandle = DatabaseHandle & { url?: string };

export interface TestEngine {
  name: 'pglite' | 'postgres';
  /** A database of its own with every migration applied. */
  open(): Promise<TestDatabaseHandle>;
  /** A database of its own with nothing in it, not even migrations. */
  openEmpty(): Promise<DatabaseHandle>;
}

function loadPglite(snapshot: string): Promise<PGlite> {
  return PGlite.create({ loadDataDir: new Blob([fs.readFileSync(snapshot)]) });
}

const pglite: TestEngine = {
  name: 'pglite',
  open: async () => wrapPglite(await loadPglite(inject('pgliteSnapshot'))),
  openEmpty: async () => wrapPglite(await loadPglite(inject('pgliteEmptySnapshot'))),
};

function postgresEngine(url: string, template: string): TestEngine {
  async function create(from: string | null): Promise<TestDatabaseHandle> {
    const name = `agenda_test_${crypto.randomBytes(6).toString('hex')}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(from ? `create database ${name} template ${from}` : `create database ${name}`);
    } finally {
      await admin.end();
    }
    const databaseUrl = withDatabase(url, name);
    const handle = wrapPostgres(postgres(databaseUrl, { max: 10, onnotice: () => {} }), databaseUrl);
    return {
      ...handle,
      url: databaseUrl,
      close: async () => {
        await handle.close();
        const dropper = postgres(url, { max: 1, onnotice: () => {} });
        await dropper.unsafe(`drop database if exists ${name} with (force)`);
        await dropper.end();
      },
    };
  }
  return { name: 'postgres', open: () => create(template), openEmpty: () => create(null) };
}

/** Every engine the database tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testEngines(): TestEngine[] {
  const url = process.env.TEST_DATABASE_URL;
  const template = inject('postgresTemplate');
  return url && template ? [pglite, postgresEngine(url, template)] : [pglite];
}
