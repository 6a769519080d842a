import 'server-only';
import { listAgendas } from '@/db/queries/agendas';
import { databaseToday } from '@/db/queries/database';
import {
  getFrozenBriefing, getReview, insertReview, listReviews, markReviewHeld, type ReviewRow, updateReviewRow,
} from '@/db/queries/reviews';
import { type Briefing, frozenBriefing } from '@/lib/domain/briefing';
import { can } from '@/lib/domain/permissions';
import { createReviewSchema, holdReviewSchema, updateReviewSchema } from '@/lib/domain/review-inputs';
import { recordAudit } from './audit';
import { computeBriefing, resolveBriefingScope } from './briefing';
import { renderBriefingPdf } from './briefing-pdf';
import { isUuid } from './commitments';
import type { RequestContext } from './context';
import { AppError, invalid } from './errors';
import { authorize, requireSignedIn, type SignedInContext } from './guard';
import { type InputSource, parseInput, readInput } from './input';

export type { ReviewRow } from '@/db/queries/reviews';

/** A review as the pages and the API show it, with what the caller may do with it. */
function reviewShape(ctx: SignedInContext, row: ReviewRow) {
  const held = row.heldAt !== null;
  return {
    id: row.id,
    agendaId: row.agendaId,
    agenda: row.agendaSlug,
    name: row.name,
    date: row.reviewOn,
    held,
    heldAt: row.heldAt,
    heldBy: row.heldById ? { id: row.heldById, name: row.heldByName } : null,
    can: { edit: !held && can(ctx.viewer, 'review.manage'), hold: !held && can(ctx.viewer, 'review.hold') },
  };
}

export async function listReviewsFor(ctx: RequestContext) {
  const signedIn = authorize(ctx, 'briefing.read');
  return (await listReviews({ db: ctx.db })).map((row) => reviewShape(signedIn, row));
}

async function loadReview(ctx: RequestContext, id: string): Promise<ReviewRow> {
  requireSignedIn(ctx);
  const row = isUuid(id) ? await getReview({ db: ctx.db, id }) : undefined;
  if (!row) throw new AppError('not_found', { key: 'problem.noReview' });
  return row;
}

/** One review, with its frozen briefing once held. */
export async function getReviewDetail(ctx: RequestContext, id: string) {
  const row = await loadReview(ctx, id);
  const signedIn = authorize(ctx, 'briefing.read');
  const frozen = row.heldAt ? await getFrozenBriefing({ db: ctx.db, id }) : undefined;
  return { ...reviewShape(signedIn, row), briefing: frozen ? frozenBriefing(frozen.briefing) : null };
}

/** The PDF frozen when the review was held (404 before). */
export async function getReviewPdf(ctx: RequestContext, id: string): Promise<{ bytes: Uint8Array; briefing: Briefing }> {
  const row = await loadReview(ctx, id);
  authorize(ctx, 'briefing.export');
  const frozen = row.heldAt ? await getFrozenBriefing({ db: ctx.db, id }) : undefined;
  if (!frozen?.pdf) throw new AppError('not_found', { key: 'problem.noReview' });
  return { bytes: frozen.pdf, briefing: frozenBriefing(frozen.briefing) };
}

export async function createReview(ctx: RequestContext, input: InputSource) {
  const { viewer } = authorize(ctx, 'review.manage');
  const data = parseInput(createReviewSchema, await readInput(input));
  const agendas = await listAgendas({ db: ctx.db });
  const agenda = data.agendaId ? agendas.find((a) => a.id === data.agendaId) : agendas.length === 1 ? agendas[0] : undefined;
  if (!agenda) throw invalid({ agendaId: [{ key: data.agendaId ? 'problem.noSuchAgenda' : 'validation.agendaRequired', values: { label: 'field.agendaId' } }] });
  if (data.date < agenda.signedOn) throw invalid({ date: [{ key: 'validation.reviewBeforeSigning', values: { label: 'field.date', signedOn: agenda.signedOn } }] });
  return ctx.db.transaction(async (tx) => {
    const { id } = await insertReview({ db: tx, review: { agendaId: agenda.id, name: data.name, reviewOn: data.date, createdById: viewer.id } });
    await recordAudit(tx, {
      actor: { id: viewer.id, label: viewer.email }, action: 'review.created', entityType: 'review', entityId: id,
      after: { agendaId: agenda.id, name: data.name, date: data.date }, sourceAddress: ctx.sourceAddress, userAgent: ctx.userAgent,
    });
    return reviewShape(ctx as SignedInContext, (await getReview({ db: tx, id }))!);
  });
}

/** Renames or re-dates a review that is not held yet (409 once held). */
export async function updateReview(ctx: RequestContext, id: string, input: InputSource) {
  const row = await loadReview(ctx, id);
  const { viewer } = authorize(ctx, 'review.manage');
  const data = parseInput(updateReviewSchema, await readInput(input));
  if (row.heldAt) throw new AppError('conflict', { key: 'problem.reviewHeld' });
  const agenda = (await listAgendas({ db: ctx.db })).find((a) => a.id === row.agendaId)!;
  if (data.date && data.date < agenda.signedOn) {
    throw invalid({ date: [{ key: 'validation.reviewBeforeSigning', values: { label: 'field.date', signedOn: agenda.signedOn } }] });
  }
  return ctx.db.transaction(async (tx) => {
    const updated = await updateReviewRow({ db: tx, id, fields: { name: data.name, reviewOn: data.date } });
    if (!updated) throw new AppError('conflict', { key: 'problem.reviewHeld' });
    await recordAudit(tx, {
      actor: { id: viewer.id, label: viewer.email }, action: 'review.updated', entityType: 'review', entityId: id,
      before: { name: row.name, date: row.reviewOn }, after: { name: data.name ?? row.name, date: data.date ?? row.reviewOn },
      sourceAddress: ctx.sourceAddress, userAgent: ctx.userAgent,
    });
    return reviewShape(ctx as SignedInContext, (await getReview({ db: tx, id }))!);
  });
}

/**
 * Holds a review on or after its date: the briefing as at its date (from the previous held review,
 * or the signing) is computed, made into the PDF, and both are stored with who and when, once. The
 * row then refuses every change (a trigger), so the record never moves, whatever is posted later.
 */
export async function holdReview(ctx: RequestContext, id: string, input: InputSource, origin: string) {
  const row = await loadReview(ctx, id);
  const { viewer } = authorize(ctx, 'review.hold');
  parseInput(holdReviewSchema, (await readInput(input)) ?? {});
  if (row.heldAt) throw new AppError('conflict', { key: 'problem.reviewHeld' });
  const today = await databaseToday({ db: ctx.db });
  if (row.reviewOn > today) throw new AppError('invalid', { key: 'problem.reviewNotYet', values: { date: row.reviewOn } });
  const scope = await resolveBriefingScope(ctx.db, { agenda: row.agendaSlug, to: row.reviewOn });
  const briefing = await computeBriefing(ctx.db, scope);
  const pdf = await renderBriefingPdf(briefing, origin);
  return ctx.db.transaction(async (tx) => {
    const held = await markReviewHeld({ db: tx, id, heldById: viewer.id, briefing, pdf });
    if (!held) throw new AppError('conflict', { key: 'problem.reviewHeld' });
    await recordAudit(tx, {
      actor: { id: viewer.id, label: viewer.email }, action: 'review.held', entityType: 'review', entityId: id,
      after: { date: row.reviewOn, from: briefing.from, to: briefing.to, pdfBytes: pdf.byteLength }, sourceAddress: ctx.sourceAddress, userAgent: ctx.userAgent,
    });
    return { ...reviewShape(ctx as SignedInContext, (await getReview({ db: tx, id }))!), briefing };
  });
}
