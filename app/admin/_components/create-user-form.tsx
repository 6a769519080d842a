'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { describedBy } from '@/components/forms/described-by';
import { ErrorSummary } from '@/components/forms/error-summary';
import { FieldError } from '@/components/forms/field-error';
import { SubmitButton } from '@/components/forms/submit-button';
import { SuccessMessage } from '@/components/forms/success-message';
import { useFormAction } from '@/components/forms/use-form-action';
import { createUserAction } from '../users/actions';
import { OneTimePassword } from './one-time-password';
import { AccessFields, type OrganisationChoice } from './user-fields';

const ID = 'new-user';

export function CreateUserForm({ organisations }: { organisations: OrganisationChoice[] }) {
  const t = useTranslations('admin.users');
  const { state, formAction, onSubmit, pending, fields } = useFormAction(createUserAction);
  const at = state.status === 'idle' ? 0 : state.at;
  const fieldIds = { email: `${ID}-email`, name: `${ID}-name`, role: `${ID}-role`, organisationId: `${ID}-organisationId` };
  const labels = { email: t('fields.email'), name: t('fields.name'), role: t('fields.role'), organisationId: t('fields.organisation') };
  return (
    <>
      <SuccessMessage state={state}>
        {state.status === 'success' && state.secret && <OneTimePassword password={state.secret} />}
        {state.status === 'success' && state.link && (
          <p><Link href={state.link}>{t('create.open')}</Link></p>
        )}
      </SuccessMessage>
      {/* After a success the form starts empty again (new key); after an error it keeps what was typed. */}
      <form key={state.status === 'success' ? at : 'form'} action={formAction} onSubmit={onSubmit} className="form admin-form" noValidate>
        <ErrorSummary state={state} fieldIds={fieldIds} labels={labels} id={`${ID}-errors`} />
        <div className="field">
          <label htmlFor={fieldIds.email}>{t('fields.email')}</label>
          <input
            id={fieldIds.email} name="email" type="email" autoComplete="off" spellCheck={false} required maxLength={254}
            aria-invalid={fields.email ? true : undefined} aria-describedby={describedBy(fields.email && `${ID}-email-error`)}
          />
          <FieldError id={`${ID}-email-error`} messages={fields.email} />
        </div>
        <AccessFields prefix={ID} fields={fields} organisations={organisations} defaults={{}} />
        <p className="field__hint">{t('create.passwordNote')}</p>
        <div>
          <SubmitButton label={t('create.submit')} pending={pending} />
        </div>
      </form>
    </>
  );
}
