'use server';

import { AuthError } from 'next-auth';
import { signIn, signOut } from '@/auth';
import { safeCallbackPath } from '@/lib/safe-redirect';

export interface SignInState {
  email: string;
  error?: 'invalid' | 'emailRequired' | 'passwordRequired';
}

export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get('email') ?? '').trim();
  const password = String(formData.get('password') ?? '');
  if (!email) return { email, error: 'emailRequired' };
  if (!password) return { email, error: 'passwordRequired' };
  try {
    await signIn('credentials', { email, password, redirectTo: safeCallbackPath(formData.get('callbackUrl')) });
  } catch (error) {
    // Success ends in a redirect, which is thrown and must travel on.
    if (error instanceof AuthError) return { email, error: 'invalid' };
    throw error;
  }
  return { email };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/sign-in?signedOut=1' });
}
