import { describe, expect, it } from 'vitest';
import {
  buildHeadline, buildHealthCounts, buildMoveSeries, buildStageSeries, capSeries, MAX_POINTS, pipelineSeries, planWeeks,
} from '../../lib/domain/dashboard-series';
import { buildStageMatrix, emptyStageCounts } from '../../lib/domain/stage-matrix';
import { STAGES } from '../../lib/domain/stages';

const energy = { id: 's1', slug: 'energy', name: 'Energy', colour: '#e69f00' };
const defence = { id: 's2', slug: 'defence', name: 'Defence', colour: '#332288' };

describe('planWeeks', () => {
  it('puts a point at the end of the signing day and every 7 days after, then one at now', () => {
    const plan = planWeeks({ signedOn: '2026-02-04', now: new Date('2026-02-20T10:00:00Z') });
    expect(plan.from.toISOString()).toBe('2026-02-05T00:00:00.000Z');
    expect(plan.stepDays).toBe(7);
    // Ends of 4 Feb, 11 Feb, 18 Feb, then now (20 Feb).
    expect(plan.labels).toEqual(['2026-02-04', '2026-02-11', '2026-02-18', '2026-02-20']);
  });

  it('does not repeat a grid point that falls exactly on now', () => {
    const plan = planWeeks({ signedOn: '2026-02-04', now: new Date('2026-02-12T00:00:00Z') });
    expect(plan.labels).toEqual(['2026-02-04', '2026-02-12']);
  });

  it('gives one point, today, for an agenda signed today (or later)', () => {
    expect(planWeeks({ signedOn: '2026-11-27', now: new Date('2026-11-27T09:30:00Z') }).labels).toEqual(['2026-11-27']);
    expect(planWeeks({ signedOn: '2027-01-01', now: new Date('2026-11-27T09:30:00Z') }).labels).toEqual(['2026-11-27']);
  });

  it('widens the buckets so that a long span never has more than 500 points', () => {
    const plan = planWeeks({ signedOn: '2000-01-01', now: new Date('2026-11-27T12:00:00Z') });
    expect(plan.labels.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(plan.labels.length).toBeGreaterThan(MAX_POINTS / 2);
    expect(plan.stepDays % 7).toBe(0);
    expect(plan.stepDays).toBeGreaterThan(7);
    expect(plan.labels.at(-1)).toBe('2026-11-27');
    const small = planWeeks({ signedOn: '2026-01-01', now: new Date('2026-11-27T12:00:00Z'), maxPoints: 10 });
    expect(small.labels.length).toBeLessThanOrEqual(10);
  });
});

describe('buildStageSeries', () => {
  const plan = planWeeks({ signedOn: '2026-02-04', now: new Date('2026-03-01T12:00:00Z') });

  it('fills weeks and stages with no rows with zeros, stages in STAGES order', () => {
    const series = buildStageSeries(plan, [{ bucket: 2, stage: 'agreed', count: 3 }]);
    expect(series).toHaveLength(plan.labels.length);
    expect(series[0]).toMatchObject({ date: '2026-02-04', total: 0, ...emptyStageCounts() });
    expect(series[2]).toMatchObject({ agreed: 3, total: 3, intent: 0 });
    expect(Object.keys(series[1]!).filter((k) => (STAGES as readonly string[]).includes(k))).toEqual([...STAGES]);
    expect(series[2]!.t).toBe(Date.parse('2026-02-18T00:00:00Z'));
  });

  it('shows a commitment that moves back in the earlier stage again', () => {
    const series = buildStageSeries(plan, [
      { bucket: 1, stage: 'in_progress', count: 1 },
      { bucket: 2, stage: 'agreed', count: 1 },
      { bucket: 3, stage: 'agreed', count: 1 },
    ]);
    expect(series.map((p) => [p.in_progress, p.agreed])).toEqual([[0, 0], [1, 0], [0, 1], [0, 1], [0, 0]]);
  });

  it('ignores buckets outside the plan', () => {
    const series = buildStageSeries(plan, [{ bucket: 99, stage: 'agreed', count: 3 }, { bucket: -1, stage: 'agreed', count: 1 }]);
    expect(series.every((p) => p.total === 0)).toBe(true);
  });

  it('gives a single point for an agenda signed today', () => {
    const today = planWeeks({ signedOn: '2026-11-27', now: new Date('2026-11-27T12:00:00Z') });
    expect(buildStageSeries(today, [{ bucket: 0, stage: 'intent', count: 4 }])).toEqual([
      { date: '2026-11-27', t: Date.parse('2026-11-27T00:00:00Z'), total: 4, ...emptyStageCounts(), intent: 4 },
    ]);
  });
});

describe('capSeries', () => {
  it('keeps short series as they are', () => {
    expect(capSeries([1, 2, 3], 5)).toEqual([1, 2, 3]);
  });

  it('widens buckets to stay under the cap, keeping the last point (the state now)', () => {
    const points = Array.from({ length: 1201 }, (_, i) => i);
    const capped = capSeries(points, 500);
    expect(capped.length).toBeLessThanOrEqual(500);
    expect(capped.at(-1)).toBe(1200);
    // Evenly spaced: each kept point stands for the end of a bucket of equal width.
    const gaps = new Set(capped.slice(1).map((v, i) => v - capped[i]!));
    expect(gaps.size).toBe(1);
  });
});

describe('pipelineSeries', () => {
  it('keeps a sector with no commitments as an empty bar, in the given order', () => {
    const matrix = buildStageMatrix([energy, defence], [{ sectorId: 's2', stage: 'achieved', count: 2 }]);
    const rows = pipelineSeries(matrix);
    expect(rows.map((r) => [r.slug, r.total])).toEqual([['energy', 0], ['defence', 2]]);
    expect(Object.keys(rows[0]!.counts)).toEqual([...STAGES]);
  });
});

describe('buildMoveSeries', () => {
  it('lists every sector, zeros for one with no moves, and totals the moves', () => {
    const moves = buildMoveSeries([energy, defence], [
      { sectorId: 's2', forward: 3, backward: 1, forwardCommitments: 2 },
      { sectorId: 'other', forward: 9, backward: 9, forwardCommitments: 9 },
    ]);
    expect(moves.rows).toEqual([
      { slug: 'energy', sector: 'Energy', forward: 0, backward: 0 },
      { slug: 'defence', sector: 'Defence', forward: 3, backward: 1 },
    ]);
    expect([moves.forward, moves.backward, moves.movedForward]).toEqual([3, 1, 2]);
  });
});

describe('buildHealthCounts and buildHeadline', () => {
  it('counts every health, zeros included', () => {
    expect(buildHealthCounts([{ health: 'at_risk', count: 2 }])).toEqual({ on_track: 0, at_risk: 2, off_track: 0 });
  });

  it('takes measurable and achieved as "measurable or beyond", and a share of 0 with no commitments', () => {
    const totals = { ...emptyStageCounts(), intent: 4, measurable: 3, achieved: 1, dropped: 2 };
    expect(buildHeadline({ totals, movedForward: 1, overdue: 2, stale: 3 })).toEqual({
      total: 10, advanced: 4, advancedShare: 0.4, movedForward: 1, overdue: 2, stale: 3, awaiting: 0, oldestAwaitingDays: null, disputed: 0,
    });
    const confirmations = { awaiting: 3, oldestAwaitingAt: new Date('2026-11-20T12:00:00Z'), disputed: 1 };
    expect(buildHeadline({ totals, movedForward: 1, overdue: 2, stale: 3, confirmations, now: new Date('2026-11-27T11:00:00Z') })).toMatchObject({
      awaiting: 3, oldestAwaitingDays: 6, disputed: 1,
    });
    expect(buildHeadline({ totals: emptyStageCounts(), movedForward: 0, overdue: 0, stale: 0 }).advancedShare).toBe(0);
  });
});
