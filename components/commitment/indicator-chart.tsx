'use client';

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormatter, useTranslations } from 'next-intl';
import type { ChartPoint } from '@/lib/domain/indicator-progress';

export interface IndicatorChartProps {
  points: ChartPoint[];
  baseline: number;
  target: number;
  /** The target date, so the time axis reaches it. */
  targetTime: number;
  unit: string;
  /** The text summary, read out instead of the drawing. */
  summary: string;
}

/** One indicator's readings over time against its baseline and target. */
export function IndicatorChart({ points, baseline, target, targetTime, unit, summary }: IndicatorChartProps) {
  const t = useTranslations('commitments.indicators');
  const format = useFormatter();
  const day = (time: number) => format.dateTime(new Date(time), { dateStyle: 'medium' });
  const times = [...new Set([...points.map((p) => p.t), targetTime])].sort((a, b) => a - b);
  return (
    <div className="indicator-chart" role="img" aria-label={summary}>
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={points} margin={{ top: 16, right: 48, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e3e7eb" />
          <XAxis
            dataKey="t" type="number" scale="time" domain={[times[0]!, times.at(-1)!]} ticks={times}
            tickFormatter={day} tick={{ fontSize: 12 }} minTickGap={24}
          />
          <YAxis
            tickFormatter={(v: number) => format.number(v)} tick={{ fontSize: 12 }} width={64}
            label={{ value: unit, angle: -90, position: 'insideLeft', fontSize: 12, fill: '#4a5561' }}
          />
          <Tooltip
            labelFormatter={(label) => day(Number(label))}
            formatter={(value) => [`${format.number(Number(value))} ${unit}`, t('reading')]}
          />
          <ReferenceLine
            y={baseline} stroke="#6b7785" strokeDasharray="4 4" ifOverflow="extendDomain"
            label={{ value: t('baselineLine', { value: format.number(baseline) }), position: 'insideBottomLeft', fontSize: 12, fill: '#4a5561' }}
          />
          <ReferenceLine
            y={target} stroke="#004d38" strokeDasharray="8 4" ifOverflow="extendDomain"
            label={{ value: t('targetLine', { value: format.number(target) }), position: 'insideTopLeft', fontSize: 12, fill: '#004d38' }}
          />
          <Line type="linear" dataKey="value" stroke="#0072b2" strokeWidth={2} dot={{ r: 4 }} isAnimationActive={false} name={unit} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
