'use server';

import { revalidatePath } from 'next/cache';
import { type AdminFormState, errorState, success, text } from '@/lib/server/admin/form-state';
import { disableUser, enableUser, resetPassword, signOutEverywhere, updateUser } from '@/lib/server/admin/user-access';
import { currentContext } from '@/lib/server/context';

// Thin: each reads the form, calls the data-access layer (which checks the session, the role and the
// input), and turns a refusal into form state.

export async function updateUserAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  return run(form, async (ctx, id) => {
    const result = await updateUser(ctx, { id, name: text(form, 'name'), role: text(form, 'role'), organisationId: text(form, 'organisationId') });
    if (!result.changed) return success({ key: 'admin.user.access.unchanged' });
    return success({ key: result.signedOut ? 'admin.user.access.savedSignedOut' : 'admin.user.access.saved', values: { count: result.sessionsEnded } });
  });
}

/** Disable (`disable=true`) or enable the account: one form, so its message survives the swap of buttons. */
export async function setUserDisabledAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  return run(form, async (ctx, id) => {
    if (text(form, 'disable') === 'true') {
      const result = await disableUser(ctx, { id });
      return success({ key: result.changed ? 'admin.user.status.disabledDone' : 'admin.user.status.alreadyDisabled', values: { count: result.sessionsEnded } });
    }
    const result = await enableUser(ctx, { id });
    return success({ key: result.changed ? 'admin.user.status.enabledDone' : 'admin.user.status.alreadyEnabled' });
  });
}

export async function signOutEverywhereAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  return run(form, async (ctx, id) => {
    const result = await signOutEverywhere(ctx, { id });
    return success({ key: 'admin.user.sessions.done', values: { count: result.sessionsEnded } });
  });
}

export async function resetPasswordAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  return run(form, async (ctx, id) => {
    const result = await resetPassword(ctx, { id });
    return success({ key: 'admin.user.password.done', values: { count: result.sessionsEnded } }, { secret: result.password });
  });
}

async function run(
  form: FormData,
  change: (ctx: Awaited<ReturnType<typeof currentContext>>, id: string) => Promise<AdminFormState>,
): Promise<AdminFormState> {
  const id = text(form, 'id');
  try {
    const state = await change(await currentContext(), id);
    revalidatePath(`/admin/users/${id}`);
    return state;
  } catch (error) {
    return errorState(error);
  }
}
