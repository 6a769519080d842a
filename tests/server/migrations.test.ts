import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect';
import { migrateDatabase } from '../../db/migrate';
import { selectRows } from '../../db/rows';
import { testEngines } from '../support/databases';

const TABLES = [
  'agenda_events', 'agendas', 'audit_events', 'comments', 'commitments', 'evidence_links', 'indicator_readings',
  'indicators', 'organisations', 'sectors', 'sign_in_attempts', 'stage_events', 'status_updates', 'user_sessions', 'users',
];

describe.each(testEngines())('migrations on $name', (engine) => {
  let handle: DatabaseHandle | undefined;
  afterEach(async () => {
    await handle?.close();
    handle = undefined;
  });

  it('apply from an empty database and create every table of the model', async () => {
    handle = await engine.openEmpty();
    const before = await selectRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from information_schema.tables where table_schema = 'public'`,
    );
    expect(before[0]!.n).toBe(0);

    await migrateDatabase(handle);

    const tables = await selectRows<{ table_name: string }>(
      handle.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(TABLES);
  });

  it('are a no-op the second time', async () => {
    handle = await engine.openEmpty();
    await migrateDatabase(handle);
    const count = async () =>
      (await selectRows<{ n: number }>(handle!.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`))[0]!.n;
    const first = await count();
    await migrateDatabase(handle);
    expect(first).toBeGreaterThanOrEqual(2);
    expect(await count()).toBe(first);
  });
});

