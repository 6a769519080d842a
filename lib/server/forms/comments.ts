import 'server-only';
import { addComment, setCommentResolved } from '../comments';
import type { RequestContext } from '../context';
import { field, trimmed } from './form-data';
import { type ErrorState, type IdleState, toErrorState } from './form-state';

export type CommentState = IdleState | ErrorState | { status: 'success'; id: string };
export type ResolveState = IdleState | ErrorState | { status: 'success'; resolved: boolean };

/** A comment on the commitment, on one update (`updateId`), or a reply (`parentId`). */
export async function runAddComment(ctx: RequestContext, form: FormData): Promise<CommentState> {
  const input = {
    body: field(form, 'body') ?? '',
    updateId: trimmed(form, 'updateId') || undefined,
    parentId: trimmed(form, 'parentId') || undefined,
  };
  try {
    const created = await addComment(ctx, trimmed(form, 'commitmentId'), input);
    return { status: 'success', id: created.id };
  } catch (error) {
    return toErrorState(error);
  }
}

/** Resolves (`resolved=true`) or reopens (`resolved=false`) the thread a comment belongs to. */
export async function runSetResolved(ctx: RequestContext, form: FormData): Promise<ResolveState> {
  try {
    const result = await setCommentResolved(ctx, trimmed(form, 'commentId'), { resolved: field(form, 'resolved') !== 'false' });
    return { status: 'success', resolved: result.resolved };
  } catch (error) {
    return toErrorState(error);
  }
}
