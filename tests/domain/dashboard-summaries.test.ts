import { describe, expect, it } from 'vitest';
import { buildMoveSeries, buildStageSeries, pipelineSeries, planWeeks } from '../../lib/domain/dashboard-series';
import { summariseMovement, summariseMoves, summariseNextEvent, summarisePipeline } from '../../lib/domain/dashboard-summaries';
import { buildStageMatrix } from '../../lib/domain/stage-matrix';

const energy = { id: 's1', slug: 'energy', name: 'Energy', colour: '#e69f00' };
const defence = { id: 's2', slug: 'defence', name: 'Defence', colour: '#332288' };

describe('summarisePipeline', () => {
  it('names the total, the share at measurable or beyond and the sector furthest along', () => {
    const rows = pipelineSeries(buildStageMatrix([energy, defence], [
      { sectorId: 's1', stage: 'measurable', count: 1 },
      { sectorId: 's1', stage: 'intent', count: 3 },
      { sectorId: 's2', stage: 'achieved', count: 2 },
      { sectorId: 's2', stage: 'stalled', count: 2 },
    ]));
    expect(summarisePipeline(rows)).toEqual({
      key: 'pipeline', values: { total: 8, advanced: 3, share: 3 / 8, stuck: 2, leader: 'Defence', leaderAdvanced: 2 },
    });
  });

  it('says so when there is nothing, or nothing measurable yet', () => {
    expect(summarisePipeline(pipelineSeries(buildStageMatrix([energy], []))).key).toBe('pipelineEmpty');
    const none = summarisePipeline(pipelineSeries(buildStageMatrix([energy, defence], [{ sectorId: 's1', stage: 'dropped', count: 1 }])));
    expect(none).toEqual({ key: 'pipelineNoneAdvanced', values: { total: 1, stuck: 1 } });
  });

  it('does not name a leading sector on a one-sector page', () => {
    const one = summarisePipeline(pipelineSeries(buildStageMatrix([energy], [{ sectorId: 's1', stage: 'achieved', count: 1 }])));
    expect(one.key).toBe('pipelineOneSector');
  });
});

describe('summariseMovement', () => {
  const plan = planWeeks({ signedOn: '2026-02-04', now: new Date('2026-02-20T12:00:00Z') });

  it('compares the first and last points and names the largest stage now', () => {
    const series = buildStageSeries(plan, [
      { bucket: 0, stage: 'intent', count: 2 },
      { bucket: 1, stage: 'intent', count: 1 },
      { bucket: 1, stage: 'measurable', count: 1 },
      { bucket: 3, stage: 'agreed', count: 1 },
      { bucket: 3, stage: 'achieved', count: 1 },
    ]);
    expect(summariseMovement(series)).toEqual({
      key: 'movement',
      values: {
        start: new Date('2026-02-04T00:00:00Z'), end: new Date('2026-02-20T00:00:00Z'),
        startAdvanced: 0, endAdvanced: 1, total: 2, largest: 'agreed', largestCount: 1,
      },
    });
  });

  it('handles an empty agenda and an agenda signed today', () => {
    expect(summariseMovement(buildStageSeries(plan, [])).key).toBe('movementEmpty');
    const today = planWeeks({ signedOn: '2026-11-27', now: new Date('2026-11-27T12:00:00Z') });
    expect(summariseMovement(buildStageSeries(today, [{ bucket: 0, stage: 'intent', count: 3 }]))).toEqual({
      key: 'movementSinglePoint',
      values: { date: new Date('2026-11-27T00:00:00Z'), total: 3, advanced: 0, largest: 'intent', largestCount: 3 },
    });
  });
});

describe('summariseNextEvent', () => {
  it('announces the next event with the days left, and nothing when all are past', () => {
    const events = [
      { title: 'Talks', date: '2026-02-04', planned: false },
      { title: 'Review visit', date: '2026-12-10', planned: true },
    ];
    expect(summariseNextEvent(events, '2026-11-27')).toEqual({
      key: 'nextEventPlanned', values: { title: 'Review visit', date: new Date('2026-12-10T00:00:00Z'), days: 13 },
    });
    expect(summariseNextEvent(events, '2026-12-11')).toBeUndefined();
  });
});

describe('summariseMoves', () => {
  it('counts moves and names the sector with most forward moves', () => {
    const moves = buildMoveSeries([energy, defence], [
      { sectorId: 's1', forward: 1, backward: 2, forwardCommitments: 1 },
      { sectorId: 's2', forward: 4, backward: 0, forwardCommitments: 3 },
    ]);
    expect(summariseMoves(moves, 30)).toEqual({ key: 'moves', values: { days: 30, forward: 5, backward: 2, top: 'Defence', topForward: 4 } });
  });

  it('says there were none, and names no leader with only backward moves', () => {
    expect(summariseMoves(buildMoveSeries([energy], []), 30)).toEqual({ key: 'movesNone', values: { days: 30 } });
    const back = buildMoveSeries([energy, defence], [{ sectorId: 's1', forward: 0, backward: 2, forwardCommitments: 0 }]);
    expect(summariseMoves(back, 30).key).toBe('movesNoLeader');
  });
});
