'use server';

import { AuthError } from 'next-auth';
import { signIn, signOut } from '@/auth';
import type { ErrorState, IdleState } from '@/lib/domain/form-state';
import type { FieldMessages, Message } from '@/lib/domain/messages';
import { safeCallbackPath } from '@/lib/safe-redirect';

/** The form's answer, with the email typed so far (a form posted before hydration is drawn anew). */
export type SignInState = (IdleState | ErrorState) & { email?: string };

export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get('email') ?? '').trim();
  const password = String(formData.get('password') ?? '');
  if (!email || !password) {
    const fields: FieldMessages = {};
    if (!email) fields.email = [{ key: 'signIn.emailRequired' }];
    if (!password) fields.password = [{ key: 'signIn.passwordRequired' }];
    return refused(email, 'invalid', { key: 'problem.invalid' }, fields);
  }
  try {
    await signIn('credentials', { email, password, redirectTo: safeCallbackPath(formData.get('callbackUrl')) });
  } catch (error) {
    // Success ends in a redirect, which is thrown and must travel on.
    if (error instanceof AuthError) return refused(email, 'unauthenticated', { key: 'signIn.invalid' });
    throw error;
  }
  return { status: 'idle', email };
}

function refused(email: string, code: string, summary: Message, fields: FieldMessages = {}): SignInState {
  return { status: 'error', code, summary, fields, at: Date.now(), email };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/sign-in?signedOut=1' });
}
