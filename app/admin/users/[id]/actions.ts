'use server';

import { revalidatePath } from 'next/cache';
import { type FormState, succeeded } from '@/lib/domain/form-state';
import { disableUser, enableUser, resetPassword, signOutEverywhere, updateUser } from '@/lib/server/admin/user-access';
import { currentContext } from '@/lib/server/context';
import { errorState } from '@/lib/server/error-answers';
import { text } from '@/lib/server/forms/form-data';

// Thin: each reads the form, calls the data-access layer (which checks the session, the role and the
// input), and turns a refusal into form state.

export async function updateUserAction(_prev: FormState, form: FormData): Promise<FormState> {
  return run(form, async (ctx, id) => {
    const result = await updateUser(ctx, { id, name: text(form, 'name'), role: text(form, 'role'), organisationId: text(form, 'organisationId') });
    if (!result.changed) return notice('admin.user.access.unchanged');
    return notice(result.signedOut ? 'admin.user.access.savedSignedOut' : 'admin.user.access.saved', result.sessionsEnded);
  });
}

/** Disable (`disable=true`) or enable the account: one form, so its message survives the swap of buttons. */
export async function setUserDisabledAction(_prev: FormState, form: FormData): Promise<FormState> {
  return run(form, async (ctx, id) => {
    if (text(form, 'disable') === 'true') {
      const result = await disableUser(ctx, { id });
      return notice(result.changed ? 'admin.user.status.disabledDone' : 'admin.user.status.alreadyDisabled', result.sessionsEnded);
    }
    const result = await enableUser(ctx, { id });
    return notice(result.changed ? 'admin.user.status.enabledDone' : 'admin.user.status.alreadyEnabled');
  });
}

export async function signOutEverywhereAction(_prev: FormState, form: FormData): Promise<FormState> {
  return run(form, async (ctx, id) => notice('admin.user.sessions.done', (await signOutEverywhere(ctx, { id })).sessionsEnded));
}

export async function resetPasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  return run(form, async (ctx, id) => {
    const result = await resetPassword(ctx, { id });
    return succeeded({ message: { key: 'admin.user.password.done', values: { count: result.sessionsEnded } }, secret: result.password });
  });
}

function notice(key: string, sessionsEnded?: number): FormState {
  return succeeded({ message: sessionsEnded === undefined ? { key } : { key, values: { count: sessionsEnded } } });
}

async function run(
  form: FormData,
  change: (ctx: Awaited<ReturnType<typeof currentContext>>, id: string) => Promise<FormState>,
): Promise<FormState> {
  const id = text(form, 'id');
  try {
    const state = await change(await currentContext(), id);
    revalidatePath(`/admin/users/${id}`);
    return state;
  } catch (error) {
    return errorState(error);
  }
}
