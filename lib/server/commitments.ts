import 'server-only';
import {
  listComments, listEvidence, listIndicators, listReadings, listUpdates,
} from '@/db/queries/commitment-detail';
import { type CommitmentRow, getCommitmentRow, listCommitments as queryCommitments } from '@/db/queries/commitments';
import { type CommitmentFilters, parseCommitmentFilters } from '@/lib/domain/commitment-filters';
import { can } from '@/lib/domain/permissions';
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
 * The same for a commitment this request has loaded already with loadCommitment (the commitment
 * pages' layout does, once per request), so the page does not read its row a second time.
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
  const readingsByUpdate = groupBy(readings, (r) => r.statusUpdateId);
  const evidenceByUpdate = groupBy(evidence, (e) => e.statusUpdateId);
  return {
    commitment: { ...row, can: commitmentAbilities(viewer, row) },
    indicators: indicators.map((ind) => ({ ...ind, readings: readings.filter((r) => r.indicatorId === ind.id) })),
    updates: updates.map((u) => ({
      ...u,
      // Whether this viewer may confirm or dispute it now: it awaits, and they are the other side.
      canDecide: u.claims && u.decision === null && can(viewer, 'update.decide', { ...row, authorParty: u.party }),
      readings: (readingsByUpdate.get(u.id) ?? []).map(({ indicatorId, value, asOf }) => ({ indicatorId, value, asOf })),
      evidence: (evidenceByUpdate.get(u.id) ?? []).map((e) => e.url),
    })),
    comments,
  };
}

// What pages and components receive, named here so that nothing above lib/server imports db/.
export type CommitmentView = Awaited<ReturnType<typeof listCommitments>>['items'][number];
export type CommitmentDetail = Awaited<ReturnType<typeof commitmentDetailOf>>;
export type IndicatorView = CommitmentDetail['indicators'][number];
export type UpdateView = CommitmentDetail['updates'][number];
export type CommentView = CommitmentDetail['comments'][number];
