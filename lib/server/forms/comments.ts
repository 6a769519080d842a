import 'server-only';
import { type FormState, succeeded } from '@/lib/domain/form-state';
import { addComment, setCommentResolved } from '../comments';
import type { RequestContext } from '../context';
import { errorState } from '../error-answers';
import { field, trimmed } from './form-data';

export type CommentState = FormState<{ id: string }>;
export type ResolveState = FormState<{ resolved: boolean }>;

/** A comment on the commitment, on one update (`updateId`), or a reply (`parentId`). */
export async function runAddComment(ctx: RequestContext, form: FormData): Promise<CommentState> {
  const input = {
    body: field(form, 'body') ?? '',
    updateId: trimmed(form, 'updateId') || undefined,
    parentId: trimmed(form, 'parentId') || undefined,
  };
  try {
    const created = await addComment(ctx, trimmed(form, 'commitmentId'), input);
    return succeeded({ id: created.id });
  } catch (error) {
    return errorState(error);
  }
}

/** Resolves (`resolved=true`) or reopens (`resolved=false`) the thread a comment belongs to. */
export async function runSetResolved(ctx: RequestContext, form: FormData): Promise<ResolveState> {
  try {
    const result = await setCommentResolved(ctx, trimmed(form, 'commentId'), { resolved: field(form, 'resolved') !== 'false' });
    return succeeded({ resolved: result.resolved });
  } catch (error) {
    return errorState(error);
  }
}
