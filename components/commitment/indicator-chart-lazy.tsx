'use client';

import dynamic from 'next/dynamic';
import type { IndicatorChartProps } from './indicator-chart';

// The chart library loads in the browser only, after the page: the text summary and the table carry
// the same facts meanwhile (and for anyone who cannot see the drawing).
const Chart = dynamic(() => import('./indicator-chart').then((m) => m.IndicatorChart), {
  ssr: false,
  loading: () => <div className="skeleton indicator-chart__placeholder" />,
});

export function LazyIndicatorChart(props: IndicatorChartProps) {
  return <Chart {...props} />;
}
