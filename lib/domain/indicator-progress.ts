// Shapes one indicator's readings for its chart, table and text summary: the line from the
// baseline through each reading, and how far the latest reading has come towards the target.
import { isoDateToMs } from './dates';
import { type IndicatorForRules, meetsTarget } from './stages';

export interface IndicatorWithDates extends IndicatorForRules {
  baselineDate: string; // YYYY-MM-DD
  targetDate: string; // YYYY-MM-DD
}

export interface ReadingLike {
  value: number;
  asOf: string; // YYYY-MM-DD
}

export interface ChartPoint {
  /** Milliseconds since the epoch at UTC midnight of the date: a numeric time axis. */
  t: number;
  value: number;
}

/** The line of the chart: the baseline, then each reading in date order. */
export function indicatorPoints(ind: IndicatorWithDates, readings: readonly ReadingLike[]): ChartPoint[] {
  const sorted = [...readings].sort((a, b) => a.asOf.localeCompare(b.asOf));
  return [{ t: isoDateToMs(ind.baselineDate), value: ind.baselineValue }, ...sorted.map((r) => ({ t: isoDateToMs(r.asOf), value: r.value }))];
}

export interface IndicatorProgress {
  latest: ReadingLike | undefined;
  /** Share of the way from baseline to target (0 = baseline, 1 = target; may fall outside). */
  fraction: number | undefined;
  /** The latest reading meets the target: the same test the stage rules apply to "achieved". */
  met: boolean;
}

/** The latest reading (by date; of two on one day, the later in `readings`) and how far it has come. */
export function indicatorProgress(ind: IndicatorForRules, readings: readonly ReadingLike[]): IndicatorProgress {
  let latest: ReadingLike | undefined;
  for (const r of readings) if (!latest || r.asOf >= latest.asOf) latest = r;
  if (!latest) return { latest, fraction: undefined, met: false };
  const span = ind.targetValue - ind.baselineValue;
  const fraction = span === 0 ? undefined : (latest.value - ind.baselineValue) / span;
  return { latest, fraction, met: meetsTarget(ind, latest.value) };
}
