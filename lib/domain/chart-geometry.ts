// Geometry for the dashboard's charts, which the server draws as HTML and SVG: no chart code is sent
// to the browser. Pure and unit-tested; the components only place what these functions compute.
import { DAY_MS, monthStart } from './dates';

/**
 * Gridline values for a count axis starting at 0: whole-number steps of 1, 2 or 5 × 10ⁿ, about
 * `target` of them, the last one at or above `max` (so the longest bar ends inside the axis).
 */
export function countTicks(max: number, target = 5): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0, 1];
  const rough = max / Math.max(1, target);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, Math.ceil([1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough)!));
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  return ticks;
}

/** `value` as a percentage of `top`, clamped to 0–100 and rounded to hundredths. */
export function percentOf(value: number, top: number): number {
  if (!(top > 0)) return 0;
  return Math.round(Math.min(100, Math.max(0, (value / top) * 100)) * 100) / 100;
}

/** The first of each month after `start` up to `end` (ms, UTC); every `step` months past a year. */
export function monthTicks(start: number, end: number): number[] {
  const ticks: number[] = [];
  if (!(end >= start)) return ticks;
  let month = monthStart(start, 1);
  const step = end - start > 400 * DAY_MS ? Math.ceil((end - start) / (365 * DAY_MS)) * 2 : 1;
  while (month <= end) {
    ticks.push(month);
    month = monthStart(month, step);
  }
  return ticks;
}

export interface LinearScale {
  (value: number): number;
}

/** Maps [d0, d1] onto [r0, r1]; a zero-width domain maps everything to r0. */
export function linearScale([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]): LinearScale {
  const span = d1 - d0;
  return (value) => (span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0));
}

type Vertex = readonly [number, number];

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * The vertices of a step line through (xs[i], ys[i]) holding each value until the next x (the last
 * until `xEnd`), left to right, with no vertex where the value does not change.
 */
function stepVertices(xs: readonly number[], ys: readonly number[], xEnd: number): Vertex[] {
  const vertices: Vertex[] = [[xs[0]!, ys[0]!]];
  for (let i = 1; i < xs.length; i++) {
    if (ys[i] === ys[i - 1]) continue;
    vertices.push([xs[i]!, ys[i - 1]!], [xs[i]!, ys[i]!]);
  }
  vertices.push([xEnd, ys.at(-1)!]);
  return vertices;
}

/**
 * Stacked step areas, one SVG path per key in the order given (the first key at the bottom). Each
 * point's values hold from its `t` until the next point's (the last until `endT`); `x` and `y` map
 * time and count onto the drawing. A key that is zero at every point gets an empty path.
 */
export function stackedStepPaths<K extends string>(
  points: readonly ({ t: number } & Record<K, number>)[],
  keys: readonly K[],
  { x, y, endT }: { x: LinearScale; y: LinearScale; endT: number },
): Record<K, string> {
  const paths = {} as Record<K, string>;
  const xs = points.map((p) => round(x(p.t)));
  const xEnd = round(x(endT));
  const below = points.map(() => 0);
  for (const key of keys) {
    const lower = points.map((_, i) => round(y(below[i]!)));
    points.forEach((p, i) => (below[i]! += p[key]));
    if (points.length === 0 || points.every((p) => p[key] === 0)) {
      paths[key] = '';
      continue;
    }
    const upper = points.map((_, i) => round(y(below[i]!)));
    const outline = [...stepVertices(xs, upper, xEnd), ...stepVertices(xs, lower, xEnd).reverse()];
    paths[key] = `M${outline.map(([vx, vy]) => `${vx} ${vy}`).join('L')}Z`;
  }
  return paths;
}

/** Where a label centred on `percent` should anchor so it stays inside the chart near either edge. */
export function labelAnchor(percent: number): 'start' | 'middle' | 'end' {
  if (percent < 12) return 'start';
  if (percent > 88) return 'end';
  return 'middle';
}
