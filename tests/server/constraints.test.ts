import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect';
import { selectRows } from '../../db/rows';
import { auditEvents, comments, evidenceLinks, indicatorReadings, indicators, statusUpdates, users } from '../../db/schema';
import { testEngines } from '../support/databases';
import { FAKE_HASH, insertMinimalCommitment, sqlStateOf } from '../support/fixtures';

const FOREIGN_KEY = '23503';
const UNIQUE = '23505';
const CHECK = '23514';
const BAD_ENUM = '22P02';
const RESTRICT = '23001';

describe.each(testEngines())('database constraints on $name', (engine) => {
  let handle: DatabaseHandle;
  let base: Awaited<ReturnType<typeof insertMinimalCommitment>>;

  beforeAll(async () => {
    handle = await engine.open();
    base = await insertMinimalCommitment(handle.db);
  });
  afterAll(() => handle.close());

  const update = (overrides: Partial<typeof statusUpdates.$inferInsert> = {}) => ({
    commitmentId: base.commitment.id,
    sequence: 1,
    authorId: base.user.id,
    stageBefore: 'intent' as const,
    stageAfter: 'agreed' as const,
    health: 'on_track' as const,
    ...overrides,
  });

  it('refuse a status update for a commitment that does not exist', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(await sqlStateOf(handle.db.insert(statusUpdates).values(update({ commitmentId: missing })))).toBe(FOREIGN_KEY);
  });

  it('refuse an unknown stage, health or role', async () => {
    const raw = (stage: string) =>
      handle.db.execute(sql`insert into status_updates (commitment_id, sequence, author_id, stage_before, stage_after, health)
        values (${base.commitment.id}, 1, ${base.user.id}, 'intent', ${stage}, 'on_track')`);
    expect(await sqlStateOf(raw('finished'))).toBe(BAD_ENUM);
    expect(await sqlStateOf(handle.db.execute(sql`update commitments set health = 'fine' where id = ${base.commitment.id}`))).toBe(BAD_ENUM);
    expect(
      await sqlStateOf(
        handle.db.execute(sql`insert into users (email, name, role, password_hash) values ('x@agenda.test', 'X', 'king', ${FAKE_HASH})`),
      ),
    ).toBe(BAD_ENUM);
  });

  it('refuse an email that differs from an existing one only in case', async () => {
    expect(
      await sqlStateOf(handle.db.insert(users).values({ email: 'SomeOne@Agenda.TEST', name: 'Twin', role: 'reviewer', passwordHash: FAKE_HASH })),
    ).toBe(UNIQUE);
  });

  it('refuse a staff user without an organisation and a password stored in clear', async () => {
    expect(await sqlStateOf(handle.db.insert(users).values({ email: 's@agenda.test', name: 'S', role: 'staff', passwordHash: FAKE_HASH }))).toBe(CHECK);
    expect(
      await sqlStateOf(handle.db.insert(users).values({ email: 'p@agenda.test', name: 'P', role: 'admin', passwordHash: 'demo-password-2026' })),
    ).toBe(CHECK);
  });

  it('refuse evidence links that are not http or https', async () => {
    const [row] = await handle.db.insert(statusUpdates).values(update({ sequence: 10 })).returning();
    for (const url of ['javascript:alert(1)', 'ftp://example.org/file', 'data:text/html,hi', 'https://has space.org']) {
      expect(await sqlStateOf(handle.db.insert(evidenceLinks).values({ statusUpdateId: row!.id, url })), url).toBe(CHECK);
    }
    await handle.db.insert(evidenceLinks).values({ statusUpdateId: row!.id, url: 'https://example.org/report.pdf' });
  });

  it('keep status updates, readings, evidence and audit events append-only', async () => {
    const [row] = await handle.db.insert(statusUpdates).values(update({ sequence: 20, narrative: 'original' })).returning();
    expect(await sqlStateOf(handle.db.update(statusUpdates).set({ narrative: 'rewritten' }).where(eq(statusUpdates.id, row!.id)))).toBe(RESTRICT);
    expect(await sqlStateOf(handle.db.delete(statusUpdates).where(eq(statusUpdates.id, row!.id)))).toBe(RESTRICT);
    const [event] = await handle.db.insert(auditEvents).values({ actorLabel: 'system', action: 'test.event', entityType: 'test' }).returning();
    expect(await sqlStateOf(handle.db.delete(auditEvents).where(eq(auditEvents.id, event!.id)))).toBe(RESTRICT);
    const kept = await selectRows<{ narrative: string }>(handle.db, sql`select narrative from status_updates where id = ${row!.id}`);
    expect(kept).toEqual([{ narrative: 'original' }]);
  });

  it('refuse two updates with one position in the same timeline', async () => {
    await handle.db.insert(statusUpdates).values(update({ sequence: 30 }));
    expect(await sqlStateOf(handle.db.insert(statusUpdates).values(update({ sequence: 30 })))).toBe(UNIQUE);
  });

  it('refuse non-finite readings and a target on the wrong side of the baseline', async () => {
    const indicator = {
      commitmentId: base.commitment.id, name: 'Trade', unit: 'USD million', baselineValue: 100, baselineDate: '2026-01-01',
      targetValue: 200, targetDate: '2026-12-31', direction: 'higher_is_better' as const,
    };
    expect(await sqlStateOf(handle.db.insert(indicators).values({ ...indicator, targetValue: 50 }))).toBe(CHECK);
    expect(await sqlStateOf(handle.db.insert(indicators).values({ ...indicator, baselineValue: Number.NaN }))).toBe(CHECK);
    const [ind] = await handle.db.insert(indicators).values(indicator).returning();
    const [row] = await handle.db.insert(statusUpdates).values(update({ sequence: 40 })).returning();
    for (const value of [Number.POSITIVE_INFINITY, Number.NaN]) {
      expect(
        await sqlStateOf(handle.db.insert(indicatorReadings).values({ statusUpdateId: row!.id, indicatorId: ind!.id, value, asOf: '2026-03-01' })),
      ).toBe(CHECK);
    }
  });

  it('refuse empty or over-long comments and half-resolved threads', async () => {
    const comment = { commitmentId: base.commitment.id, authorId: base.user.id, body: 'Fine' };
    expect(await sqlStateOf(handle.db.insert(comments).values({ ...comment, body: '   ' }))).toBe(CHECK);
    expect(await sqlStateOf(handle.db.insert(comments).values({ ...comment, body: 'x'.repeat(5001) }))).toBe(CHECK);
    expect(await sqlStateOf(handle.db.insert(comments).values({ ...comment, resolvedAt: new Date() }))).toBe(CHECK);
    const [ok] = await handle.db.insert(comments).values({ ...comment, body: 'x'.repeat(5000) }).returning();
    expect(ok!.body).toHaveLength(5000);
  });

  it('refuse a commitment led twice by the same organisation, or with a bad version', async () => {
    expect(
      await sqlStateOf(handle.db.execute(sql`update commitments set lead_org_b_id = lead_org_a_id where id = ${base.commitment.id}`)),
    ).toBe(CHECK);
    expect(await sqlStateOf(handle.db.execute(sql`update commitments set version = 0 where id = ${base.commitment.id}`))).toBe(CHECK);
  });
});
