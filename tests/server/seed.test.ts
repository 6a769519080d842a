import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect';
import { selectRows } from '../../db/rows';
import { users } from '../../db/schema';
import { isDatabaseEmpty, SeedRefusedError, seedDemoData } from '../../db/seed';
import { verifyPassword } from '../../lib/passwords';
import { testEngines } from '../support/databases';
import { FAKE_HASH } from '../support/fixtures';

async function tableCounts(handle: DatabaseHandle) {
  const [row] = await selectRows<Record<string, number>>(
    handle.db,
    sql`select (select count(*)::int from agendas) as agendas, (select count(*)::int from commitments) as commitments,
               (select count(*)::int from status_updates) as updates, (select count(*)::int from comments) as comments,
               (select count(*)::int from users) as users, (select count(*)::int from organisations) as organisations`,
  );
  return row!;
}

describe.each(testEngines())('the demo seed on $name', (engine) => {
  let handle: DatabaseHandle | undefined;
  afterEach(async () => {
    await handle?.close();
    handle = undefined;
  });

  it('loads the Islamabad agenda, its history and one account per role into an empty database', async () => {
    handle = await engine.open();
    expect(await isDatabaseEmpty(handle.db)).toBe(true);
    const summary = await seedDemoData(handle.db, { passwordHash: FAKE_HASH });
    const counts = await tableCounts(handle);
    expect(counts).toMatchObject({ agendas: 1, commitments: summary.commitments, updates: summary.statusUpdates, users: summary.users });
    expect(summary.commitments).toBeGreaterThanOrEqual(15);
    expect(summary.sectors).toBeGreaterThanOrEqual(10);
    const accounts = await handle.db.select({ email: users.email, role: users.role }).from(users).orderBy(users.email);
    // The sign-in accounts, and one counterpart staff member per other Pakistani lead ministry.
    expect(accounts.filter((a) => !/^staff\.pk-/.test(a.email))).toEqual([
      { email: 'admin@agenda.test', role: 'admin' },
      { email: 'official@agenda.test', role: 'official' },
      { email: 'reviewer@agenda.test', role: 'reviewer' },
      { email: 'staff.pk@agenda.test', role: 'staff' },
      { email: 'staff@agenda.test', role: 'staff' },
    ]);
    expect(accounts.filter((a) => /^staff\.pk-/.test(a.email)).every((a) => a.role === 'staff')).toBe(true);
    expect(await isDatabaseEmpty(handle.db)).toBe(false);
  });

  it('is idempotent: a second run is refused and changes nothing', async () => {
    handle = await engine.open();
    await seedDemoData(handle.db, { passwordHash: FAKE_HASH });
    const before = await tableCounts(handle);
    await expect(seedDemoData(handle.db, { passwordHash: FAKE_HASH })).rejects.toBeInstanceOf(SeedRefusedError);
    expect(await tableCounts(handle)).toEqual(before);
  });

  it('refuses a database that holds someone else’s data', async () => {
    handle = await engine.open();
    await handle.db.insert(users).values({ email: 'ops@ministry.example', name: 'Ops', role: 'admin', passwordHash: FAKE_HASH });
    await expect(seedDemoData(handle.db, { passwordHash: FAKE_HASH })).rejects.toThrow(/only goes into an empty database/);
    expect(await tableCounts(handle)).toMatchObject({ agendas: 0, commitments: 0, users: 1 });
  });

  it('stores the demo password as an argon2id hash that verifies', async () => {
    handle = await engine.open();
    await seedDemoData(handle.db);
    const [staff] = await selectRows<{ password_hash: string }>(
      handle.db,
      sql`select password_hash from users where email = 'staff@agenda.test'`,
    );
    expect(staff!.password_hash.startsWith('$argon2id$')).toBe(true);
    expect(staff!.password_hash).not.toContain('demo-password-2026');
    expect(await verifyPassword(staff!.password_hash, 'demo-password-2026')).toBe(true);
    expect(await verifyPassword(staff!.password_hash, 'demo-password-2027')).toBe(false);
  });
});
