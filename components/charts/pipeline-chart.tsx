'use client';

import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts';
import type { PipelineRow } from '@/lib/domain/dashboard-series';
import { STAGE_COLOURS } from '@/lib/domain/stage-colours';
import { STAGES, type Stage } from '@/lib/domain/stages';

export interface PipelineChartProps {
  rows: PipelineRow[];
  stageLabels: Record<Stage, string>;
}

/** One stacked horizontal bar per sector, a segment per stage in STAGES order. Drawing only: the data comes ready. */
export default function PipelineChart({ rows, stageLabels }: PipelineChartProps) {
  const data = rows.map((r) => ({ sector: r.sector, ...r.counts }));
  return (
    <BarChart
      layout="vertical"
      data={data}
      responsive
      style={{ width: '100%', height: '100%' }}
      margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
      accessibilityLayer={false}
    >
      <CartesianGrid horizontal={false} stroke="#d5dbe1" />
      <XAxis type="number" allowDecimals={false} tick={{ fill: '#4a5561', fontSize: 12 }} />
      <YAxis type="category" dataKey="sector" width={170} tick={{ fill: '#1b1f24', fontSize: 12 }} interval={0} />
      {STAGES.map((stage) => (
        <Bar key={stage} dataKey={stage} name={stageLabels[stage]} stackId="stages" fill={STAGE_COLOURS[stage]} isAnimationActive={false} />
      ))}
    </BarChart>
  );
}
