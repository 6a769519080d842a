'use client';

import dynamic from 'next/dynamic';
import { WhenNearScreen } from '@/components/charts/when-near-screen';
import type { IndicatorChartProps } from './indicator-chart';

// The chart library loads in the browser only, when the chart comes near the screen or the page is
// idle: the text summary and the table carry the same facts meanwhile (and for anyone who cannot
// see the drawing). A still placeholder, not a shimmering skeleton: it may wait for a while, and an
// endless animation would keep the browser repainting the whole time.
const placeholder = <div className="indicator-chart__placeholder" aria-hidden="true" />;

const Chart = dynamic(() => import('./indicator-chart').then((m) => m.IndicatorChart), { ssr: false, loading: () => placeholder });

export function LazyIndicatorChart(props: IndicatorChartProps) {
  return (
    <WhenNearScreen placeholder={placeholder}>
      <Chart {...props} />
    </WhenNearScreen>
  );
}
