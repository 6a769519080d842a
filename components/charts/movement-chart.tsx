'use client';

import { Area, AreaChart, CartesianGrid, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { StagePoint } from '@/lib/domain/dashboard-series';
import { STAGE_COLOURS } from '@/lib/domain/stage-colours';
import { STAGES, type Stage } from '@/lib/domain/stages';

export interface ChartEvent {
  /** Midnight UTC of the event's day, in ms, on the same scale as the points' `t`. */
  t: number;
  label: string;
  planned: boolean;
}

export interface MovementChartProps {
  points: StagePoint[];
  stageLabels: Record<Stage, string>;
  events: ChartEvent[];
  locale: string;
}

const DAY_MS = 86_400_000;

/** The first of each month between two instants (every other month past a year), as axis ticks. */
function monthTicks(start: number, end: number): number[] {
  const ticks: number[] = [];
  const d = new Date(start);
  let month = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  const step = end - start > 400 * DAY_MS ? Math.ceil((end - start) / (365 * DAY_MS)) * 2 : 1;
  while (month <= end) {
    ticks.push(month);
    const m = new Date(month);
    month = Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + step, 1);
  }
  return ticks;
}

/** Commitments per stage over time, stacked, with the agenda's events as vertical markers. */
export default function MovementChart({ points, stageLabels, events, locale }: MovementChartProps) {
  const first = points[0]?.t ?? 0;
  const end = Math.max(points.at(-1)?.t ?? first, ...events.map((e) => e.t));
  // A few days' margin so a marker on the first day stands clear of the axis.
  const start = Math.min(first, ...events.map((e) => e.t)) - 3 * DAY_MS;
  const month = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  return (
    <AreaChart
      data={points}
      responsive
      style={{ width: '100%', height: '100%' }}
      margin={{ top: 28, right: 24, bottom: 4, left: 0 }}
      accessibilityLayer={false}
    >
      <CartesianGrid vertical={false} stroke="#d5dbe1" />
      <XAxis
        dataKey="t"
        type="number"
        scale="time"
        domain={[start, end + DAY_MS]}
        ticks={monthTicks(start, end)}
        interval="preserveStartEnd"
        tickFormatter={(t: number) => month.format(t)}
        tick={{ fill: '#4a5561', fontSize: 12 }}
      />
      <YAxis allowDecimals={false} width={40} tick={{ fill: '#4a5561', fontSize: 12 }} />
      {STAGES.map((stage) => (
        <Area
          key={stage}
          type="stepAfter"
          dataKey={stage}
          name={stageLabels[stage]}
          stackId="stages"
          stroke={STAGE_COLOURS[stage]}
          fill={STAGE_COLOURS[stage]}
          fillOpacity={0.85}
          isAnimationActive={false}
        />
      ))}
      {events.map((e) => (
        <ReferenceLine
          key={`${e.t}-${e.label}`}
          x={e.t}
          stroke="#1b1f24"
          strokeDasharray={e.planned ? '4 4' : undefined}
          label={{ value: e.label, position: 'top', fill: '#1b1f24', fontSize: 12 }}
        />
      ))}
    </AreaChart>
  );
}
