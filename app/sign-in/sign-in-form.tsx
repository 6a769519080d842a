'use client';

import { useActionState, useEffect, useRef } from 'react';
import { useTranslations } from 'next-intl';
import { type SignInState, signInAction } from './actions';

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('signIn');
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, { email: '' });
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.error) summary.current?.focus();
  }, [state]);
  const emailError = state.error === 'emailRequired';
  const passwordError = state.error === 'passwordRequired';
  return (
    <form action={action} className="form" noValidate>
      {state.error && (
        <div className="error-box" role="alert" tabIndex={-1} ref={summary} id="sign-in-error">
          <strong>{t('errorSummary')}</strong>
          <p>{t(state.error)}</p>
        </div>
      )}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="field">
        <label htmlFor="email">{t('email')}</label>
        <input
          id="email" name="email" type="email" autoComplete="username" required defaultValue={state.email}
          aria-invalid={emailError || state.error === 'invalid' || undefined}
          aria-describedby={state.error ? 'sign-in-error' : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor="password">{t('password')}</label>
        <input
          id="password" name="password" type="password" autoComplete="current-password" required
          aria-invalid={passwordError || state.error === 'invalid' || undefined}
          aria-describedby={state.error ? 'sign-in-error' : undefined}
        />
      </div>
      <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
        {pending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
