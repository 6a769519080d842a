'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { ErrorSummary } from '@/components/forms/error-summary';
import { SubmitButton } from '@/components/forms/submit-button';
import { SuccessMessage } from '@/components/forms/success-message';
import { TextField } from '@/components/forms/text-field';
import { useFormAction } from '@/components/forms/use-form-action';
import { createOrganisationAction, updateOrganisationAction } from '../organisations/actions';

interface Values {
  id: string;
  name: string;
  shortName: string | null;
  country: string;
}

/** Add an organisation, or (with `organisation`) edit one. */
export function OrganisationForm({ organisation }: { organisation?: Values }) {
  const t = useTranslations('admin.organisations');
  const editing = Boolean(organisation);
  const { state, formAction, onSubmit, pending, fields } = useFormAction(editing ? updateOrganisationAction : createOrganisationAction);
  const ID = editing ? 'edit-organisation' : 'new-organisation';
  const id = (name: string) => `${ID}-${name}`;
  const fieldIds = { name: id('name'), shortName: id('shortName'), country: id('country') };
  const labels = { name: t('fields.name'), shortName: t('fields.shortName'), country: t('fields.country') };
  const at = state.status === 'idle' ? 0 : state.at;
  return (
    <>
      <SuccessMessage state={state} />
      {/* A new organisation's form starts empty after a success; an edited one keeps its saved values. */}
      <form key={!editing && state.status === 'success' ? at : 'form'} action={formAction} onSubmit={onSubmit} className="form admin-form" noValidate>
        <ErrorSummary state={state} fieldIds={fieldIds} labels={labels} id={id('errors')} />
        {organisation && <input type="hidden" name="id" value={organisation.id} />}
        <TextField formId={ID} name="name" label={labels.name} errors={fields.name} required maxLength={200} defaultValue={organisation?.name ?? ''} />
        <TextField
          formId={ID} name="shortName" label={labels.shortName} hint={t('fields.shortNameHint')} errors={fields.shortName} maxLength={40}
          defaultValue={organisation?.shortName ?? ''}
        />
        <TextField
          formId={ID} name="country" label={labels.country} hint={t('fields.countryHint')} errors={fields.country} required maxLength={2} size={4}
          spellCheck={false} className="input--code" defaultValue={organisation?.country ?? ''} short
        />
        <div className="admin-form__buttons">
          <SubmitButton label={editing ? t('edit.submit') : t('create.submit')} pending={pending} />
          {editing && <Link href="/admin/organisations">{t('edit.cancel')}</Link>}
        </div>
      </form>
    </>
  );
}
