import type { CSSProperties, ReactNode } from 'react';
import type { ChartTableLinks } from '@/lib/domain/dashboard-links';
import type { DashboardText } from './text';

interface PanelProps {
  id: string;
  heading: string;
  demo: boolean;
  children: ReactNode;
  className?: string;
  /** The dashboard's catalogue, which the caller has already: synchronous panels stream as one piece. */
  t: DashboardText['t'];
}

/** A titled dashboard section; the "Demo data" badge travels with every panel built on demo rows. */
export function Panel({ id, heading, demo, children, className, t }: PanelProps) {
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
  /**
   * The same figures as a table, a link for every number. Called only when `tableLinks.open`: a table
   * costs a link and a formatted number per cell, which a page without it should not pay for.
   */
  table: () => ReactNode;
  tableLinks: ChartTableLinks;
  t: DashboardText['t'];
}

/**
 * Heading, one-sentence summary, the chart, and a link to the same figures as a table. The table is
 * sent only when its address asks for it (`?table=<id>#<id>-table`), so the page stays light and
 * the table can be shared; its "hide" link returns to the panel. Screen readers are told what the
 * chart shows and where its figures are; the drawing itself is hidden from them.
 */
export function ChartPanel({ id, heading, demo, summary, chartLabel, chart, legend, table, tableLinks, t }: ChartPanelProps) {
  return (
    <Panel id={id} heading={heading} demo={demo} t={t}>
      <p className="dash-panel__summary" id={`${id}-summary`}>{summary}</p>
      {legend}
      <div className="dash-chart">
        <p className="visually-hidden">
          {chartLabel} {t('chartFiguresInTable')}
        </p>
        {chart}
      </div>
      {tableLinks.open ? (
        <div className="dash-table" id={`${id}-table`}>
          <p className="dash-table-link">
            <a href={tableLinks.hide} aria-describedby={id}>{t('hideTable')}</a>
          </p>
          {table()}
        </div>
      ) : (
        <p className="dash-table-link">
          <a href={tableLinks.show} aria-describedby={id}>{t('showTable')}</a>
        </p>
      )}
    </Panel>
  );
}

/** A panel's place while it loads: a heading bar and a block of the panel's height, drawn by CSS (one element per panel sent). */
export function PanelSkeleton({ height = 240, label }: { height?: number; label: string }) {
  return (
    <div className="dash-panel dash-panel--loading" aria-busy="true" style={{ '--skeleton-height': `${height}px` } as CSSProperties}>
      <span className="visually-hidden">{label}</span>
    </div>
  );
}
