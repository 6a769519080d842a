// Shapes the dashboard's SQL aggregates into chart series. Pure: the counting happens in SQL
// (db/queries/dashboard.ts); this only fills gaps, orders stages and bounds the number of points.
import { DAY_MS, formatIsoDate, isoDateToMs } from './dates';
import { HEALTHS, type Health, STAGES, type Stage } from './stages';
import { emptyStageCounts, type SectorRef, type StageCounts, type StageMatrix } from './stage-matrix';

/** No series sent to a chart has more points than this; longer spans get wider buckets. */
export const MAX_POINTS = 500;
const WEEK_DAYS = 7;

/**
 * The points of the movement chart. Point k (k < last) is the end of day `signedOn + k × stepDays`;
 * the last point is `now`, so the chart ends on the figures the headline shows. `from` is the first
 * point's instant and every bucket is `stepDays` wide: the SQL counts with the same arithmetic.
 */
export interface WeekPlan {
  from: Date;
  to: Date;
  stepDays: number;
  /** One YYYY-MM-DD label per point: the day whose end the point shows (the last: today). */
  labels: string[];
}

export function planWeeks({ signedOn, now, maxPoints = MAX_POINTS }: { signedOn: string; now: Date; maxPoints?: number }): WeekPlan {
  if (!Number.isInteger(maxPoints) || maxPoints < 2) throw new RangeError('maxPoints must be a whole number of at least 2');
  const from = isoDateToMs(signedOn) + DAY_MS; // the end of the signing day
  const nowMs = now.getTime();
  const today = formatIsoDate(nowMs);
  if (nowMs <= from) return { from: new Date(from), to: now, stepDays: WEEK_DAYS, labels: [today] };
  const span = nowMs - from;
  // Grid points strictly before now, plus now itself, must fit in maxPoints.
  const weeks = Math.ceil(span / (WEEK_DAYS * DAY_MS));
  const widen = Math.max(1, Math.ceil(weeks / (maxPoints - 1)));
  const stepDays = WEEK_DAYS * widen;
  const gridPoints = Math.ceil(span / (stepDays * DAY_MS));
  const labels: string[] = [];
  for (let k = 0; k < gridPoints; k++) labels.push(formatIsoDate(from - DAY_MS + k * stepDays * DAY_MS));
  labels.push(today);
  return { from: new Date(from), to: now, stepDays, labels };
}

export interface WeeklyStageRow {
  bucket: number;
  stage: Stage;
  count: number;
}

export type StagePoint = { date: string; t: number; total: number } & StageCounts;

/** One point per planned label, every stage present (zeros where SQL returned nothing). */
export function buildStageSeries(plan: WeekPlan, rows: readonly WeeklyStageRow[]): StagePoint[] {
  const points: StagePoint[] = plan.labels.map((date) => ({ date, t: isoDateToMs(date), total: 0, ...emptyStageCounts() }));
  for (const row of rows) {
    const point = points[row.bucket];
    if (!point || !Number.isInteger(row.bucket)) continue;
    point[row.stage] += row.count;
    point.total += row.count;
  }
  return capSeries(points);
}

/**
 * Bounds a snapshot series (counts "as of" each point) at `max` points by widening buckets: each
 * wider bucket shows the state at its end, and the final point is always kept.
 */
export function capSeries<T>(points: readonly T[], max: number = MAX_POINTS): T[] {
  if (!Number.isInteger(max) || max < 1) throw new RangeError('max must be a positive whole number');
  if (points.length <= max) return [...points];
  const width = Math.ceil(points.length / max);
  const kept: T[] = [];
  // Count groups from the end so the last point (now) closes the last bucket.
  for (let end = points.length - 1; end >= 0; end -= width) kept.push(points[end]!);
  return kept.reverse();
}

export interface PipelineRow {
  slug: string;
  sector: string;
  counts: StageCounts;
  total: number;
}

/** The pipeline chart's bars, one per sector in the matrix's order, stages in STAGES order. */
export function pipelineSeries(matrix: StageMatrix): PipelineRow[] {
  return matrix.rows.map((row) => ({
    slug: row.sector.slug,
    sector: row.sector.name,
    counts: Object.fromEntries(STAGES.map((s) => [s, row.counts[s]])) as StageCounts,
    total: row.total,
  }));
}

export interface MoveRow {
  sectorId: string;
  forward: number;
  backward: number;
  forwardCommitments: number;
}

interface SectorMoves {
  slug: string;
  sector: string;
  forward: number;
  backward: number;
}

export interface MoveSeries {
  rows: SectorMoves[];
  forward: number;
  backward: number;
  /** Distinct commitments with at least one forward move in the window. */
  movedForward: number;
}

/** Forward and backward moves per sector, every given sector present, in the given order. */
export function buildMoveSeries(sectors: readonly SectorRef[], rows: readonly MoveRow[]): MoveSeries {
  const bySector = new Map(rows.map((r) => [r.sectorId, r]));
  const out: SectorMoves[] = sectors.map((s) => {
    const r = bySector.get(s.id);
    return { slug: s.slug, sector: s.name, forward: r?.forward ?? 0, backward: r?.backward ?? 0 };
  });
  const known = new Set(sectors.map((s) => s.id));
  const counted = rows.filter((r) => known.has(r.sectorId));
  return {
    rows: out,
    forward: out.reduce((n, r) => n + r.forward, 0),
    backward: out.reduce((n, r) => n + r.backward, 0),
    movedForward: counted.reduce((n, r) => n + r.forwardCommitments, 0),
  };
}

export type HealthCounts = Record<Health, number>;

export function buildHealthCounts(rows: readonly { health: Health; count: number }[]): HealthCounts {
  const counts = Object.fromEntries(HEALTHS.map((h) => [h, 0])) as HealthCounts;
  for (const r of rows) counts[r.health] += r.count;
  return counts;
}

export interface Headline {
  total: number;
  /** Measurable or achieved. */
  advanced: number;
  /** advanced / total, 0 when there are no commitments. */
  advancedShare: number;
  movedForward: number;
  overdue: number;
  stale: number;
  /** Updates awaiting the other side's confirmation, and the age of the oldest in whole days (null: none). */
  awaiting: number;
  oldestAwaitingDays: number | null;
  /** Updates disputed by the other side and not yet answered by a later update. */
  disputed: number;
}

interface ConfirmationInput {
  awaiting: number;
  oldestAwaitingAt: Date | null;
  disputed: number;
}

const NO_CONFIRMATIONS: ConfirmationInput = { awaiting: 0, oldestAwaitingAt: null, disputed: 0 };

export function buildHeadline(input: {
  totals: StageCounts;
  movedForward: number;
  overdue: number;
  stale: number;
  confirmations?: ConfirmationInput;
  now?: Date;
}): Headline {
  const total = STAGES.reduce((n, s) => n + input.totals[s], 0);
  const c = input.confirmations ?? NO_CONFIRMATIONS;
  const oldestAwaitingDays =
    c.oldestAwaitingAt && input.now ? Math.max(0, Math.floor((input.now.getTime() - c.oldestAwaitingAt.getTime()) / DAY_MS)) : null;
  const advanced = input.totals.measurable + input.totals.achieved;
  return {
    total,
    advanced,
    advancedShare: total === 0 ? 0 : advanced / total,
    movedForward: input.movedForward,
    overdue: input.overdue,
    stale: input.stale,
    awaiting: c.awaiting,
    oldestAwaitingDays,
    disputed: c.disputed,
  };
}
