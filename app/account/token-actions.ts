'use server';

import { revalidatePath } from 'next/cache';
import { type FormState, succeeded } from '@/lib/domain/form-state';
import { createToken, revokeToken } from '@/lib/server/api-tokens';
import { currentContext } from '@/lib/server/context';
import { errorState } from '@/lib/server/error-answers';
import { text } from '@/lib/server/forms/form-data';

/** A form's whole number as a number; anything else as typed, for the schema to name the problem. */
function wholeNumber(value: string): number | string {
  return /^\d{1,6}$/.test(value.trim()) ? Number(value.trim()) : value;
}

export async function createTokenAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    const made = await createToken(await currentContext(), {
      name: text(form, 'name'), scope: text(form, 'scope'), expiresInDays: wholeNumber(text(form, 'expiresInDays')),
    });
    revalidatePath('/account');
    return succeeded({ message: { key: 'account.tokens.created', values: { name: made.name } }, secret: made.token });
  } catch (error) {
    return errorState(error);
  }
}

export async function revokeTokenAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    const revoked = await revokeToken(await currentContext(), text(form, 'id'));
    revalidatePath('/account');
    revalidatePath('/admin/tokens');
    return succeeded({ message: { key: 'account.tokens.revoked', values: { name: revoked.name } } });
  } catch (error) {
    return errorState(error);
  }
}
