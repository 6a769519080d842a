'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { isUuid } from '@/lib/server/commitments';
import { currentContext } from '@/lib/server/context';
import { type CommentState, type ResolveState, runAddComment, runSetResolved } from '@/lib/server/forms/comments';
import { type DecisionState, runDecideUpdate } from '@/lib/server/forms/decisions';
import { type EditState, runEditCommitment } from '@/lib/server/forms/edit-commitment';
import { type PostUpdateState, runPostUpdate } from '@/lib/server/forms/post-update';

// Thin entry points: each resolves who is asking, and the handler (tested on its own) does the
// rest through lib/server, which checks the session, the permission and the input again.

function refresh(form: FormData): void {
  const id = String(form.get('commitmentId') ?? '');
  if (isUuid(id)) revalidatePath(`/commitments/${id}`);
}

export async function postUpdateAction(_prev: PostUpdateState, form: FormData): Promise<PostUpdateState> {
  const state = await runPostUpdate(await currentContext(), form);
  if (state.status === 'success') {
    refresh(form);
    revalidatePath('/commitments');
  }
  return state;
}

export async function addCommentAction(_prev: CommentState, form: FormData): Promise<CommentState> {
  const state = await runAddComment(await currentContext(), form);
  if (state.status === 'success') refresh(form);
  return state;
}

export async function setResolvedAction(_prev: ResolveState, form: FormData): Promise<ResolveState> {
  const state = await runSetResolved(await currentContext(), form);
  if (state.status === 'success') refresh(form);
  return state;
}

export async function editCommitmentAction(_prev: EditState, form: FormData): Promise<EditState> {
  const state = await runEditCommitment(await currentContext(), form);
  if (state.status !== 'success') return state;
  revalidatePath('/commitments');
  redirect(`/commitments/${state.id}?saved=1`);
}

export async function decideUpdateAction(_prev: DecisionState, form: FormData): Promise<DecisionState> {
  const state = await runDecideUpdate(await currentContext(), form);
  if (state.status === 'success') {
    refresh(form);
    revalidatePath('/confirmations');
  }
  return state;
}
