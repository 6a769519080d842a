import 'server-only';
import { sql } from 'drizzle-orm';
import { selectRows } from '@/db/rows';
import { comments } from '@/db/schema';
import { commentSchema, resolveSchema } from '@/lib/domain/inputs';
import { recordAudit } from './audit';
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
      const [parent] = await selectRows<{ status_update_id: string | null }>(
        tx, sql`select status_update_id from comments where id = ${data.parentId} and commitment_id = ${commitmentId}`,
      );
      if (!parent) throw invalid({ parentId: [{ key: 'validation.parentElsewhere' }] });
      // A reply belongs to the same update as the comment it answers.
      updateId = parent.status_update_id;
    } else if (updateId) {
      const found = await selectRows(tx, sql`select 1 from status_updates where id = ${updateId} and commitment_id = ${commitmentId}`);
      if (!found.length) throw invalid({ updateId: [{ key: 'validation.updateElsewhere' }] });
    }
    const [created] = await tx
      .insert(comments)
      .values({ commitmentId, statusUpdateId: updateId, parentId: data.parentId ?? null, authorId: viewer.id, body: data.body })
      .returning();
    await recordAudit(tx, {
      actor: { id: viewer.id, label: viewer.email }, action: 'comment.created', entityType: 'comment', entityId: created!.id,
      after: { commitmentId, updateId, parentId: data.parentId ?? null, body: data.body },
      sourceAddress: ctx.sourceAddress, userAgent: ctx.userAgent,
    });
    return created!;
  });
}

/** Resolves or reopens a thread. Acting on a reply acts on the thread it belongs to. */
export async function setCommentResolved(ctx: RequestContext, commentId: string, input: InputSource) {
  requireSignedIn(ctx);
  const [found] = isUuid(commentId)
    ? await selectRows<{ commitment_id: string }>(ctx.db, sql`select commitment_id from comments where id = ${commentId}`)
    : [];
  if (!found) throw new AppError('not_found', { key: 'problem.noComment' });
  const commitment = await loadCommitment(ctx, found.commitment_id);
  const { viewer } = authorize(ctx, 'comment.resolve', commitment);
  const { resolved } = parseInput(resolveSchema, (await readInput(input)) ?? {});

  return ctx.db.transaction(async (tx) => {
    const [root] = await selectRows<{ id: string; resolved_at: Date | null }>(
      tx,
      sql`with recursive thread as (
            select id, parent_id, resolved_at from comments where id = ${commentId}
            union all
            select c.id, c.parent_id, c.resolved_at from comments c join thread t on c.id = t.parent_id
          ) select id, resolved_at from thread where parent_id is null`,
    );
    const [after] = await selectRows<{ id: string; resolved_at: Date | null; resolved_by_id: string | null }>(
      tx,
      resolved
        ? sql`update comments set resolved_at = coalesce(resolved_at, now()), resolved_by_id = coalesce(resolved_by_id, ${viewer.id})
               where id = ${root!.id} returning id, resolved_at, resolved_by_id`
        : sql`update comments set resolved_at = null, resolved_by_id = null where id = ${root!.id} returning id, resolved_at, resolved_by_id`,
    );
    await recordAudit(tx, {
      actor: { id: viewer.id, label: viewer.email }, action: resolved ? 'comment.resolved' : 'comment.reopened',
      entityType: 'comment', entityId: root!.id, before: { resolvedAt: root!.resolved_at }, after: { resolvedAt: after!.resolved_at },
      sourceAddress: ctx.sourceAddress, userAgent: ctx.userAgent,
    });
    return { id: root!.id, resolved: after!.resolved_at !== null, resolvedAt: after!.resolved_at };
  });
}
