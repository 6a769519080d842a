import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect';
import { MIGRATIONS_FOLDER, migrateDatabase } from '../../db/migrate';
import { selectRows } from '../../db/rows';
import { organisations, statusUpdates } from '../../db/schema';
import { DAY_MS, isoDateToMs } from '../../lib/domain/dates';
import { FAKE_HASH } from '../support/fixtures';
import { testEngines } from '../support/databases';

const TABLES = [
  'agenda_events', 'agendas', 'api_token_requests', 'api_tokens', 'audit_events', 'comments', 'commitment_watches', 'commitments', 'confirmed_stage_events',
  'email_deliveries', 'evidence_links', 'figures_changes', 'figures_revision', 'imports', 'indicator_readings', 'indicators', 'job_outbox', 'notification_preferences', 'notifications',
  'organisations', 'reviews', 'sectors', 'sign_in_attempts', 'stage_events', 'status_updates', 'update_confirmations', 'used_unsubscribe_links', 'user_sessions', 'users',
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

  it('fill stage_events from the rows of a database that predates it, and keep it from then on', async () => {
    handle = await engine.openEmpty();
    // The migrations as they stood before stage_events: 0000 to 0003.
    const before = fs.mkdtempSync(path.join(os.tmpdir(), 'agenda-migrations-'));
    fs.mkdirSync(path.join(before, 'meta'));
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'));
    journal.entries = journal.entries.filter((e: { tag: string }) => e.tag < '0004');
    fs.writeFileSync(path.join(before, 'meta', '_journal.json'), JSON.stringify(journal));
    for (const e of journal.entries) fs.copyFileSync(path.join(MIGRATIONS_FOLDER, `${e.tag}.sql`), path.join(before, `${e.tag}.sql`));
    await migrateDatabase(handle, before);
    fs.rmSync(before, { recursive: true, force: true });

    const db = handle.db;
    // Agendas and sectors in their columns of then (later migrations add to them), so in SQL.
    const [agenda] = await selectRows<{ id: string }>(db, sql`insert into agendas (slug, title, party_a, party_b, signed_on, place, source_title, source_document)
      values ('a', 'A', 'KZ', 'PK', '2026-01-01', 'Islamabad', 'D', 'T') returning id`);
    const [sector] = await selectRows<{ id: string }>(db, sql`insert into sectors (slug, name, colour, position)
      values ('energy', 'Energy', '#e69f00', 1) returning id`);
    const [orgA, orgB] = await db.insert(organisations).values([{ name: 'A', country: 'KZ' }, { name: 'B', country: 'PK' }]).returning();
    // Raw SQL: the columns of later migrations do not exist yet.
    const [author] = await selectRows<{ id: string }>(db, sql`insert into users (email, name, role, password_hash)
      values ('a@agenda.test', 'A', 'admin', ${FAKE_HASH}) returning id`);
    const [c] = await selectRows<{ id: string }>(
      db,
      sql`insert into commitments (agenda_id, sector_id, reference, title, source_passage, lead_org_a_id, lead_org_b_id, stage, health, created_at)
          values (${agenda!.id}, ${sector!.id}, 'C1', 'C1', 'P', ${orgA!.id}, ${orgB!.id}, 'agreed', 'on_track', '2026-01-02T00:00:00Z') returning id`,
    );
    await db.execute(
      sql`insert into status_updates (commitment_id, sequence, author_id, created_at, stage_before, stage_after, health)
          values (${c!.id}, 1, ${author!.id}, '2026-01-05T12:00:00Z', 'intent', 'agreed', 'on_track'),
                 (${c!.id}, 2, ${author!.id}, '2026-01-09T12:00:00Z', 'agreed', 'agreed', 'at_risk'),
                 (${c!.id}, 3, ${author!.id}, '2026-01-10T12:00:00Z', 'agreed', 'agreed', 'at_risk')`,
    );

    await migrateDatabase(handle);
    const events = () =>
      selectRows<{ sequence: number; left_stage: string | null; entered_stage: string; day_end: number }>(
        handle!.db,
        sql`select sequence, left_stage, entered_stage, day_end from stage_events order by sequence`,
      );
    const day = (iso: string) => isoDateToMs(iso) / DAY_MS;
    // The creation and the one update that changed the stage; the same-stage update is not an event.
    expect(await events()).toEqual([
      { sequence: 0, left_stage: null, entered_stage: 'intent', day_end: day('2026-01-02') },
      { sequence: 1, left_stage: 'intent', entered_stage: 'agreed', day_end: day('2026-01-06') },
    ]);
    // Earlier claims of progress (a stage change, a health change) await the other side; a narrative does not.
    const awaiting = await selectRows<{ sequence: number; decision: string | null }>(
      db,
      sql`select sequence, decision from update_confirmations order by sequence`,
    );
    expect(awaiting).toEqual([{ sequence: 1, decision: null }, { sequence: 2, decision: null }]);
    const [confirmed] = await selectRows<{ confirmed_stage: string; n: number }>(
      db,
      sql`select confirmed_stage, (select count(*)::int from confirmed_stage_events) as n from commitments`,
    );
    expect(confirmed).toEqual({ confirmed_stage: 'intent', n: 1 });
    // From now on the triggers keep it.
    await db.insert(statusUpdates).values({
      commitmentId: c!.id, sequence: 4, authorId: author!.id, createdAt: new Date('2026-01-12T00:00:00Z'), stageBefore: 'agreed', stageAfter: 'in_progress', health: 'on_track',
    });
    expect((await events()).at(-1)).toEqual({ sequence: 4, left_stage: 'agreed', entered_stage: 'in_progress', day_end: day('2026-01-12') });
  });
});

