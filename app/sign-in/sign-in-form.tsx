'use client';

import { useTranslations } from 'next-intl';
import { describedBy } from '@/components/forms/described-by';
import { ErrorSummary } from '@/components/forms/error-summary';
import { FieldError } from '@/components/forms/field-error';
import { SubmitButton } from '@/components/forms/submit-button';
import { useFormAction } from '@/components/forms/use-form-action';
import { signInAction } from './actions';

const SUMMARY = 'sign-in-error';

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('signIn');
  const { state, formAction, onSubmit, pending, fields } = useFormAction(signInAction);
  // A wrong email or password is not told apart: both fields are marked.
  const refused = state.status === 'error' && state.code === 'unauthenticated';
  return (
    <form action={formAction} onSubmit={onSubmit} className="form" noValidate>
      <ErrorSummary state={state} id={SUMMARY} fieldIds={{ email: 'email', password: 'password' }} labels={{ email: t('email'), password: t('password') }} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="field">
        <label htmlFor="email">{t('email')}</label>
        <input
          id="email" name="email" type="email" autoComplete="username" required defaultValue={state.email ?? ''}
          aria-invalid={refused || fields.email ? true : undefined}
          aria-describedby={describedBy(refused && SUMMARY, fields.email && 'email-error')}
        />
        <FieldError id="email-error" messages={fields.email} />
      </div>
      <div className="field">
        <label htmlFor="password">{t('password')}</label>
        <input
          id="password" name="password" type="password" autoComplete="current-password" required
          aria-invalid={refused || fields.password ? true : undefined}
          aria-describedby={describedBy(refused && SUMMARY, fields.password && 'password-error')}
        />
        <FieldError id="password-error" messages={fields.password} />
      </div>
      <SubmitButton label={t('submit')} pendingLabel={t('submitting')} pending={pending} />
    </form>
  );
}
