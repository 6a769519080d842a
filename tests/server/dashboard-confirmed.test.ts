import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../../db/connect';
import { listCommitments } from '../../db/queries/commitments';
import { refreshConfirmedStage } from '../../db/queries/confirmations';
import { confirmationFigures, countByStage, healthCounts, recentMoves, weeklyStageCounts } from '../../db/queries/dashboard';
import { agendas, commitments, organisations, sectors, statusUpdates, updateConfirmations, users } from '../../db/schema';
import { parseCommitmentFilters } from '../../lib/domain/commitment-filters';
import type { DashboardView } from '../../lib/domain/confirmation';
import { buildHeadline, planWeeks } from '../../lib/domain/dashboard-series';
import { buildStageMatrix } from '../../lib/domain/stage-matrix';
import type { Health, Stage } from '../../lib/domain/stages';
import { testEngines } from '../support/databases';
import { FAKE_HASH } from '../support/fixtures';

// A small agenda whose two views are worked out by hand. "Now" is 1 April 2026, 12:00 UTC.
const NOW = new Date('2026-04-01T12:00:00.000Z');

interface Step {
  at: string;
  from: Stage;
  to: Stage;
  health?: Health;
  /** The other side's decision and when; absent: awaiting. */
  decided?: { as: 'confirmed' | 'disputed'; at: string };
}

const SPECS: { ref: string; sector: 'energy' | 'defence'; steps: Step[] }[] = [
  {
    // A dispute settled by a later update that is confirmed: confirmed stage measurable.
    ref: 'K1', sector: 'energy', steps: [
      { at: '2026-01-05T12:00:00Z', from: 'intent', to: 'agreed', decided: { as: 'confirmed', at: '2026-01-07T12:00:00Z' } },
      { at: '2026-02-10T12:00:00Z', from: 'agreed', to: 'in_progress', decided: { as: 'disputed', at: '2026-02-12T12:00:00Z' } },
      { at: '2026-03-20T12:00:00Z', from: 'in_progress', to: 'measurable', decided: { as: 'confirmed', at: '2026-03-25T12:00:00Z' } },
    ],
  },
  // No confirmed update: the confirmed stage is the creation's intent.
  { ref: 'K2', sector: 'energy', steps: [{ at: '2026-03-28T12:00:00Z', from: 'intent', to: 'agreed' }] },
  {
    // A dispute still open: reported in progress and off track, confirmed agreed and on track.
    ref: 'K3', sector: 'defence', steps: [
      { at: '2026-01-10T12:00:00Z', from: 'intent', to: 'agreed', decided: { as: 'confirmed', at: '2026-01-12T12:00:00Z' } },
      { at: '2026-03-15T12:00:00Z', from: 'agreed', to: 'in_progress', health: 'off_track', decided: { as: 'disputed', at: '2026-03-17T12:00:00Z' } },
    ],
  },
  {
    // Decided out of order: the later update first; confirming the earlier one then changes nothing.
    ref: 'K4', sector: 'defence', steps: [
      { at: '2026-02-01T12:00:00Z', from: 'intent', to: 'agreed', decided: { as: 'confirmed', at: '2026-03-05T12:00:00Z' } },
      { at: '2026-02-20T12:00:00Z', from: 'agreed', to: 'in_progress', decided: { as: 'confirmed', at: '2026-02-22T12:00:00Z' } },
    ],
  },
];

async function insertFixture(db: Database) {
  const [agenda] = await db.insert(agendas).values({
    slug: 'two-views', title: 'Two views', partyA: 'KZ', partyB: 'PK', signedOn: '2026-01-01', place: 'Islamabad', sourceTitle: 'D', sourceDocument: 'T',
  }).returning();
  const sectorRows = await db.insert(sectors).values([
    { slug: 'energy', name: 'Energy', colour: '#e69f00', position: 1 },
    { slug: 'defence', name: 'Defence', colour: '#332288', position: 2 },
  ]).returning();
  const sectorId = (slug: string) => sectorRows.find((s) => s.slug === slug)!.id;
  const [orgA, orgB] = await db.insert(organisations).values([{ name: 'Ministry A', country: 'KZ' }, { name: 'Ministry B', country: 'PK' }]).returning();
  const [author, decider] = await db.insert(users).values([
    { email: 'kz@agenda.test', name: 'KZ staff', role: 'staff', organisationId: orgA!.id, passwordHash: FAKE_HASH },
    { email: 'pk@agenda.test', name: 'PK staff', role: 'staff', organisationId: orgB!.id, passwordHash: FAKE_HASH },
  ]).returning();
  for (const spec of SPECS) {
    const last = spec.steps.at(-1)!;
    const [c] = await db.insert(commitments).values({
      agendaId: agenda!.id, sectorId: sectorId(spec.sector), reference: spec.ref, title: spec.ref, sourcePassage: 'P',
      leadOrgAId: orgA!.id, leadOrgBId: orgB!.id, stage: last.to, health: last.health ?? 'on_track',
      lastUpdateAt: new Date(last.at), createdAt: new Date('2026-01-02T00:00:00Z'),
    }).returning();
    const updates = await db.insert(statusUpdates).values(spec.steps.map((s, i) => ({
      commitmentId: c!.id, sequence: i + 1, authorId: author!.id, createdAt: new Date(s.at), stageBefore: s.from, stageAfter: s.to,
      health: s.health ?? 'on_track', party: 'a',
    }))).returning();
    await db.insert(updateConfirmations).values(spec.steps.map((s, i) => ({
      statusUpdateId: updates[i]!.id, commitmentId: c!.id, sequence: i + 1, requestedAt: new Date(s.at),
      decision: s.decided?.as ?? null, decidedById: s.decided ? decider!.id : null, decidedAt: s.decided ? new Date(s.decided.at) : null,
      note: s.decided?.as === 'disputed' ? 'We do not see this on our side of the work.' : null,
    })));
  }
  await refreshConfirmedStage({ db, commitmentIds: 'all' });
  return { agendaId: agenda!.id, sectors: sectorRows, sectorId };
}

describe.each(testEngines())('the reported and the confirmed view on $name', (engine) => {
  let handle: DatabaseHandle;
  let fx: Awaited<ReturnType<typeof insertFixture>>;
  beforeAll(async () => {
    handle = await engine.open();
    fx = await insertFixture(handle.db);
  });
  afterAll(() => handle.close());
  const q = (view: DashboardView) => ({ db: handle.db, agendaId: fx.agendaId, view });
  const named = (rows: { sectorId: string; stage: string; count: number }[]) =>
    rows.map((r) => `${r.sectorId === fx.sectorId('energy') ? 'energy' : 'defence'}:${r.stage}=${r.count}`).sort();

  it('derives each commitment’s confirmed stage and health from the decisions', async () => {
    const parsed = parseCommitmentFilters({ sort: 'reference' });
    if (!parsed.ok) throw new Error('bad filter');
    const { items } = await listCommitments({ db: handle.db, filters: parsed.filters });
    expect(items.map((c) => [c.reference, c.stage, c.confirmedStage, c.confirmedHealth, c.awaitingConfirmation, c.disputed])).toEqual([
      ['K1', 'measurable', 'measurable', 'on_track', 0, false],
      ['K2', 'agreed', 'intent', 'on_track', 1, false],
      ['K3', 'in_progress', 'agreed', 'on_track', 0, true],
      ['K4', 'in_progress', 'in_progress', 'on_track', 0, false],
    ]);
  });

  it('filters the list by confirmation', async () => {
    const refs = async (confirmation: string) => {
      const parsed = parseCommitmentFilters({ confirmation, sort: 'reference' });
      if (!parsed.ok) throw new Error('bad filter');
      return (await listCommitments({ db: handle.db, filters: parsed.filters })).items.map((c) => c.reference);
    };
    expect(await refs('awaiting')).toEqual(['K2']);
    expect(await refs('disputed')).toEqual(['K3']);
    expect(await refs('confirmed')).toEqual(['K1', 'K4']);
    expect(parseCommitmentFilters({ confirmation: 'maybe' }).ok).toBe(false);
  });

  it('opens a confirmed-view figure as the list of the commitments behind it', async () => {
    const refs = async (query: Record<string, string>) => {
      const parsed = parseCommitmentFilters({ ...query, sort: 'reference' });
      if (!parsed.ok) throw new Error('bad filter');
      return (await listCommitments({ db: handle.db, filters: parsed.filters })).items.map((c) => c.reference);
    };
    expect(await refs({ stage: 'intent' })).toEqual([]);
    expect(await refs({ stage: 'intent', view: 'confirmed' })).toEqual(['K2']);
    expect(await refs({ stage: 'agreed', view: 'confirmed' })).toEqual(['K3']);
    expect(await refs({ health: 'off_track', view: 'confirmed' })).toEqual([]);
    expect(await refs({ health: 'off_track' })).toEqual(['K3']);
    // As at the end of 21 February, K4 was still intent in the confirmed view (confirmed on the 22nd).
    expect(await refs({ stage: 'in_progress', view: 'confirmed', asOf: '2026-02-21' })).toEqual([]);
    expect(await refs({ stage: 'in_progress', view: 'confirmed', asOf: '2026-02-22' })).toEqual(['K4']);
  });

  it('counts stages and health in either view', async () => {
    expect(named(await countByStage(q('reported')))).toEqual(['defence:in_progress=2', 'energy:agreed=1', 'energy:measurable=1']);
    expect(named(await countByStage(q('confirmed')))).toEqual(['defence:agreed=1', 'defence:in_progress=1', 'energy:intent=1', 'energy:measurable=1']);
    const health = async (view: DashboardView) => Object.fromEntries((await healthCounts(q(view))).map((r) => [r.health, r.count]));
    expect(await health('reported')).toEqual({ on_track: 3, off_track: 1 });
    expect(await health('confirmed')).toEqual({ on_track: 4 });
  });

  it('counts moves when they were reported, or when they were confirmed', async () => {
    const since = new Date('2026-03-02T12:00:00Z');
    const moves = async (view: DashboardView) =>
      Object.fromEntries((await recentMoves({ ...q(view), since, until: NOW })).map((r) => [r.sectorId === fx.sectorId('energy') ? 'energy' : 'defence', r.forward]));
    expect(await moves('reported')).toEqual({ energy: 2, defence: 1 });
    // K1's confirmation on 25 March; K4's earlier update, confirmed on 5 March, moved nothing.
    expect(await moves('confirmed')).toEqual({ energy: 1 });
  });

  it('ends the movement chart on the stage counts of its view', async () => {
    const weeks = planWeeks({ signedOn: '2026-01-01', now: NOW });
    for (const view of ['reported', 'confirmed'] as const) {
      const rows = await weeklyStageCounts({ ...q(view), from: weeks.from, to: weeks.to, stepDays: weeks.stepDays });
      const last = Math.max(...rows.map((r) => r.bucket));
      const final = Object.fromEntries(rows.filter((r) => r.bucket === last).map((r) => [r.stage, r.count]));
      const totals = buildStageMatrix(fx.sectors, await countByStage(q(view))).totals;
      expect(final).toEqual(Object.fromEntries(Object.entries(totals).filter(([, n]) => n > 0)));
    }
    // In the confirmed view, K4 is in progress only from its confirmation on 22 February.
    const rows = await weeklyStageCounts({ ...q('confirmed'), from: weeks.from, to: new Date('2026-02-21T00:00:00Z'), stepDays: 1 });
    const lastDay = Math.max(...rows.map((r) => r.bucket));
    expect(rows.filter((r) => r.bucket === lastDay && r.stage === 'in_progress')).toEqual([]);
  });

  it('gives the awaiting and disputed figures, with the oldest awaiting update’s age', async () => {
    const figures = await confirmationFigures(q('reported'));
    expect(figures).toEqual({ awaiting: 1, oldestAwaitingAt: new Date('2026-03-28T12:00:00Z'), disputed: 1 });
    const headline = buildHeadline({ totals: buildStageMatrix(fx.sectors, await countByStage(q('confirmed'))).totals, movedForward: 1, overdue: 0, stale: 0, confirmations: figures, now: NOW });
    expect(headline).toMatchObject({ total: 4, advanced: 1, awaiting: 1, oldestAwaitingDays: 4, disputed: 1 });
  });
});
