import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, wrapPostgres } from '../../db/connect';
import { readFiguresRevision } from '../../db/queries/figures';
import { selectRows } from '../../db/rows';
import { todayIso } from '../../lib/domain/dates';
import { contextFromHeaders, type RequestContext } from '../../lib/server/context';
import { getDashboard, openDashboard } from '../../lib/server/dashboard';
import { figuresCache } from '../../lib/server/figures-cache';
import { recordStatusUpdate } from '../../lib/server/status-updates';
import { sessionCookieFor, useDatabase } from '../support/app';
import type { TestDatabaseHandle } from '../support/databases';
import { openSeeded, testEngines } from '../support/seeded';

// The dashboard's figures are kept in each app instance's memory and served again only while no
// write has committed since they were computed, whoever wrote.

async function contextFor(handle: DatabaseHandle, email: string): Promise<RequestContext> {
  return contextFromHeaders(new Headers({ cookie: await sessionCookieFor(handle, email) }), handle.db);
}

/** A commitment in progress that the demo staff member may report on. */
async function reportable(handle: DatabaseHandle, staff: RequestContext): Promise<{ id: string; health: string }> {
  const [row] = await selectRows<{ id: string; health: string }>(
    handle.db,
    sql`select c.id, c.health from commitments c
         where (c.lead_org_a_id = ${staff.viewer!.organisationId} or c.lead_org_b_id = ${staff.viewer!.organisationId})
           and c.stage = 'in_progress' order by c.reference limit 1`,
  );
  expect(row).toBeDefined();
  return row!;
}

describe.each(testEngines())('the dashboard’s figures kept in memory on $name', (engine) => {
  let handle: TestDatabaseHandle;
  let official: RequestContext;
  let staff: RequestContext;
  beforeAll(async () => {
    handle = await openSeeded(engine);
    useDatabase(handle);
    official = await contextFor(handle, 'official@agenda.test');
    staff = await contextFor(handle, 'staff@agenda.test');
  });
  afterAll(() => handle.close());

  const revision = () => readFiguresRevision({ db: handle.db });

  it('are served again while nothing is written, one entry per agenda, sector and view', async () => {
    const first = await openDashboard(official);
    expect(await openDashboard(official)).toBe(first);
    const energy = await openDashboard(official, { sectorSlug: 'energy' });
    expect(energy).not.toBe(first);
    expect(energy!.sector?.slug).toBe('energy');
    expect(await openDashboard(official, { sectorSlug: 'energy' })).toBe(energy);
    const confirmed = await openDashboard(official, { view: 'confirmed' });
    expect(confirmed).not.toBe(first);
    expect(confirmed!.view).toBe('confirmed');
    // A fixed moment is always computed afresh.
    const fixed = new Date();
    expect(await openDashboard(official, { now: fixed })).not.toBe(await openDashboard(official, { now: fixed }));
  });

  it('show a status update on the next read, from the same request’s commit', async () => {
    const before = (await getDashboard(official))!;
    const target = await reportable(handle, staff);
    const posted = await recordStatusUpdate(staff, target.id, { stage: 'in_progress', health: 'off_track', narrative: 'Delayed.', nextStep: 'Report' });
    const after = (await getDashboard(official))!;
    expect(after.latest[0]!.id).toBe(posted.id);
    expect(before.latest.map((u) => u.id)).not.toContain(posted.id);
    expect(after.health.off_track).toBe(before.health.off_track + (target.health === 'off_track' ? 0 : 1));
  });

  it('show a write made outside the app’s own functions (a script, another instance) on the next read', async () => {
    const before = (await getDashboard(official))!;
    expect(before.sectors.find((s) => s.slug === 'energy')!.name).not.toBe('Energy and power');
    await handle.db.execute(sql`update sectors set name = 'Energy and power' where slug = 'energy'`);
    const after = (await getDashboard(official))!;
    expect(after.sectors.find((s) => s.slug === 'energy')!.name).toBe('Energy and power');
  });

  it('move to a new revision once per committed transaction that changes what the dashboard shows, and for nothing else', async () => {
    const start = await revision();
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`update sectors set name = name where slug = 'energy'`);
      await tx.execute(sql`update commitments set title = title where reference = (select min(reference) from commitments)`);
      // Not raised before the commit: a reader in the meantime may still use what it holds.
      expect(await readFiguresRevision({ db: tx })).toBe(start);
    });
    expect(await revision()).toBe(start + 1);

    await handle.db
      .transaction(async (tx) => {
        await tx.execute(sql`update sectors set name = 'Never' where slug = 'energy'`);
        throw new Error('rolled back');
      })
      .catch(() => {});
    expect(await revision()).toBe(start + 1);

    // Signing in, and the session's activity, change no figure.
    await contextFor(handle, 'reviewer@agenda.test');
    await handle.db.execute(sql`update users set last_sign_in_at = now() where email = 'official@agenda.test'`);
    expect(await revision()).toBe(start + 1);

    // The latest updates name their authors.
    await handle.db.execute(sql`update users set name = 'Renamed Official' where email = 'official@agenda.test'`);
    expect(await revision()).toBe(start + 2);
  });

  it('are not served again when computing them failed, and concurrent readers share one computation', async () => {
    const cache = figuresCache(handle.db);
    let computed = 0;
    const failing = async () => {
      computed += 1;
      throw new Error('the database went away');
    };
    await expect(cache.read('failing', failing).then((r) => r.value)).rejects.toThrow('went away');
    await expect(cache.read('failing', failing).then((r) => r.value)).rejects.toThrow('went away');
    expect(computed).toBe(2);

    // A part that settles later (a streamed panel) and fails drops the entry too.
    let panelsComputed = 0;
    const withPanel = async () => {
      panelsComputed += 1;
      return { panel: Promise.reject(new Error('panel failed')) };
    };
    const first = await cache.read('panel', withPanel, (v) => v.panel);
    await first.value.then((v) => v.panel).catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 0));
    const second = await cache.read('panel', withPanel, (v) => v.panel);
    expect(second.reused).toBe(false);
    await second.value.then((v) => v.panel).catch(() => {});
    expect(panelsComputed).toBe(2);

    let shared = 0;
    const slow = async (now: Date) => {
      shared += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return todayIso(now);
    };
    const [a, b] = await Promise.all([cache.read('slow', slow), cache.read('slow', slow)]);
    expect(await a.value).toBe(await b.value);
    expect(shared).toBe(1);
    expect([a.reused, b.reused].sort()).toEqual([false, true]);
  });

  // PGlite has one connection: there, no second instance can open the same database.
  if (engine.name === 'postgres') {
    it('are never older, on one instance, than a write another instance has acknowledged', async () => {
      const other = wrapPostgres(postgres(handle.url!, { max: 2, onnotice: () => {} }), handle.url!);
      try {
        const otherStaff = await contextFor(other, 'staff@agenda.test');
        const held = (await getDashboard(official))!;
        expect(await openDashboard(official)).toBe(await openDashboard(official));
        const target = await reportable(handle, staff);
        const posted = await recordStatusUpdate(otherStaff, target.id, { stage: 'in_progress', health: 'on_track', narrative: 'From the other instance.', nextStep: 'Report' });
        const seen = (await getDashboard(official))!;
        expect(held.latest.map((u) => u.id)).not.toContain(posted.id);
        expect(seen.latest[0]!.id).toBe(posted.id);
      } finally {
        await other.close();
      }
    });

    it('let writers run side by side: the revision is taken only at each one’s commit', async () => {
      const other = wrapPostgres(postgres(handle.url!, { max: 1, onnotice: () => {} }), handle.url!);
      try {
        const start = await revision();
        let release!: () => void;
        let wrote!: () => void;
        const hold = new Promise<void>((resolve) => (release = resolve));
        const written = new Promise<void>((resolve) => (wrote = resolve));
        const first = handle.db.transaction(async (tx) => {
          await tx.execute(sql`update sectors set name = name where slug = 'energy'`);
          wrote();
          await hold;
        });
        await written;
        // The second writer commits while the first is still open; with a lock taken mid-transaction it would wait.
        await other.db.transaction(async (tx) => {
          await tx.execute(sql`set local lock_timeout = '2s'`);
          await tx.execute(sql`update sectors set name = name where slug = 'trade-investment'`);
        });
        expect(await revision()).toBe(start + 1);
        release();
        await first;
        expect(await revision()).toBe(start + 2);
      } finally {
        await other.close();
      }
    });
  }
});
