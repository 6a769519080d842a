import { G, Line, Path, Rect, Svg, Text, View } from '@react-pdf/renderer';
import { countTicks, linearScale, stackedStepPaths } from '@/lib/domain/chart-geometry';
import type { StagePoint } from '@/lib/domain/dashboard-series';
import { formatIsoDate, DAY_MS } from '@/lib/domain/dates';
import type { StageMatrix } from '@/lib/domain/stage-matrix';
import { STAGE_COLOURS } from '@/lib/domain/stage-colours';
import { STAGES, type Stage } from '@/lib/domain/stages';

// The dashboard's two charts as vector graphics in the PDF, drawn from the same geometry
// (lib/domain/chart-geometry.ts) as the page's: stacked bars of stages per sector, and stacked
// step areas of commitments per stage over the period.

const WIDTH = 500;
const GREY = '#888888';

export function PdfLegend({ labels }: { labels: Record<Stage, string> }) {
  return (
    <View style={{ flexDirection: 'row', flexWrap: 'wrap', marginVertical: 4 }}>
      {STAGES.map((s) => (
        <View key={s} style={{ flexDirection: 'row', alignItems: 'center', marginRight: 10, marginBottom: 2 }}>
          <View style={{ width: 8, height: 8, backgroundColor: STAGE_COLOURS[s], marginRight: 3 }} />
          <Text style={{ fontSize: 8 }}>{labels[s]}</Text>
        </View>
      ))}
    </View>
  );
}

export function PdfPipelineChart({ matrix }: { matrix: StageMatrix }) {
  const rows = matrix.rows.filter((r) => r.total > 0);
  const labelWidth = 150;
  const barHeight = 12;
  const rowHeight = 18;
  const ticks = countTicks(Math.max(0, ...rows.map((r) => r.total)));
  const top = ticks.at(-1)!;
  const x = linearScale([0, top], [labelWidth, WIDTH - 30]);
  const height = rows.length * rowHeight + 16;
  return (
    <Svg width={WIDTH} height={height} viewBox={`0 0 ${WIDTH} ${height}`}>
      {ticks.map((t) => (
        <G key={t}>
          <Line x1={x(t)} x2={x(t)} y1={0} y2={height - 14} stroke="#dddddd" strokeWidth={0.5} />
          <Text x={x(t)} y={height - 4} style={{ fontSize: 7 }} fill={GREY} textAnchor="middle">{String(t)}</Text>
        </G>
      ))}
      {rows.map((r, i) => {
        let at = 0;
        const y = i * rowHeight + 3;
        return (
          <G key={r.sector.id}>
            <Text x={0} y={y + 9} style={{ fontSize: 8 }}>{r.sector.name.slice(0, 34)}</Text>
            {STAGES.map((s) => {
              const value = r.counts[s];
              if (!value) return null;
              const x0 = x(at);
              at += value;
              return <Rect key={s} x={x0} y={y} width={Math.max(0.5, x(at) - x0)} height={barHeight} fill={STAGE_COLOURS[s]} />;
            })}
            <Text x={x(at) + 3} y={y + 9} style={{ fontSize: 7 }}>{String(r.total)}</Text>
          </G>
        );
      })}
    </Svg>
  );
}

export function PdfMovementChart({ points }: { points: StagePoint[] }) {
  const height = 170;
  const plotHeight = height - 16;
  const left = 28;
  if (points.length === 0) return null;
  const first = points[0]!.t;
  const last = points.at(-1)!.t;
  const ticks = countTicks(Math.max(0, ...points.map((p) => p.total)), 4);
  const top = ticks.at(-1)!;
  const x = linearScale([first, last + DAY_MS], [left, WIDTH]);
  const y = linearScale([0, top], [plotHeight, 0]);
  const paths = stackedStepPaths(points, STAGES, { x, y, endT: last + DAY_MS });
  return (
    <Svg width={WIDTH} height={height} viewBox={`0 0 ${WIDTH} ${height}`}>
      {ticks.map((t) => (
        <G key={t}>
          <Line x1={left} x2={WIDTH} y1={y(t)} y2={y(t)} stroke="#dddddd" strokeWidth={0.5} />
          <Text x={0} y={y(t) + 3} style={{ fontSize: 7 }} fill={GREY}>{String(t)}</Text>
        </G>
      ))}
      {STAGES.map((s) => (paths[s] ? <Path key={s} d={paths[s]} fill={STAGE_COLOURS[s]} fillOpacity={0.85} /> : null))}
      <Text x={left} y={height - 3} style={{ fontSize: 7 }} fill={GREY}>{formatIsoDate(first)}</Text>
      <Text x={WIDTH} y={height - 3} style={{ fontSize: 7 }} fill={GREY} textAnchor="end">{formatIsoDate(last)}</Text>
    </Svg>
  );
}
