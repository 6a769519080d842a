// One-sentence summaries of each dashboard chart, computed from the same series the chart draws.
// They return a message key under `dashboard.summary` and its values, not English text, so every
// language gets the same facts; stage ids are turned into words by an ICU `select` in the catalogue.
import type { MoveSeries, PipelineRow, StagePoint } from './dashboard-series';
import { daysBetween, parseIsoDate } from './dates';
import { STAGES, type Stage } from './stages';

export interface Summary {
  key: string;
  values: Record<string, string | number | Date>;
}

export function summarisePipeline(rows: readonly PipelineRow[]): Summary {
  const total = rows.reduce((n, r) => n + r.total, 0);
  if (total === 0) return { key: 'pipelineEmpty', values: {} };
  const advanced = rows.reduce((n, r) => n + r.counts.measurable + r.counts.achieved, 0);
  const stuck = rows.reduce((n, r) => n + r.counts.stalled + r.counts.dropped, 0);
  const share = advanced / total;
  if (advanced === 0) return { key: 'pipelineNoneAdvanced', values: { total, stuck } };
  // The sector furthest along: most commitments at measurable or beyond; ties go to the earlier sector.
  let leader = rows[0]!;
  for (const r of rows) {
    if (r.counts.measurable + r.counts.achieved > leader.counts.measurable + leader.counts.achieved) leader = r;
  }
  const leaderAdvanced = leader.counts.measurable + leader.counts.achieved;
  if (rows.length === 1) return { key: 'pipelineOneSector', values: { total, advanced, share, stuck } };
  return { key: 'pipeline', values: { total, advanced, share, stuck, leader: leader.sector, leaderAdvanced } };
}

const advancedAt = (p: StagePoint) => p.measurable + p.achieved;

function largestStage(p: StagePoint): Stage {
  let best: Stage = STAGES[0];
  for (const s of STAGES) if (p[s] > p[best]) best = s;
  return best;
}

export function summariseMovement(points: readonly StagePoint[]): Summary {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last || points.every((p) => p.total === 0)) return { key: 'movementEmpty', values: {} };
  const largest = largestStage(last);
  if (points.length === 1) {
    return { key: 'movementSinglePoint', values: { date: parseIsoDate(last.date), total: last.total, advanced: advancedAt(last), largest, largestCount: last[largest] } };
  }
  return {
    key: 'movement',
    values: {
      start: parseIsoDate(first.date),
      end: parseIsoDate(last.date),
      startAdvanced: advancedAt(first),
      endAdvanced: advancedAt(last),
      total: last.total,
      largest,
      largestCount: last[largest],
    },
  };
}

export interface UpcomingEvent {
  title: string;
  date: string;
  planned: boolean;
}

/** The next event on or after today (the review visit), if any, with the days left. */
export function summariseNextEvent(events: readonly UpcomingEvent[], today: string): Summary | undefined {
  const next = events.filter((e) => e.date >= today).sort((a, b) => a.date.localeCompare(b.date))[0];
  if (!next) return undefined;
  const days = daysBetween(today, next.date);
  return { key: next.planned ? 'nextEventPlanned' : 'nextEvent', values: { title: next.title, date: parseIsoDate(next.date), days } };
}

export function summariseMoves(moves: MoveSeries, days: number): Summary {
  if (moves.forward === 0 && moves.backward === 0) return { key: 'movesNone', values: { days } };
  let top = moves.rows[0]!;
  for (const r of moves.rows) if (r.forward > top.forward) top = r;
  if (moves.rows.length === 1 || top.forward === 0) {
    return { key: 'movesNoLeader', values: { days, forward: moves.forward, backward: moves.backward } };
  }
  return { key: 'moves', values: { days, forward: moves.forward, backward: moves.backward, top: top.sector, topForward: top.forward } };
}
