import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect';
import { selectRows } from '../../db/rows';
import { DAY_MS, isoDateToMs, todayIso } from '../../lib/domain/dates';
import { isOverdue, isStale } from '../../lib/domain/freshness';
import { HEALTHS, isBackwardMove, isForwardMove, STAGES, type Health, type Stage } from '../../lib/domain/stages';
import { contextFromHeaders } from '../../lib/server/context';
import { type Dashboard, getDashboard, LATEST_LIMIT, LIST_LIMIT, SECTOR_TABLE_LIMIT, sectorExists } from '../../lib/server/dashboard';
import { recordStatusUpdate } from '../../lib/server/status-updates';
import { sessionCookieFor, useDatabase } from '../support/app';
import { openSeeded, testEngines } from '../support/seeded';

// The seeded demo history runs up to 27 November 2026; noon that day is "now" for the comparison.
const NOW = new Date('2026-11-27T12:00:00.000Z');

interface C { id: string; sectorId: string; sectorSlug: string; stage: Stage; health: Health; dueDate: string | null; lastUpdateAt: Date | null; createdAt: Date }
interface U { commitmentId: string; sequence: number; createdAt: Date; stageBefore: Stage; stageAfter: Stage; authorName: string }

/** The dashboard's figures worked out the slow, obvious way: every row loaded, counted in loops. */
async function slowDashboard(handle: DatabaseHandle, sectorSlug?: string) {
  const [agenda] = await selectRows<{ id: string }>(handle.db, sql`select id from agendas order by signed_on desc limit 1`);
  let cs = await selectRows<C>(
    handle.db,
    sql`select c.id, c.sector_id as "sectorId", s.slug as "sectorSlug", c.stage, c.health, c.due_date::text as "dueDate",
               c.last_update_at as "lastUpdateAt", c.created_at as "createdAt"
          from commitments c join sectors s on s.id = c.sector_id where c.agenda_id = ${agenda!.id}`,
  );
  if (sectorSlug) cs = cs.filter((c) => c.sectorSlug === sectorSlug);
  const ids = new Set(cs.map((c) => c.id));
  const us = (
    await selectRows<U>(
      handle.db,
      sql`select u.commitment_id as "commitmentId", u.sequence, u.created_at as "createdAt", u.stage_before as "stageBefore",
                 u.stage_after as "stageAfter", a.name as "authorName"
            from status_updates u join users a on a.id = u.author_id`,
    )
  ).filter((u) => ids.has(u.commitmentId));
  const time = (d: Date | string) => new Date(d).getTime();

  const stageCounts: Record<string, number> = {};
  const health = Object.fromEntries(HEALTHS.map((h) => [h, 0]));
  for (const c of cs) {
    stageCounts[`${c.sectorSlug}:${c.stage}`] = (stageCounts[`${c.sectorSlug}:${c.stage}`] ?? 0) + 1;
    health[c.health]! += 1;
  }
  const today = todayIso(NOW);
  const overdue = cs.filter((c) => isOverdue(c, today)).length;
  const stale = cs.filter((c) => isStale(c, NOW)).length;

  const since = NOW.getTime() - 30 * DAY_MS;
  const sectorOf = new Map(cs.map((c) => [c.id, c.sectorSlug]));
  const moves: Record<string, { forward: number; backward: number }> = {};
  const movedForward = new Set<string>();
  for (const u of us) {
    const t = time(u.createdAt);
    if (t < since || t > NOW.getTime()) continue;
    const m = (moves[sectorOf.get(u.commitmentId)!] ??= { forward: 0, backward: 0 });
    if (isForwardMove(u.stageBefore, u.stageAfter)) {
      m.forward += 1;
      movedForward.add(u.commitmentId);
    }
    if (isBackwardMove(u.stageBefore, u.stageAfter)) m.backward += 1;
  }

  // Stage at an instant: the stage_after of the latest update created by then, else intent.
  const stageAt = (c: C, at: number): Stage | undefined => {
    if (time(c.createdAt) > at) return undefined;
    let latest: U | undefined;
    for (const u of us) if (u.commitmentId === c.id && time(u.createdAt) <= at && (!latest || u.sequence > latest.sequence)) latest = u;
    return latest ? latest.stageAfter : 'intent';
  };

  const latest = [...us].sort((a, b) => time(b.createdAt) - time(a.createdAt) || b.sequence - a.sequence).slice(0, LATEST_LIMIT);
  return { cs, us, stageCounts, health, overdue, stale, moves, movedForward: movedForward.size, stageAt, latest };
}

function checkAgreement(d: Dashboard, slow: Awaited<ReturnType<typeof slowDashboard>>) {
  const counts: Record<string, number> = {};
  for (const row of d.matrix.rows) for (const s of STAGES) if (row.counts[s]) counts[`${row.sector.slug}:${s}`] = row.counts[s];
  expect(counts).toEqual(slow.stageCounts);
  expect(d.health).toEqual(slow.health);
  expect(d.headline.total).toBe(slow.cs.length);
  expect(d.headline.advanced).toBe(slow.cs.filter((c) => c.stage === 'measurable' || c.stage === 'achieved').length);
  expect(d.headline.overdue).toBe(slow.overdue);
  expect(d.headline.stale).toBe(slow.stale);
  expect(d.headline.movedForward).toBe(slow.movedForward);
  const moves: Record<string, { forward: number; backward: number }> = {};
  for (const r of d.moves.rows) if (r.forward || r.backward) moves[r.slug] = { forward: r.forward, backward: r.backward };
  expect(moves).toEqual(Object.fromEntries(Object.entries(slow.moves).filter(([, m]) => m.forward || m.backward)));
  // Week by week: the instant each point stands for is the end of its labelled day, the last is now.
  expect(d.movement).toHaveLength(d.weeks.labels.length);
  d.movement.forEach((point, k) => {
    const at = k === d.movement.length - 1 ? NOW.getTime() : isoDateToMs(point.date) + DAY_MS;
    const expected = Object.fromEntries(STAGES.map((s) => [s, 0]));
    for (const c of slow.cs) {
      const stage = slow.stageAt(c, at);
      if (stage) expected[stage]! += 1;
    }
    expect({ date: point.date, ...Object.fromEntries(STAGES.map((s) => [s, point[s]])) }).toEqual({ date: point.date, ...expected });
  });
  expect(d.latest.map((u) => [u.commitmentId, u.sequence, u.authorName])).toEqual(slow.latest.map((u) => [u.commitmentId, u.sequence, u.authorName]));
  // The lists stay short whatever the data; their totals (for the links to the full list) stay whole.
  expect(d.overdue.total).toBe(slow.overdue);
  expect(d.overdue.items).toHaveLength(Math.min(LIST_LIMIT, slow.overdue));
  expect(d.stale.total).toBe(slow.stale);
  expect(d.stale.items).toHaveLength(Math.min(LIST_LIMIT, slow.stale));
  expect(d.latest).toHaveLength(Math.min(LATEST_LIMIT, slow.us.length));
}

describe.each(testEngines())('the dashboard agrees with a slow count over the demo data on $name', (engine) => {
  let handle: DatabaseHandle;
  let cookie: string;
  beforeAll(async () => {
    handle = await openSeeded(engine);
    useDatabase(handle);
    cookie = await sessionCookieFor(handle, 'official@agenda.test');
  });
  afterAll(() => handle.close());
  const context = async () => contextFromHeaders(new Headers({ cookie }), handle.db);

  it('for the whole agenda', async () => {
    const slow = await slowDashboard(handle);
    expect(slow.us.length).toBeGreaterThan(50);
    const d = (await getDashboard(await context(), { now: NOW }))!;
    expect(d.movement.length).toBeGreaterThan(40);
    expect(d.headline.total).toBeGreaterThan(10);
    checkAgreement(d, slow);
  });

  it('for one sector', async () => {
    const d = (await getDashboard(await context(), { now: NOW, sectorSlug: 'trade-investment' }))!;
    expect(d.sector?.slug).toBe('trade-investment');
    expect(d.matrix.rows.map((r) => r.sector.slug)).toEqual(['trade-investment']);
    checkAgreement(d, await slowDashboard(handle, 'trade-investment'));
    expect(d.commitments!.items.every((c) => c.sectorSlug === 'trade-investment')).toBe(true);
    expect(d.commitments!.total).toBe(d.headline.total);
    expect(d.commitments!.items).toHaveLength(Math.min(SECTOR_TABLE_LIMIT, d.headline.total));
  });

  it('refuses an unknown sector with not_found, and a reader without a session with unauthenticated', async () => {
    await expect(getDashboard(await context(), { sectorSlug: 'no-such-sector' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(getDashboard(await contextFromHeaders(new Headers(), handle.db))).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(await sectorExists(await context(), 'energy')).toBe(true);
    expect(await sectorExists(await context(), 'no-such-sector')).toBe(false);
    await expect(sectorExists(await contextFromHeaders(new Headers(), handle.db), 'energy')).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});

describe.each(testEngines())('a status update changes the dashboard at once on $name', (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openSeeded(engine);
    useDatabase(handle);
  });
  afterAll(() => handle.close());

  it('moves the commitment in the pipeline, the moves, the movement chart and the latest updates', async () => {
    const official = await contextFromHeaders(new Headers({ cookie: await sessionCookieFor(handle, 'official@agenda.test') }), handle.db);
    const staff = await contextFromHeaders(new Headers({ cookie: await sessionCookieFor(handle, 'staff@agenda.test') }), handle.db);
    // A commitment the staff member's ministry leads, in progress, with an indicator to report on.
    const [target] = await selectRows<{ id: string; stage: Stage; health: Health; slug: string; indicatorId: string; baseline: number }>(
      handle.db,
      sql`select c.id, c.stage, c.health, s.slug, i.id as "indicatorId", i.baseline_value as baseline
            from commitments c join sectors s on s.id = c.sector_id join indicators i on i.commitment_id = c.id
           where (c.lead_org_a_id = ${staff.viewer!.organisationId} or c.lead_org_b_id = ${staff.viewer!.organisationId})
             and c.stage = 'in_progress' order by c.reference, i.position limit 1`,
    );
    expect(target).toBeDefined();

    const before = (await getDashboard(official))!;
    // In progress -> measurable: a forward move, with a reading off the baseline and an evidence link.
    const posted = await recordStatusUpdate(staff, target!.id, {
      stage: 'measurable', health: 'at_risk', narrative: 'First figures are in.', nextStep: 'Next report',
      readings: [{ indicatorId: target!.indicatorId, value: target!.baseline + 1, asOf: todayIso() }],
      evidence: ['https://demo.agenda.test/evidence/first-figures'],
    });
    const after = (await getDashboard(official))!;

    expect(after.matrix.totals[target!.stage]).toBe(before.matrix.totals[target!.stage] - 1);
    expect(after.matrix.totals.measurable).toBe(before.matrix.totals.measurable + 1);
    expect(after.headline.advanced).toBe(before.headline.advanced + 1);
    expect(after.moves.forward).toBe(before.moves.forward + 1);
    expect(after.health.at_risk).toBe(before.health.at_risk + (target!.health === 'at_risk' ? 0 : 1));
    expect(after.health[target!.health]).toBe(before.health[target!.health] - (target!.health === 'at_risk' ? 0 : 1));
    expect(after.movement.at(-1)!.measurable).toBe(before.movement.at(-1)!.measurable + 1);
    expect(after.movement.at(-1)!.in_progress).toBe(before.movement.at(-1)!.in_progress - 1);
    expect(after.latest[0]).toMatchObject({ id: posted.id, commitmentId: target!.id, stageBefore: 'in_progress', stageAfter: 'measurable' });
    const sectorRow = (d: Dashboard) => d.moves.rows.find((r) => r.slug === target!.slug)!.forward;
    expect(sectorRow(after)).toBe(sectorRow(before) + 1);
  });
});
