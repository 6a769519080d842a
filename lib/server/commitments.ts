import 'server-only';
import {
  countUpdates, listChartReadings, listComments, listEvidence, listIndicators, listReadings, listUpdates,
} from '@/db/queries/commitment-detail';
import { type CommitmentRow, getCommitmentRow, listCommitments as queryCommitments } from '@/db/queries/commitments';
import { updateSequence } from '@/db/queries/status-updates';
import { type CommitmentFilters, parseCommitmentFilters } from '@/lib/domain/commitment-filters';
import { can } from '@/lib/domain/permissions';
import { CHART_READINGS_LIMIT, cursorShowing, TIMELINE_PAGE_SIZE } from '@/lib/domain/timeline-paging';
import { groupBy } from '@/lib/group-by';
import type { RequestContext } from './context';
import { AppError } from './errors';
import { authorize } from './guard';
import type { Viewer } from './session';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** What the viewer may do to one commitment, for the page's forms and the API's `can`. */
export function commitmentAbilities(viewer: Viewer, row: Pick<CommitmentRow, 'leadOrgAId' | 'leadOrgBId'>) {
  const target = { leadOrgAId: row.leadOrgAId, leadOrgBId: row.leadOrgBId };
  return {
    edit: can(viewer, 'commitment.edit', target),
    update: can(viewer, 'update.post', target),
    comment: can(viewer, 'comment.create', target),
    resolve: can(viewer, 'comment.resolve', target),
  };
}

/** Filters from a URL query; bad filters are a 422 naming the parameter. */
export function filtersFromQuery(query: URLSearchParams | Record<string, string | string[] | undefined>): CommitmentFilters {
  const parsed = parseCommitmentFilters(query);
  if (!parsed.ok) throw new AppError('invalid', { key: 'problem.invalidFilters' }, parsed.fields);
  return parsed.filters;
}

export async function listCommitments(ctx: RequestContext, filters: CommitmentFilters) {
  const { db, viewer } = authorize(ctx, 'commitment.read');
  const { items, total } = await queryCommitments({ db, filters });
  return { items: items.map((row) => ({ ...row, can: commitmentAbilities(viewer, row) })), total, page: filters.page, pageSize: filters.pageSize };
}

/** Loads a commitment or answers 404; the order of checks is: signed in, exists, allowed. */
export async function loadCommitment(ctx: RequestContext, id: string, options: { forUpdate?: boolean } = {}) {
  if (!ctx.viewer) throw new AppError('unauthenticated', { key: 'problem.signIn' });
  const row = isUuid(id) ? await getCommitmentRow({ db: ctx.db, id, forUpdate: options.forUpdate }) : undefined;
  if (!row) throw new AppError('not_found', { key: 'problem.noCommitment' });
  return row;
}

/** A commitment with its indicators (and their readings), its updates (newest first) and its comments. */
export async function getCommitmentDetail(ctx: RequestContext, id: string) {
  return commitmentDetailOf(ctx, await loadCommitment(ctx, id));
}

/**
 * The same for a commitment this request has loaded already with loadCommitment. Every update, reading
 * and comment: what the JSON API answers. The page reads one page of the timeline instead.
 */
export async function commitmentDetailOf(ctx: RequestContext, row: CommitmentRow) {
  const { db, viewer } = authorize(ctx, 'commitment.read');
  const commitmentId = row.id;
  const [indicators, updates, readings, evidence, comments] = await Promise.all([
    listIndicators({ db, commitmentId }),
    listUpdates({ db, commitmentId }),
    listReadings({ db, commitmentId }),
    listEvidence({ db, commitmentId }),
    listComments({ db, commitmentId }),
  ]);
  const readingsByIndicator = groupBy(readings, (r) => r.indicatorId);
  return {
    commitment: { ...row, can: commitmentAbilities(viewer, row) },
    indicators: indicators.map((ind) => ({ ...ind, readings: readingsByIndicator.get(ind.id) ?? [] })),
    updates: withEvidence(viewer, row, updates, readings, evidence),
    comments,
  };
}

/**
 * The timeline cursor of the page that shows an update of this commitment (a notification's or a
 * shared link's `?update=`); undefined when the commitment has no such update or the id is malformed.
 */
export async function cursorOfUpdate(ctx: RequestContext, row: CommitmentRow, updateId: string): Promise<number | null | undefined> {
  const { db } = authorize(ctx, 'commitment.read');
  if (!isUuid(updateId)) return undefined;
  const [sequence, total] = await Promise.all([updateSequence({ db, updateId, commitmentId: row.id }), countUpdates({ db, commitmentId: row.id })]);
  return sequence === undefined ? undefined : cursorShowing(sequence, total);
}

/**
 * The commitment page of a commitment loaded with loadCommitment (the commitment pages' layout does,
 * once per request): one page of its timeline, newest first, with the readings, evidence and comments
 * of the updates on it; each indicator's most recent readings for its chart; and the count of all updates.
 * `before` is the page's cursor (see parseTimelineCursor); null for the latest updates.
 */
export async function commitmentPageOf(ctx: RequestContext, row: CommitmentRow, { before }: { before: number | null }) {
  const { db, viewer } = authorize(ctx, 'commitment.read');
  const commitmentId = row.id;
  const page = { before, limit: TIMELINE_PAGE_SIZE };
  const [indicators, chartReadings, pageAndOne, total, readings, evidence, comments] = await Promise.all([
    listIndicators({ db, commitmentId }),
    listChartReadings({ db, commitmentId, limit: CHART_READINGS_LIMIT }),
    // One more than the page holds: whether there are earlier updates.
    listUpdates({ db, commitmentId, page: { before, limit: TIMELINE_PAGE_SIZE + 1 } }),
    countUpdates({ db, commitmentId }),
    listReadings({ db, commitmentId, page }),
    listEvidence({ db, commitmentId, page }),
    listComments({ db, commitmentId, page }),
  ]);
  const updates = pageAndOne.slice(0, TIMELINE_PAGE_SIZE);
  const chartByIndicator = groupBy(chartReadings, (r) => r.indicatorId);
  return {
    commitment: { ...row, can: commitmentAbilities(viewer, row) },
    indicators: indicators.map((ind) => {
      const kept = chartByIndicator.get(ind.id) ?? [];
      return { ...ind, readings: kept.map(({ total: _total, ...r }) => r), readingsLeftOut: (kept[0]?.total ?? 0) - kept.length };
    }),
    updates: withEvidence(viewer, row, updates, readings, evidence),
    comments,
    timeline: {
      total,
      before,
      /** The cursor of the page of earlier updates; null when this page ends with the first update. */
      earlier: pageAndOne.length > TIMELINE_PAGE_SIZE ? updates.at(-1)!.sequence : null,
    },
  };
}

type UpdateRowOf = Awaited<ReturnType<typeof listUpdates>>[number];

function withEvidence(
  viewer: Viewer, row: CommitmentRow, updates: UpdateRowOf[],
  readings: Awaited<ReturnType<typeof listReadings>>, evidence: Awaited<ReturnType<typeof listEvidence>>,
) {
  const readingsByUpdate = groupBy(readings, (r) => r.statusUpdateId);
  const evidenceByUpdate = groupBy(evidence, (e) => e.statusUpdateId);
  return updates.map((u) => ({
    ...u,
    // Whether this viewer may confirm or dispute it now: it awaits, and they are the other side.
    canDecide: u.claims && u.decision === null && can(viewer, 'update.decide', { ...row, authorParty: u.party }),
    readings: (readingsByUpdate.get(u.id) ?? []).map(({ indicatorId, value, asOf }) => ({ indicatorId, value, asOf })),
    evidence: (evidenceByUpdate.get(u.id) ?? []).map((e) => e.url),
  }));
}

// What pages and components receive, named here so that nothing above lib/server imports db/.
export type CommitmentView = Awaited<ReturnType<typeof listCommitments>>['items'][number];
export type CommitmentPage = Awaited<ReturnType<typeof commitmentPageOf>>;
export type IndicatorView = CommitmentPage['indicators'][number];
export type UpdateView = CommitmentPage['updates'][number];
export type CommentView = CommitmentPage['comments'][number];
