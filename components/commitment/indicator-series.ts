// Shapes one indicator's readings for its chart, table and text summary. Pure: no React, no I/O.

export interface IndicatorLike {
  baselineValue: number;
  baselineDate: string;
  targetValue: number;
  targetDate: string;
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

export function dayToTime(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`);
}

/** The line of the chart: the baseline, then each reading in date order. */
export function indicatorPoints(ind: IndicatorLike, readings: readonly ReadingLike[]): ChartPoint[] {
  const sorted = [...readings].sort((a, b) => a.asOf.localeCompare(b.asOf));
  return [{ t: dayToTime(ind.baselineDate), value: ind.baselineValue }, ...sorted.map((r) => ({ t: dayToTime(r.asOf), value: r.value }))];
}

export interface IndicatorProgress {
  latest: ReadingLike | undefined;
  /** Share of the way from baseline to target (0 = baseline, 1 = target; may fall outside). */
  fraction: number | undefined;
  met: boolean;
}

/** The latest reading (by date; of two on one day, the one posted last) and how far it has come. */
export function indicatorProgress(ind: IndicatorLike & { direction: string }, readings: readonly ReadingLike[]): IndicatorProgress {
  let latest: ReadingLike | undefined;
  for (const r of readings) if (!latest || r.asOf >= latest.asOf) latest = r;
  if (!latest) return { latest, fraction: undefined, met: false };
  const span = ind.targetValue - ind.baselineValue;
  const fraction = span === 0 ? undefined : (latest.value - ind.baselineValue) / span;
  const met = ind.direction === 'lower_is_better' ? latest.value <= ind.targetValue : latest.value >= ind.targetValue;
  return { latest, fraction, met };
}
