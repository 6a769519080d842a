'use client';

import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts';
import type { SectorMoves } from '@/lib/domain/dashboard-series';
import { MOVE_COLOURS } from './colours';

export interface MovesChartProps {
  rows: SectorMoves[];
  labels: { forward: string; backward: string };
}

/** Forward and backward moves side by side for each sector. */
export default function MovesChart({ rows, labels }: MovesChartProps) {
  return (
    <BarChart
      layout="vertical"
      data={rows}
      responsive
      style={{ width: '100%', height: '100%' }}
      margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
      barGap={1}
      accessibilityLayer={false}
    >
      <CartesianGrid horizontal={false} stroke="#d5dbe1" />
      <XAxis type="number" allowDecimals={false} tick={{ fill: '#4a5561', fontSize: 12 }} />
      <YAxis type="category" dataKey="sector" width={170} tick={{ fill: '#1b1f24', fontSize: 12 }} interval={0} />
      <Bar dataKey="forward" name={labels.forward} fill={MOVE_COLOURS.forward} isAnimationActive={false} />
      <Bar dataKey="backward" name={labels.backward} fill={MOVE_COLOURS.backward} isAnimationActive={false} />
    </BarChart>
  );
}
