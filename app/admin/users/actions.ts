'use server';

import { revalidatePath } from 'next/cache';
import { type FormState, succeeded } from '@/lib/domain/form-state';
import { createUser } from '@/lib/server/admin/users';
import { currentContext } from '@/lib/server/context';
import { errorState } from '@/lib/server/error-answers';
import { text } from '@/lib/server/forms/form-data';

export async function createUserAction(_prev: FormState, form: FormData): Promise<FormState> {
  const input = { email: text(form, 'email'), name: text(form, 'name'), role: text(form, 'role'), organisationId: text(form, 'organisationId') };
  try {
    const { user, initialPassword } = await createUser(await currentContext(), input);
    revalidatePath('/admin/users');
    // The password goes back in this answer only; it is never stored, logged or put in the audit event.
    return succeeded({
      message: { key: 'admin.users.create.success', values: { email: user.email } }, secret: initialPassword, link: `/admin/users/${user.id}`,
    });
  } catch (error) {
    return errorState(error);
  }
}
