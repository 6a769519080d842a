'use server';

import { signOut } from '@/auth';
import { changeOwnPassword } from '@/lib/server/account';
import type { FormState } from '@/lib/domain/form-state';
import { currentContext } from '@/lib/server/context';
import { errorState } from '@/lib/server/error-answers';
import { text } from '@/lib/server/forms/form-data';

export async function changePasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
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
