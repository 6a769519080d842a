'use server';

import { revalidatePath } from 'next/cache';
import { type FormState, succeeded } from '@/lib/domain/form-state';
import { revokeToken } from '@/lib/server/api-tokens';
import { currentContext } from '@/lib/server/context';
import { errorState } from '@/lib/server/error-answers';
import { text } from '@/lib/server/forms/form-data';

export async function adminRevokeTokenAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    const revoked = await revokeToken(await currentContext(), text(form, 'id'));
    revalidatePath('/admin/tokens');
    return succeeded({ message: { key: 'admin.tokens.revoked', values: { name: revoked.name, owner: revoked.ownerName } } });
  } catch (error) {
    return errorState(error);
  }
}
