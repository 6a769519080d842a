import type { DashboardView } from './confirmation';

// The dashboard's chart tables are not sent with every page: each chart links to its table, which
// the page renders only when its address asks for it (`?table=movement`), so a table can be shared.

/** The charts whose figures a table can show, by their panel's id. */
const CHART_TABLES = ['pipeline', 'movement', 'moves'] as const;
export type ChartTable = (typeof CHART_TABLES)[number];

/** The chart table a URL asks for, or none (an unknown value shows none). */
export function chartTableOf(value: unknown): ChartTable | undefined {
  return CHART_TABLES.find((t) => t === value);
}

interface DashboardAddress {
  agenda?: string;
  view: DashboardView;
  table?: ChartTable;
}

/** The address of a dashboard page (`/` or a sector's): its agenda, its view and the chart table it shows. */
export function dashboardHref(path: string, { agenda, view, table }: DashboardAddress): string {
  const params = new URLSearchParams();
  if (agenda) params.set('agenda', agenda);
  if (view === 'confirmed') params.set('view', 'confirmed');
  if (table) params.set('table', table);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** Where a chart's "show the table" link goes (to the table itself), and where "hide" returns (to the panel). */
export function chartTableLinks(path: string, address: Omit<DashboardAddress, 'table'>, chart: ChartTable, shown: ChartTable | undefined) {
  return {
    open: shown === chart,
    show: `${dashboardHref(path, { ...address, table: chart })}#${chart}-table`,
    hide: `${dashboardHref(path, address)}#${chart}`,
  };
}
export type ChartTableLinks = ReturnType<typeof chartTableLinks>;
