'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { currentContext } from '@/lib/server/context';
import { type CreateState, runCreateCommitment } from '@/lib/server/forms/create-commitment';

export async function createCommitmentAction(_prev: CreateState, form: FormData): Promise<CreateState> {
  const state = await runCreateCommitment(await currentContext(), form);
  if (state.status !== 'success') return state;
  revalidatePath('/commitments');
  redirect(`/commitments/${state.id}?created=1`);
}
