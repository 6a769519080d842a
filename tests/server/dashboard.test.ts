import { eq, TransactionRollbackError } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../../db/connect';
import {
  countByStage, healthCounts, latestUpdates, overdueCommitments, recentMoves, staleCommitments, weeklyStageCounts,
} from '../../db/queries/dashboard';
import { agendas, commitments, organisations, sectors, statusUpdates, users } from '../../db/schema';
import { listCommitments } from '../../db/queries/commitments';
import { parseCommitmentFilters } from '../../lib/domain/commitment-filters';
import { planWeeks } from '../../lib/domain/dashboard-series';
import { DAY_MS, isoDateToMs } from '../../lib/domain/dates';
import { type Health, type Stage, STAGES } from '../../lib/domain/stages';
import { testEngines } from '../support/databases';
import { FAKE_HASH } from '../support/fixtures';

// A small agenda whose every dashboard figure is worked out by hand in dashboard.test.ts.
// "Now" is 1 April 2026, 12:00 UTC; the agenda was signed on 1 January 2026.
const NOW = new Date('2026-04-01T12:00:00.000Z');

interface UpdateSpec {
  at: string;
  from: Stage;
  to: Stage;
  health?: Health;
}

interface CommitmentSpec {
  ref: string;
  sector: 'energy' | 'defence';
  agenda?: 'a' | 'b';
  createdAt: string;
  due?: string;
  stage: Stage;
  health: Health;
  updates: UpdateSpec[];
}

const SPECS: CommitmentSpec[] = [
  {
    ref: 'C1', sector: 'energy', createdAt: '2026-01-02T00:00:00Z', due: '2026-03-01', stage: 'agreed', health: 'off_track',
    updates: [
      { at: '2026-01-05T12:00:00Z', from: 'intent', to: 'agreed' },
      { at: '2026-01-20T12:00:00Z', from: 'agreed', to: 'agreed', health: 'at_risk' },
      { at: '2026-02-10T12:00:00Z', from: 'agreed', to: 'in_progress' },
      { at: '2026-03-20T12:00:00Z', from: 'in_progress', to: 'agreed', health: 'off_track' },
    ],
  },
  {
    ref: 'C2', sector: 'energy', createdAt: '2026-01-10T00:00:00Z', stage: 'achieved', health: 'on_track',
    updates: [
      { at: '2026-03-25T09:00:00Z', from: 'intent', to: 'measurable' },
      { at: '2026-03-28T09:00:00Z', from: 'measurable', to: 'achieved' },
    ],
  },
  { ref: 'C3', sector: 'defence', createdAt: '2026-02-15T00:00:00Z', due: '2026-02-28', stage: 'intent', health: 'on_track', updates: [] },
  {
    ref: 'C4', sector: 'defence', createdAt: '2026-01-03T00:00:00Z', due: '2026-04-01', stage: 'stalled', health: 'at_risk',
    updates: [{ at: '2026-03-26T10:00:00Z', from: 'intent', to: 'stalled', health: 'at_risk' }],
  },
  {
    // Silent for exactly 60 days: stale.
    ref: 'C6', sector: 'defence', createdAt: '2026-01-05T00:00:00Z', stage: 'agreed', health: 'on_track',
    updates: [{ at: '2026-01-31T12:00:00Z', from: 'intent', to: 'agreed' }],
  },
  {
    // One second short of 60 days: not stale.
    ref: 'C7', sector: 'defence', createdAt: '2026-01-06T00:00:00Z', stage: 'agreed', health: 'on_track',
    updates: [{ at: '2026-01-31T12:00:01Z', from: 'intent', to: 'agreed' }],
  },
  {
    // Dropped long ago and past due: neither overdue nor stale.
    ref: 'C8', sector: 'defence', createdAt: '2026-01-04T00:00:00Z', due: '2026-02-01', stage: 'dropped', health: 'off_track',
    updates: [{ at: '2026-01-10T00:00:00Z', from: 'intent', to: 'dropped', health: 'off_track' }],
  },
  {
    // Another agenda: must never show on agenda A's dashboard.
    ref: 'B1', agenda: 'b', sector: 'energy', createdAt: '2026-01-02T00:00:00Z', due: '2026-01-15', stage: 'agreed', health: 'on_track',
    updates: [{ at: '2026-03-30T10:00:00Z', from: 'intent', to: 'agreed' }],
  },
  {
    // Entered late, with an update dated before its creation: counted from its creation only.
    ref: 'B2', agenda: 'b', sector: 'defence', createdAt: '2026-03-01T00:00:00Z', stage: 'in_progress', health: 'on_track',
    updates: [
      { at: '2026-02-01T10:00:00Z', from: 'intent', to: 'agreed' },
      { at: '2026-03-10T12:00:00Z', from: 'agreed', to: 'in_progress' },
    ],
  },
];

async function insertDashboardFixture(db: Database) {
  const [agendaA, agendaB] = await db
    .insert(agendas)
    .values(
      (['a', 'b'] as const).map((k) => ({
        slug: `agenda-${k}`, title: `Agenda ${k.toUpperCase()}`, partyA: 'KZ', partyB: 'PK', signedOn: k === 'a' ? '2026-01-01' : '2025-12-01',
        place: 'Islamabad', sourceTitle: 'Declaration', sourceDocument: 'Test',
      })),
    )
    .returning();
  const sectorRows = await db
    .insert(sectors)
    .values([
      { slug: 'energy', name: 'Energy', colour: '#e69f00', position: 1 },
      { slug: 'defence', name: 'Defence', colour: '#332288', position: 2 },
      { slug: 'trade', name: 'Trade', colour: '#009e73', position: 3 },
    ])
    .returning();
  const sectorId = (slug: string) => sectorRows.find((s) => s.slug === slug)!.id;
  const [orgA, orgB] = await db.insert(organisations).values([{ name: 'Ministry A', country: 'KZ' }, { name: 'Ministry B', country: 'PK' }]).returning();
  const [author] = await db.insert(users).values({ email: 'author@agenda.test', name: 'Ada Author', role: 'admin', passwordHash: FAKE_HASH }).returning();

  const ids: Record<string, string> = {};
  for (const spec of SPECS) {
    const last = spec.updates.at(-1);
    const [row] = await db
      .insert(commitments)
      .values({
        agendaId: spec.agenda === 'b' ? agendaB!.id : agendaA!.id,
        sectorId: sectorId(spec.sector),
        reference: spec.ref,
        title: `Commitment ${spec.ref}`,
        sourcePassage: 'A passage',
        leadOrgAId: orgA!.id,
        leadOrgBId: orgB!.id,
        dueDate: spec.due ?? null,
        stage: spec.stage,
        health: spec.health,
        lastUpdateAt: last ? new Date(last.at) : null,
        createdAt: new Date(spec.createdAt),
        updatedAt: new Date(last?.at ?? spec.createdAt),
      })
      .returning();
    ids[spec.ref] = row!.id;
    if (spec.updates.length) {
      await db.insert(statusUpdates).values(
        spec.updates.map((u, i) => ({
          commitmentId: row!.id, sequence: i + 1, authorId: author!.id, createdAt: new Date(u.at),
          stageBefore: u.from, stageAfter: u.to, health: u.health ?? 'on_track',
        })),
      );
    }
  }
  return { agendaA: agendaA!, agendaB: agendaB!, sectorId, ids };
}

const sortRows = <T,>(rows: T[], key: (r: T) => string) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));

describe.each(testEngines())('dashboard aggregates on a hand-built agenda on $name', (engine) => {
  let handle: DatabaseHandle;
  let fx: Awaited<ReturnType<typeof insertDashboardFixture>>;
  beforeAll(async () => {
    handle = await engine.open();
    fx = await insertDashboardFixture(handle.db);
  });
  afterAll(() => handle.close());
  const scope = (sector?: string) => ({ db: handle.db, agendaId: fx.agendaA.id, sectorId: sector ? fx.sectorId(sector) : undefined });

  it('counts commitments per sector and stage, and per health, for one agenda only', async () => {
    const rows = await countByStage(scope());
    const named = rows.map((r) => `${r.sectorId === fx.sectorId('energy') ? 'energy' : 'defence'}:${r.stage}=${r.count}`).sort();
    expect(named).toEqual(['defence:agreed=2', 'defence:dropped=1', 'defence:intent=1', 'defence:stalled=1', 'energy:achieved=1', 'energy:agreed=1']);
    expect(sortRows(await healthCounts(scope()), (r) => r.health)).toEqual([
      { health: 'at_risk', count: 1 }, { health: 'off_track', count: 2 }, { health: 'on_track', count: 4 },
    ]);
    expect(await countByStage(scope('trade'))).toEqual([]);
  });

  it('lists overdue commitments (past due, not achieved or dropped; due today is not overdue), earliest first', async () => {
    const overdue = await overdueCommitments({ ...scope(), today: '2026-04-01' });
    expect(overdue.total).toBe(2);
    expect(overdue.items.map((c) => [c.reference, c.dueDate, c.sectorSlug])).toEqual([['C3', '2026-02-28', 'defence'], ['C1', '2026-03-01', 'energy']]);
    const limited = await overdueCommitments({ ...scope(), today: '2026-04-01', limit: 1 });
    expect([limited.items.length, limited.total]).toEqual([1, 2]);
    expect((await overdueCommitments({ ...scope('energy'), today: '2026-04-01' })).items.map((c) => c.reference)).toEqual(['C1']);
  });

  it('lists stale commitments: silent for exactly 60 days is stale, one second less is not, finished never', async () => {
    const stale = await staleCommitments({ ...scope(), now: NOW });
    expect(stale.items.map((c) => c.reference)).toEqual(['C6']);
    expect(stale.total).toBe(1);
    expect(stale.items[0]!.lastUpdateAt).toEqual(new Date('2026-01-31T12:00:00Z'));
    // A day later C7 is stale too; C3 (created 15 February, never updated) is not yet.
    expect((await staleCommitments({ ...scope(), now: new Date(NOW.getTime() + DAY_MS) })).items.map((c) => c.reference)).toEqual(['C6', 'C7']);
  });

  it('counts forward and backward moves per sector in the window, and commitments moved forward', async () => {
    const moves = await recentMoves({ ...scope(), since: new Date(NOW.getTime() - 30 * DAY_MS), until: NOW });
    expect(moves).toEqual([{ sectorId: fx.sectorId('energy'), forward: 2, backward: 1, forwardCommitments: 1 }]);
    // From 26 March on: only C2's two forward moves (stalling C4 is neither forward nor backward).
    const later = await recentMoves({ ...scope(), since: new Date('2026-03-21T00:00:00Z'), until: NOW });
    expect(later).toEqual([{ sectorId: fx.sectorId('energy'), forward: 2, backward: 0, forwardCommitments: 1 }]);
    expect(await recentMoves({ ...scope('defence'), since: new Date(NOW.getTime() - 30 * DAY_MS), until: NOW })).toEqual([]);
  });

  it('gives the latest updates, newest first, with author and stage move', async () => {
    const latest = await latestUpdates({ ...scope(), limit: 10 });
    expect(latest.map((u) => `${u.reference}#${u.sequence}`)).toEqual([
      'C2#2', 'C4#1', 'C2#1', 'C1#4', 'C1#3', 'C7#1', 'C6#1', 'C1#2', 'C8#1', 'C1#1',
    ]);
    expect(latest[0]).toMatchObject({ stageBefore: 'measurable', stageAfter: 'achieved', authorName: 'Ada Author', title: 'Commitment C2' });
    expect(latest[0]!.createdAt).toEqual(new Date('2026-03-28T09:00:00Z'));
    expect((await latestUpdates({ ...scope(), limit: 3 })).map((u) => `${u.reference}#${u.sequence}`)).toEqual(['C2#2', 'C4#1', 'C2#1']);
    expect((await latestUpdates({ ...scope('trade') }))).toEqual([]);
  });

  it('counts commitments per stage week by week, with moves back, same-stage updates and late-created commitments', async () => {
    const plan = planWeeks({ signedOn: '2026-01-01', now: NOW });
    expect(plan.labels).toHaveLength(14);
    const rows = await weeklyStageCounts({ ...scope(), from: plan.from, to: plan.to, stepDays: plan.stepDays });
    const byBucket = new Map<number, string>();
    for (const r of rows) byBucket.set(r.bucket, `${byBucket.get(r.bucket) ?? ''}${r.stage}=${r.count} `);
    const expected = [
      'intent=1',
      'intent=4 agreed=1',
      'intent=4 agreed=1 dropped=1',
      'intent=4 agreed=1 dropped=1',
      'intent=4 agreed=1 dropped=1',
      'intent=2 agreed=3 dropped=1',
      'intent=2 agreed=2 in_progress=1 dropped=1',
      ...Array(5).fill('intent=3 agreed=2 in_progress=1 dropped=1'),
      'intent=1 agreed=3 measurable=1 stalled=1 dropped=1',
      'intent=1 agreed=3 achieved=1 stalled=1 dropped=1',
    ];
    expect(Array.from({ length: 14 }, (_, k) => (byBucket.get(k) ?? '').trim())).toEqual(expected);
  });

  it('narrows the weekly counts to one sector, and gives nothing for a sector with no commitments', async () => {
    const plan = planWeeks({ signedOn: '2026-01-01', now: NOW });
    const args = { from: plan.from, to: plan.to, stepDays: plan.stepDays };
    const defence = await weeklyStageCounts({ ...scope('defence'), ...args });
    expect(defence.filter((r) => r.bucket === 13).map((r) => `${r.stage}=${r.count}`)).toEqual(['intent=1', 'agreed=2', 'stalled=1', 'dropped=1']);
    expect(await weeklyStageCounts({ ...scope('trade'), ...args })).toEqual([]);
  });

  it('counts a commitment from its creation, even when an update is dated earlier', async () => {
    const plan = planWeeks({ signedOn: '2025-12-01', now: NOW });
    const rows = await weeklyStageCounts({ db: handle.db, agendaId: fx.agendaB.id, from: plan.from, to: plan.to, stepDays: plan.stepDays });
    const at = (k: number) => (k === plan.labels.length - 1 ? NOW.getTime() : isoDateToMs(plan.labels[k]!) + DAY_MS);
    const expected = plan.labels.map((_, k) => {
      const t = at(k);
      const counts: string[] = [];
      const b1 = t < Date.parse('2026-01-02T00:00:00Z') ? null : t < Date.parse('2026-03-30T10:00:00Z') ? 'intent' : 'agreed';
      const b2 = t < Date.parse('2026-03-01T00:00:00Z') ? null : t < Date.parse('2026-03-10T12:00:00Z') ? 'agreed' : 'in_progress';
      for (const stage of ['intent', 'agreed', 'in_progress']) {
        const n = [b1, b2].filter((s) => s === stage).length;
        if (n) counts.push(`${stage}=${n}`);
      }
      return counts.join(' ');
    });
    const actual = plan.labels.map((_, k) => rows.filter((r) => r.bucket === k).map((r) => `${r.stage}=${r.count}`).join(' '));
    expect(actual).toEqual(expected);
    expect(actual.at(-1)).toBe('agreed=1 in_progress=1');
    expect(actual).toContain('intent=1 agreed=1');
  });

  it('follows a commitment moved to another sector or created at another time, within the same transaction', async () => {
    const plan = planWeeks({ signedOn: '2026-01-01', now: NOW });
    const args = { from: plan.from, to: plan.to, stepDays: plan.stepDays };
    const week = (rows: { bucket: number; stage: string; count: number }[], k: number) =>
      rows.filter((r) => r.bucket === k).map((r) => `${r.stage}=${r.count}`).join(' ');
    const counts = async (db: Database, sector: string) =>
      weeklyStageCounts({ db, agendaId: fx.agendaA.id, sectorId: fx.sectorId(sector), ...args });
    const energyBefore = await counts(handle.db, 'energy');
    expect(week(energyBefore, 13)).toBe('agreed=1 achieved=1');

    // C1 (agreed now) moves from energy to defence, and its creation to 1 March: its whole history follows.
    await handle.db
      .transaction(async (tx) => {
        await tx.update(commitments).set({ sectorId: fx.sectorId('defence'), createdAt: new Date('2026-03-01T00:00:00Z') }).where(eq(commitments.id, fx.ids.C1!));
        const energy = await counts(tx, 'energy');
        const defence = await counts(tx, 'defence');
        expect(week(energy, 13)).toBe('achieved=1');
        expect(week(defence, 13)).toBe('intent=1 agreed=3 stalled=1 dropped=1');
        // Point 8 (27 February) is before C1 existed; from point 9 (6 March) it holds the stage of its
        // latest update by then (in progress, since 10 February).
        expect(week(defence, 8)).toBe('intent=2 agreed=2 dropped=1');
        expect(week(defence, 9)).toBe('intent=2 agreed=2 in_progress=1 dropped=1');
        tx.rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof TransactionRollbackError)) throw error;
      });
    // Rolled back: the events went back with the commitment.
    expect(await counts(handle.db, 'energy')).toEqual(energyBefore);
  });

  it('opens each weekly figure as a list: the commitments in that stage at the end of that day', async () => {
    const plan = planWeeks({ signedOn: '2026-01-01', now: NOW });
    const rows = await weeklyStageCounts({ ...scope(), from: plan.from, to: plan.to, stepDays: plan.stepDays });
    const base = parseCommitmentFilters({ agenda: 'agenda-a', pageSize: '100' });
    if (!base.ok) throw new Error('bad filters');
    // Every past point (the last is now, which the list shows without asOf), every stage.
    for (let k = 0; k < plan.labels.length - 1; k++) {
      const asOf = plan.labels[k]!;
      for (const stage of STAGES) {
        const expected = rows.find((r) => r.bucket === k && r.stage === stage)?.count ?? 0;
        const { total } = await listCommitments({ db: handle.db, filters: { ...base.filters, asOf, stage: [stage] } });
        expect(total, `${asOf} ${stage}`).toBe(expected);
      }
      const all = await listCommitments({ db: handle.db, filters: { ...base.filters, asOf } });
      expect(all.total, asOf).toBe(rows.filter((r) => r.bucket === k).reduce((n, r) => n + r.count, 0));
    }
    // C1 was in progress at the end of 10 February, and is agreed now.
    const then = await listCommitments({ db: handle.db, filters: { ...base.filters, asOf: '2026-02-10', stage: ['in_progress'] } });
    expect(then.items.map((c) => `${c.reference}:${c.stage}`)).toEqual(['C1:agreed']);
  });

  it('refuses weekly counts whose points would not fall on midnights', async () => {
    await expect(weeklyStageCounts({ ...scope(), from: new Date('2026-01-02T06:00:00Z'), to: NOW })).rejects.toThrow(RangeError);
    await expect(weeklyStageCounts({ ...scope(), from: new Date('2026-01-02T00:00:00Z'), to: NOW, stepDays: 1.5 })).rejects.toThrow(RangeError);
  });

  it('gives a single bucket for an agenda signed today', async () => {
    const now = new Date('2026-01-01T15:00:00Z');
    const plan = planWeeks({ signedOn: '2026-01-01', now });
    const rows = await weeklyStageCounts({ db: handle.db, agendaId: fx.agendaB.id, from: plan.from, to: now });
    // B1 was created on 2 January: not there yet.
    expect(rows).toEqual([]);
    const later = new Date('2026-01-02T06:00:00Z');
    const plan2 = planWeeks({ signedOn: '2026-01-02', now: later });
    expect(plan2.labels).toEqual(['2026-01-02']);
    expect(await weeklyStageCounts({ db: handle.db, agendaId: fx.agendaB.id, from: plan2.from, to: later })).toEqual([{ bucket: 0, stage: 'intent', count: 1 }]);
  });
});
