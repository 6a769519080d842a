'use server';

import { signOut } from '@/auth';
import { changeOwnPassword } from '@/lib/server/account';
import { type AdminFormState, errorState, text } from '@/lib/server/admin/form-state';
import { currentContext } from '@/lib/server/context';

export async function changePasswordAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  try {
    await changeOwnPassword(await currentContext(), {
      currentPassword: text(form, 'currentPassword'), newPassword: text(form, 'newPassword'), confirmPassword: text(form, 'confirmPassword'),
    });
  } catch (error) {
    return errorState(error);
  }
  // Every session has ended; this clears the browser's cookie and asks for the new password.
  await signOut({ redirectTo: '/sign-in?passwordChanged=1' });
  return { status: 'idle' };
}
