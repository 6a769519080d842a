import { countTicks, labelAnchor, linearScale, monthTicks, percentOf, stackedStepPaths } from '@/lib/domain/chart-geometry';
import type { StagePoint } from '@/lib/domain/dashboard-series';
import { DAY_MS } from '@/lib/domain/dates';
import { STAGE_COLOURS } from '@/lib/domain/stage-colours';
import { STAGES, type Stage } from '@/lib/domain/stages';

interface ChartEvent {
  /** Midnight UTC of the event's day, in ms, on the same scale as the points' `t`. */
  t: number;
  label: string;
  planned: boolean;
}

interface Props {
  points: StagePoint[];
  events: ChartEvent[];
  /** Per stage: where its area links and what a pointer over it is told. */
  stages: Record<Stage, { href: string; title: string }>;
  formatCount: (value: number) => string;
  formatMonth: (t: number) => string;
}

// The drawing's own units; it stretches to its box, and the text is HTML so it never stretches.
const WIDTH = 1000;
const HEIGHT = 300;

/**
 * Commitments per stage over time as stacked steps, with the agenda's events as vertical markers,
 * drawn on the server (SVG for the areas, HTML for every word and number). Time runs left to right
 * in every language, as the SVG does, so the labels are placed with physical offsets. Each stage's area opens
 * that stage's commitments; the table beside the chart carries the same figures and links for the
 * keyboard and for screen readers, so the drawing is hidden from assistive technology.
 */
export function StageAreaChart({ points, events, stages, formatCount, formatMonth }: Props) {
  const first = points[0]?.t ?? 0;
  const last = points.at(-1)?.t ?? first;
  // A few days' margin so a marker on the first day stands clear of the axis.
  const start = Math.min(first, ...events.map((e) => e.t)) - 3 * DAY_MS;
  const end = Math.max(last, ...events.map((e) => e.t)) + DAY_MS;
  const ticks = countTicks(Math.max(0, ...points.map((p) => p.total)), 4);
  const top = ticks.at(-1)!;
  const x = linearScale([start, end], [0, WIDTH]);
  const y = linearScale([0, top], [HEIGHT, 0]);
  const paths = stackedStepPaths(points, STAGES, { x, y, endT: last + DAY_MS });
  const at = (t: number) => percentOf(t - start, end - start);
  return (
    <div className="area-chart" aria-hidden="true">
      <div className="area-chart__events">
        {events.map((e) => (
          <span
            key={`${e.t}-${e.label}`}
            className={`area-chart__event area-chart__event--${labelAnchor(at(e.t))}`}
            style={{ left: `${at(e.t)}%` }}
          >
            {e.label}
          </span>
        ))}
      </div>
      <div className="area-chart__y">
        {/* Gives the column the width of the widest label; the labels themselves are placed. */}
        <span className="area-chart__y-width">{formatCount(top)}</span>
        {ticks.map((tick) => (
          <span key={tick} className="area-chart__y-tick" style={{ bottom: `${percentOf(tick, top)}%` }}>
            {formatCount(tick)}
          </span>
        ))}
      </div>
      <div className="area-chart__plot">
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" focusable="false">
          {ticks.map((tick) => (
            <line key={tick} className="area-chart__grid" x1={0} x2={WIDTH} y1={y(tick)} y2={y(tick)} />
          ))}
          {STAGES.map(
            (stage) =>
              paths[stage] && (
                <a key={stage} href={stages[stage].href} tabIndex={-1}>
                  <title>{stages[stage].title}</title>
                  <path d={paths[stage]} fill={STAGE_COLOURS[stage]} />
                </a>
              ),
          )}
          {events.map((e) => (
            <line
              key={`${e.t}-${e.label}`}
              className="area-chart__marker"
              x1={Math.round(x(e.t) * 10) / 10} x2={Math.round(x(e.t) * 10) / 10} y1={0} y2={HEIGHT}
              strokeDasharray={e.planned ? '4 4' : undefined}
            />
          ))}
        </svg>
      </div>
      <div className="area-chart__x">
        {monthTicks(start, end).map((t) => (
          <span key={t} className={`area-chart__tick--${labelAnchor(at(t))}`} style={{ left: `${at(t)}%` }}>
            {formatMonth(t)}
          </span>
        ))}
      </div>
    </div>
  );
}
