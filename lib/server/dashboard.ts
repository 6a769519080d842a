import 'server-only';
import { agendaHasDemoData, getAgendaBySlug, listAgendaEvents, listAgendas } from '@/db/queries/agendas';
import { listSectors } from '@/db/queries/sectors';
import {
  type CommitmentList, confirmationFigures, countByStage, healthCounts, type LatestUpdate, latestUpdates, listScopeCommitments, overdueCommitments,
  recentMoves, staleCommitments, weeklyStageCounts,
} from '@/db/queries/dashboard';
import type { Database } from '@/db/connect';
import type { Agenda, AgendaEvent, Sector } from '@/db/schema';
import type { DashboardView } from '@/lib/domain/confirmation';
import { DAY_MS, todayIso } from '@/lib/domain/dates';
import {
  buildHeadline, buildHealthCounts, buildMoveSeries, buildStageSeries, type Headline, type HealthCounts,
  type MoveSeries, planWeeks, type StagePoint, type WeekPlan,
} from '@/lib/domain/dashboard-series';
import { buildStageMatrix, type StageMatrix } from '@/lib/domain/stage-matrix';
import type { RequestContext } from './context';
import { AppError } from './errors';
import { figuresCache } from './figures-cache';
import { authorize } from './guard';

// The shapes the dashboard's components receive, named here so that nothing above lib/server imports db/.
export type { CommitmentList, CommitmentListItem, LatestUpdate } from '@/db/queries/dashboard';
export type { Agenda, AgendaEvent } from '@/db/schema';

export const MOVES_WINDOW_DAYS = 30;
// Every list on a dashboard page is short, whatever the data, and links to the full list: the
// page's weight must not grow with the number of commitments.
/** The overdue and stale panels list this many commitments each. */
export const LIST_LIMIT = 5;
/** The latest-updates panel lists this many updates. */
export const LATEST_LIMIT = 5;
/** The sector page lists this many of its commitments, then links to the full list. */
export const SECTOR_TABLE_LIMIT = 20;

export interface DashboardScope {
  agendaSlug?: string;
  /** Narrows every figure to one sector (the sector page). An unknown slug is a 404. */
  sectorSlug?: string;
  /** The moment the figures describe; the request's time unless a test fixes it. */
  now?: Date;
  /** Every figure as reported (the default) or as confirmed by both sides. */
  view?: DashboardView;
}

interface DashboardPanels {
  matrix: Promise<StageMatrix>;
  headline: Promise<Headline>;
  movement: Promise<StagePoint[]>;
  moves: Promise<MoveSeries>;
  health: Promise<HealthCounts>;
  overdue: Promise<CommitmentList>;
  stale: Promise<CommitmentList>;
  latest: Promise<LatestUpdate[]>;
  /** Only on the sector page. */
  commitments?: Promise<CommitmentList>;
}

export interface DashboardShell {
  agendas: Agenda[];
  agenda: Agenda;
  events: AgendaEvent[];
  /** Every sector (for navigation), and the ones the figures cover. */
  sectors: Sector[];
  scopeSectors: Sector[];
  sector: Sector | undefined;
  hasDemoData: boolean;
  view: DashboardView;
  now: Date;
  today: string;
  weeks: WeekPlan;
  panels: DashboardPanels;
}

export type Dashboard = Omit<DashboardShell, 'panels'> & { [K in keyof DashboardPanels]: Awaited<DashboardPanels[K]> };

// A panel's promise is awaited later, inside its Suspense boundary; marking it handled now keeps
// a failing query from being reported as an unhandled rejection before the panel renders.
function started<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

/**
 * Resolves the agenda, sector and header facts, then starts every figure's query at once and
 * returns them as promises, so a page can stream each panel as soon as its own query answers.
 * `undefined` when there is no agenda at all.
 *
 * The figures are the same for every reader, and reading them costs the database far more than
 * serving them: they are kept in this instance's memory until the next write commits, from any
 * instance, or for a minute at most (lib/server/figures-cache.ts). A scope with a fixed `now`
 * computes afresh.
 */
export async function openDashboard(ctx: RequestContext, scope: DashboardScope = {}): Promise<DashboardShell | undefined> {
  const { db } = authorize(ctx, 'dashboard.read');
  if (scope.now) return computeDashboard(db, scope, scope.now);
  const key = [scope.agendaSlug ?? '', scope.sectorSlug ?? '', scope.view ?? 'reported'].join('\u0000');
  const { value } = await figuresCache(db).read(
    key,
    (now) => computeDashboard(db, scope, now),
    (shell) => (shell ? Promise.all(Object.values(shell.panels)) : Promise.resolve()),
  );
  return value;
}

async function computeDashboard(db: Database, scope: DashboardScope, now: Date): Promise<DashboardShell | undefined> {
  const today = todayIso(now);
  const [agendaList, requested, sectorList] = await Promise.all([
    listAgendas({ db }),
    scope.agendaSlug ? getAgendaBySlug({ db, slug: scope.agendaSlug }) : Promise.resolve(undefined),
    listSectors({ db }),
  ]);
  const agenda = requested ?? agendaList[0];
  const sector = scope.sectorSlug ? sectorList.find((s) => s.slug === scope.sectorSlug) : undefined;
  if (scope.sectorSlug && !sector) throw new AppError('not_found', { key: 'problem.noSector', values: { slug: scope.sectorSlug } });
  if (!agenda) return undefined;

  // The header's few rows first, on their own: the page's frame (and its first byte) waits only for
  // them, not for the panels' heavier queries competing with them for the database's cores.
  const [events, hasDemoData] = await Promise.all([listAgendaEvents({ db, agendaId: agenda.id }), agendaHasDemoData({ db, agendaId: agenda.id })]);
  const view = scope.view ?? 'reported';
  const q = { db, agendaId: agenda.id, sectorId: sector?.id, view };
  const scopeSectors = sector ? [sector] : sectorList;
  const weeks = planWeeks({ signedOn: agenda.signedOn, now });

  const matrix = started(countByStage(q).then((rows) => buildStageMatrix(scopeSectors, rows)));
  const moves = started(
    recentMoves({ ...q, since: new Date(now.getTime() - MOVES_WINDOW_DAYS * DAY_MS), until: now }).then((rows) => buildMoveSeries(scopeSectors, rows)),
  );
  const overdue = started(overdueCommitments({ ...q, today, limit: LIST_LIMIT }));
  const stale = started(staleCommitments({ ...q, now, limit: LIST_LIMIT }));
  // The same in both views: what awaits a decision, and what was disputed.
  const confirmations = started(confirmationFigures(q));
  const panels: DashboardPanels = {
    matrix,
    moves,
    overdue,
    stale,
    headline: started(
      Promise.all([matrix, moves, overdue, stale, confirmations]).then(([m, mv, o, s, k]) =>
        buildHeadline({ totals: m.totals, movedForward: mv.movedForward, overdue: o.total, stale: s.total, confirmations: k, now }),
      ),
    ),
    movement: started(weeklyStageCounts({ ...q, from: weeks.from, to: weeks.to, stepDays: weeks.stepDays }).then((rows) => buildStageSeries(weeks, rows))),
    health: started(healthCounts(q).then(buildHealthCounts)),
    latest: started(latestUpdates({ ...q, limit: LATEST_LIMIT })),
    commitments: sector ? started(listScopeCommitments({ ...q, limit: SECTOR_TABLE_LIMIT })) : undefined,
  };
  return { agendas: agendaList, agenda, events, sectors: sectorList, scopeSectors, sector, hasDemoData, view, now, today, weeks, panels };
}

/** Whether a sector with this slug exists (the sector page's 404). */
export async function sectorExists(ctx: RequestContext, slug: string): Promise<boolean> {
  const { db } = authorize(ctx, 'dashboard.read');
  return (await listSectors({ db })).some((s) => s.slug === slug);
}

/** Every figure of the dashboard (or of one sector's page), resolved. */
export async function getDashboard(ctx: RequestContext, scope: DashboardScope = {}): Promise<Dashboard | undefined> {
  const shell = await openDashboard(ctx, scope);
  if (!shell) return undefined;
  const { panels, ...rest } = shell;
  const [matrix, headline, movement, moves, health, overdue, stale, latest, commitments] = await Promise.all([
    panels.matrix, panels.headline, panels.movement, panels.moves, panels.health, panels.overdue, panels.stale, panels.latest,
    panels.commitments,
  ]);
  return { ...rest, matrix, headline, movement, moves, health, overdue, stale, latest, commitments };
}
