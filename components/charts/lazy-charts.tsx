'use client';

import dynamic from 'next/dynamic';
import { type ReactNode, startTransition, useEffect, useRef, useState } from 'react';
import type { MovementChartProps } from './movement-chart';
import type { MovesChartProps } from './moves-chart';
import type { PipelineChartProps } from './pipeline-chart';

// The charts' code (recharts) loads after the page has painted, when a chart comes near the screen
// or the browser is idle: the numbers, summaries and tables are server-rendered HTML. Drawing a
// chart is the heaviest work the page asks of the browser, so it is done as a transition, which
// React may split into short tasks instead of one long one that blocks input.

// The chart's box gets its final height from the server, so nothing moves when the chart arrives.
// A still placeholder, not the shimmering skeleton: a chart may wait for seconds, and an endless
// animation would keep the browser repainting the whole time.
function ChartSkeleton() {
  return <div className="dash-chart__placeholder" aria-hidden="true" />;
}

/**
 * Renders its chart when the box comes within 200 px of the screen, or once the page has settled
 * and the browser is idle (so every chart is drawn without scrolling, just never in the way of
 * loading and the first interaction), whichever comes first.
 */
function WhenNearScreen({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    let done = false;
    const show = () => {
      if (done) return;
      done = true;
      observer?.disconnect();
      cancelIdle();
      startTransition(() => setShown(true));
    };
    const observer =
      typeof IntersectionObserver === 'undefined'
        ? undefined
        : new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && show(), { rootMargin: '200px 0px' });
    observer?.observe(box);
    const cancelIdle = whenIdle(show);
    return () => {
      done = true;
      observer?.disconnect();
      cancelIdle();
    };
  }, []);
  return (
    <div ref={ref} className="dash-chart__box">
      {shown ? children : <ChartSkeleton />}
    </div>
  );
}

/**
 * Calls `run` once the page has settled (4 s after the chart mounted) and the browser is idle (at
 * the latest 2 s later); returns a cancel function. Loading, hydrating and the first interactions
 * come first; a chart off screen is drawn only when nothing else is waiting.
 */
function whenIdle(run: () => void): () => void {
  let idle: number | undefined;
  const timer = window.setTimeout(() => {
    if (typeof window.requestIdleCallback === 'function') idle = window.requestIdleCallback(run, { timeout: 2000 });
    else run();
  }, 4000);
  return () => {
    window.clearTimeout(timer);
    if (idle !== undefined) window.cancelIdleCallback(idle);
  };
}

const LazyPipelineChart = dynamic(() => import('./pipeline-chart'), { ssr: false, loading: ChartSkeleton });
const LazyMovementChart = dynamic(() => import('./movement-chart'), { ssr: false, loading: ChartSkeleton });
const LazyMovesChart = dynamic(() => import('./moves-chart'), { ssr: false, loading: ChartSkeleton });

export function PipelineChart(props: PipelineChartProps) {
  return (
    <WhenNearScreen>
      <LazyPipelineChart {...props} />
    </WhenNearScreen>
  );
}

export function MovementChart(props: MovementChartProps) {
  return (
    <WhenNearScreen>
      <LazyMovementChart {...props} />
    </WhenNearScreen>
  );
}

export function MovesChart(props: MovesChartProps) {
  return (
    <WhenNearScreen>
      <LazyMovesChart {...props} />
    </WhenNearScreen>
  );
}
