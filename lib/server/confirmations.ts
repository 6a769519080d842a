import 'server-only';
import { decideConfirmation, getUpdateForDecision, listAwaitingDecisionBy, refreshConfirmedStage } from '@/db/queries/confirmations';
import { getCommitmentRow } from '@/db/queries/commitments';
import { listUpdates } from '@/db/queries/commitment-detail';
import { decisionSchema } from '@/lib/domain/inputs';
import { recordAudit } from './audit';
import { notifyOnCommitment } from './notifications/produce';
import { toApiUpdate } from './api-shapes';
import { isUuid, loadCommitment } from './commitments';
import type { RequestContext } from './context';
import { AppError } from './errors';
import { roleAllows } from '@/lib/domain/permissions';
import { authorize, requireSignedIn } from './guard';
import { type InputSource, parseInput, readInput } from './input';

/**
 * The other side's decision on a status update: confirm, or dispute with a note. Checks in the usual
 * order: signed in (401), the update exists (404), the viewer is staff of the other side's lead
 * organisation (403), the body (422, and 422 for an update that needs no decision), then in one
 * transaction the decision lands only if none did before (409).
 */
export async function decideUpdate(ctx: RequestContext, updateId: string, input: InputSource) {
  requireSignedIn(ctx);
  const update = isUuid(updateId) ? await getUpdateForDecision({ db: ctx.db, id: updateId }) : undefined;
  if (!update) throw new AppError('not_found', { key: 'problem.noUpdate' });
  const commitment = await loadCommitment(ctx, update.commitmentId);
  const { viewer } = authorize(ctx, 'update.decide', { ...commitment, authorParty: update.party });
  const data = parseInput(decisionSchema, await readInput(input));
  if (!update.claims) throw new AppError('invalid', { key: 'problem.noDecisionNeeded' });

  const decision = data.decision === 'confirm' ? 'confirmed' : 'disputed';
  const note = data.note || null;
  await ctx.db.transaction(async (tx) => {
    // The commitment's row first: decisions on one commitment queue up, so its confirmed view is
    // derived from every decision before it.
    await getCommitmentRow({ db: tx, id: update.commitmentId, forUpdate: true });
    const landed = await decideConfirmation({ db: tx, statusUpdateId: update.id, decision, decidedById: viewer.id, note });
    if (!landed) throw new AppError('conflict', { key: 'problem.alreadyDecided' });
    await refreshConfirmedStage({ db: tx, commitmentIds: [update.commitmentId] });
    await recordAudit(tx, {
      actor: { id: viewer.id, label: viewer.email }, action: `status_update.${decision}`, entityType: 'status_update', entityId: update.id,
      before: { decision: null }, after: { commitmentId: update.commitmentId, sequence: update.sequence, decision, note },
      sourceAddress: ctx.sourceAddress, userAgent: ctx.userAgent,
    });
    await notifyOnCommitment(
      tx,
      { type: 'update_decided', actorId: viewer.id, updateAuthorId: update.authorId },
      { commitmentId: update.commitmentId, statusUpdateId: update.id, actorId: viewer.id, extraUserId: update.authorId, data: { decision } },
    );
  });
  const updates = await listUpdates({ db: ctx.db, commitmentId: update.commitmentId });
  return toApiUpdate(updates.find((u) => u.id === update.id)!);
}

/**
 * "Awaiting your confirmation": the other side's updates the viewer may decide, oldest first; null
 * for a viewer whose role never decides (officials, reviewers, administrators).
 */
export async function listAwaitingMyDecision(ctx: RequestContext) {
  const { db, viewer } = requireSignedIn(ctx);
  if (!roleAllows(viewer, 'update.decide') || !viewer.organisationId) return null;
  return listAwaitingDecisionBy({ db, organisationId: viewer.organisationId });
}
