'use client';

import { useTranslations } from 'next-intl';
import { ErrorSummary } from '@/components/forms/error-summary';
import { SubmitButton } from '@/components/forms/submit-button';
import { SuccessMessage } from '@/components/forms/success-message';
import { useFormAction } from '@/components/forms/use-form-action';
import { updateUserAction } from '../users/[id]/actions';
import { AccessFields, type OrganisationChoice } from './user-fields';

const ID = 'edit-user';

export function UserAccessForm({ user, organisations, isSelf }: {
  user: { id: string; name: string; role: string; organisationId: string | null };
  organisations: OrganisationChoice[];
  isSelf: boolean;
}) {
  const t = useTranslations('admin');
  const { state, formAction, onSubmit, pending, fields } = useFormAction(updateUserAction);
  const fieldIds = { name: `${ID}-name`, role: `${ID}-role`, organisationId: `${ID}-organisationId` };
  const labels = { name: t('users.fields.name'), role: t('users.fields.role'), organisationId: t('users.fields.organisation') };
  return (
    <form action={formAction} onSubmit={onSubmit} className="form admin-form" noValidate aria-describedby={`${ID}-hint`}>
      <ErrorSummary state={state} fieldIds={fieldIds} labels={labels} id={`${ID}-errors`} />
      <SuccessMessage state={state} />
      <p className="field__hint" id={`${ID}-hint`}>{isSelf ? t('user.access.selfHint') : t('user.access.hint')}</p>
      <input type="hidden" name="id" value={user.id} />
      <AccessFields prefix={ID} fields={fields} organisations={organisations} defaults={user} />
      <div>
        <SubmitButton label={t('user.access.submit')} pending={pending} />
      </div>
    </form>
  );
}
