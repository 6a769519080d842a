'use client';

import { useTranslations } from 'next-intl';
import { describedBy } from '@/components/forms/described-by';
import { ErrorSummary } from '@/components/forms/error-summary';
import { FieldError } from '@/components/forms/field-error';
import { SubmitButton } from '@/components/forms/submit-button';
import { useFormAction } from '@/components/forms/use-form-action';
import { changePasswordAction } from './actions';

const ID = 'change-password';
const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;

export function ChangePasswordForm() {
  const t = useTranslations('account.password');
  const { state, formAction, onSubmit, pending, fields } = useFormAction(changePasswordAction);
  const fieldIds = Object.fromEntries(FIELDS.map((f) => [f, `${ID}-${f}`])) as Record<(typeof FIELDS)[number], string>;
  const labels = { currentPassword: t('current'), newPassword: t('new'), confirmPassword: t('confirm') };
  const autoComplete = { currentPassword: 'current-password', newPassword: 'new-password', confirmPassword: 'new-password' };
  return (
    <form action={formAction} onSubmit={onSubmit} className="form admin-form" noValidate>
      <ErrorSummary state={state} fieldIds={fieldIds} labels={labels} id={`${ID}-errors`} />
      {FIELDS.map((f) => (
        <div className="field" key={f}>
          <label htmlFor={fieldIds[f]}>{labels[f]}</label>
          <input
            id={fieldIds[f]} name={f} type="password" autoComplete={autoComplete[f]} required maxLength={1024}
            aria-invalid={fields[f] ? true : undefined}
            aria-describedby={describedBy(f === 'newPassword' && `${ID}-new-hint`, fields[f] && `${fieldIds[f]}-error`)}
          />
          {f === 'newPassword' && <p className="field__hint" id={`${ID}-new-hint`}>{t('newHint')}</p>}
          <FieldError id={`${fieldIds[f]}-error`} messages={fields[f]} />
        </div>
      ))}
      <div>
        <SubmitButton label={t('submit')} pending={pending} />
      </div>
    </form>
  );
}
