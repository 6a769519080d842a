import 'server-only';
import {
  findCommentCommitment, findCommentOnCommitment, findThreadStart, insertComment, markThreadOpen, markThreadResolved,
} from '@/db/queries/comments';
import { updateSequence } from '@/db/queries/status-updates';
import { commentSchema, resolveSchema } from '@/lib/domain/inputs';
import { recordAudit } from './audit';
import { notifyOnCommitment } from './notifications/produce';
import { isUuid, loadCommitment } from './commitments';
import type { RequestContext } from './context';
import { AppError, invalid } from './errors';
import { authorize, requireSignedIn } from './guard';
import { type InputSource, parseInput, readInput } from './input';

/** A comment on a commitment, on one of its updates, or a reply in a thread. */
export async function addComment(ctx: RequestContext, commitmentId: string, input: InputSource) {
  const commitment = await loadCommitment(ctx, commitmentId);
  const { viewer } = authorize(ctx, 'comment.create', commitment);
  const data = parseInput(commentSchema, await readInput(input));

  return ctx.db.transaction(async (tx) => {
    let updateId = data.updateId ?? null;
    if (data.parentId) {
      const parent = await findCommentOnCommitment({ db: tx, id: data.parentId, commitmentId });
      if (!parent) throw invalid({ parentId: [{ key: 'validation.parentElsewhere' }] });
      // A reply belongs to the same update as the comment it answers.
      updateId = parent.statusUpdateId;
    } else if (updateId) {
      const sequence = await updateSequence({ db: tx, updateId, commitmentId });
      if (sequence === undefined) throw invalid({ updateId: [{ key: 'validation.updateElsewhere' }] });
    }
    const created = await insertComment({
      db: tx, comment: { commitmentId, statusUpdateId: updateId, parentId: data.parentId ?? null, authorId: viewer.id, body: data.body },
    });
    await recordAudit(tx, {
      actor: { id: viewer.id, label: viewer.email }, action: 'comment.created', entityType: 'comment', entityId: created.id,
      after: { commitmentId, updateId, parentId: data.parentId ?? null, body: data.body },
      sourceAddress: ctx.sourceAddress, userAgent: ctx.userAgent,
    });
    const threadRootId = data.parentId ? (await findThreadStart({ db: tx, commentId: data.parentId }))!.id : null;
    await notifyOnCommitment(
      tx,
      { type: 'comment_posted', actorId: viewer.id, leads: commitment, isReply: threadRootId !== null },
      { commitmentId, statusUpdateId: updateId, commentId: created.id, actorId: viewer.id, threadRootId },
    );
    return created;
  });
}

/** Resolves or reopens a thread. Acting on a reply acts on the thread it belongs to. */
export async function setCommentResolved(ctx: RequestContext, commentId: string, input: InputSource) {
  requireSignedIn(ctx);
  const found = isUuid(commentId) ? await findCommentCommitment({ db: ctx.db, id: commentId }) : undefined;
  if (!found) throw new AppError('not_found', { key: 'problem.noComment' });
  const commitment = await loadCommitment(ctx, found.commitmentId);
  const { viewer } = authorize(ctx, 'comment.resolve', commitment);
  const { resolved } = parseInput(resolveSchema, (await readInput(input)) ?? {});

  return ctx.db.transaction(async (tx) => {
    const root = (await findThreadStart({ db: tx, commentId }))!;
    const after = resolved
      ? await markThreadResolved({ db: tx, id: root.id, resolvedById: viewer.id })
      : await markThreadOpen({ db: tx, id: root.id });
    await recordAudit(tx, {
      actor: { id: viewer.id, label: viewer.email }, action: resolved ? 'comment.resolved' : 'comment.reopened',
      entityType: 'comment', entityId: root.id, before: { resolvedAt: root.resolvedAt }, after: { resolvedAt: after.resolvedAt },
      sourceAddress: ctx.sourceAddress, userAgent: ctx.userAgent,
    });
    await notifyOnCommitment(
      tx,
      { type: 'thread_resolution', actorId: viewer.id },
      { commitmentId: found.commitmentId, commentId: root.id, actorId: viewer.id, threadRootId: root.id, data: { resolved } },
    );
    return { id: root.id, resolved: after.resolvedAt !== null, resolvedAt: after.resolvedAt };
  });
}
