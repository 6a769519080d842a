import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../connect';
import { selectRows } from '../rows';
import { comments } from '../schema';

/** The comment with this id on this commitment, with the update it answers; undefined when it is on another or none. */
export async function findCommentOnCommitment({ db, id, commitmentId }: { db: Database; id: string; commitmentId: string }) {
  const [comment] = await db
    .select({ statusUpdateId: comments.statusUpdateId })
    .from(comments)
    .where(and(eq(comments.id, id), eq(comments.commitmentId, commitmentId)));
  return comment;
}

/** The commitment a comment is on; undefined when there is no such comment. */
export async function findCommentCommitment({ db, id }: { db: Database; id: string }) {
  const [comment] = await db.select({ commitmentId: comments.commitmentId }).from(comments).where(eq(comments.id, id));
  return comment;
}

interface NewComment {
  commitmentId: string;
  statusUpdateId: string | null;
  parentId: string | null;
  authorId: string;
  body: string;
}

export async function insertComment({ db, comment }: { db: Database; comment: NewComment }) {
  const [created] = await db.insert(comments).values(comment).returning();
  return created!;
}

/** The first comment of the thread a comment belongs to (the comment itself when it starts one). */
export async function findThreadStart({ db, commentId }: { db: Database; commentId: string }) {
  const [root] = await selectRows<{ id: string; resolvedAt: Date | null }>(
    db,
    sql`with recursive thread as (
          select id, parent_id, resolved_at from comments where id = ${commentId}
          union all
          select c.id, c.parent_id, c.resolved_at from comments c join thread t on c.id = t.parent_id
        ) select id, resolved_at as "resolvedAt" from thread where parent_id is null`,
  );
  return root;
}

const resolution = { id: comments.id, resolvedAt: comments.resolvedAt, resolvedById: comments.resolvedById };

/** Marks a thread resolved by `resolvedById`; a thread resolved already keeps its first resolution. */
export async function markThreadResolved({ db, id, resolvedById }: { db: Database; id: string; resolvedById: string }) {
  const [after] = await db
    .update(comments)
    .set({ resolvedAt: sql`coalesce(${comments.resolvedAt}, now())`, resolvedById: sql`coalesce(${comments.resolvedById}, ${resolvedById})` })
    .where(eq(comments.id, id))
    .returning(resolution);
  return after!;
}

export async function markThreadOpen({ db, id }: { db: Database; id: string }) {
  const [after] = await db.update(comments).set({ resolvedAt: null, resolvedById: null }).where(eq(comments.id, id)).returning(resolution);
  return after!;
}
