import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';

interface PanelProps {
  id: string;
  heading: string;
  demo: boolean;
  children: ReactNode;
  className?: string;
}

/** A titled dashboard section; the "Demo data" badge travels with every panel built on demo rows. */
export async function Panel({ id, heading, demo, children, className }: PanelProps) {
  const t = await getTranslations('dashboard');
  return (
    <section className={`dash-panel ${className ?? ''}`} aria-labelledby={id}>
      <h2 id={id}>
        {heading}
        {demo && (
          <>
            {' '}
            <span className="badge">{t('demoBadge')}</span>
          </>
        )}
      </h2>
      {children}
    </section>
  );
}

interface ChartPanelProps {
  id: string;
  heading: string;
  demo: boolean;
  summary: ReactNode;
  /** What the chart shows, for screen readers; the summary and the table carry the figures. */
  chartLabel: string;
  chart: ReactNode;
  legend?: ReactNode;
  table: ReactNode;
}

/**
 * Heading, one-sentence summary, the chart, and the same figures as a table behind a <details>
 * (keyboard-reachable, with a link for every number). Screen readers are told what the chart shows
 * and where its figures are; the drawing itself is hidden from them.
 */
export async function ChartPanel({ id, heading, demo, summary, chartLabel, chart, legend, table }: ChartPanelProps) {
  const t = await getTranslations('dashboard');
  return (
    <Panel id={id} heading={heading} demo={demo}>
      <p className="dash-panel__summary" id={`${id}-summary`}>{summary}</p>
      {legend}
      <div className="dash-chart">
        <p className="visually-hidden">
          {chartLabel} {t('chartFiguresInTable')}
        </p>
        {chart}
      </div>
      <details className="dash-table-toggle">
        <summary>{t('showTable')}</summary>
        {table}
      </details>
    </Panel>
  );
}

export function PanelSkeleton({ height = 240, label }: { height?: number; label: string }) {
  return (
    <div className="dash-panel dash-panel--loading" aria-busy="true">
      <span className="visually-hidden">{label}</span>
      <div className="skeleton" style={{ height: '1.5rem', width: '40%', marginBottom: '0.75rem' }} />
      <div className="skeleton" style={{ height }} />
    </div>
  );
}
