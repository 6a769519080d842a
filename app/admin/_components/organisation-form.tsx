'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { describedBy } from '@/components/forms/described-by';
import { ErrorSummary } from '@/components/forms/error-summary';
import { FieldError } from '@/components/forms/field-error';
import { SubmitButton } from '@/components/forms/submit-button';
import { SuccessMessage } from '@/components/forms/success-message';
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
        <div className="field">
          <label htmlFor={fieldIds.name}>{t('fields.name')}</label>
          <input
            id={fieldIds.name} name="name" type="text" autoComplete="off" required maxLength={200} defaultValue={organisation?.name ?? ''}
            aria-invalid={fields.name ? true : undefined} aria-describedby={describedBy(fields.name && id('name-error'))}
          />
          <FieldError id={id('name-error')} messages={fields.name} />
        </div>
        <div className="field">
          <label htmlFor={fieldIds.shortName}>{t('fields.shortName')}</label>
          <input
            id={fieldIds.shortName} name="shortName" type="text" autoComplete="off" maxLength={40} defaultValue={organisation?.shortName ?? ''}
            aria-invalid={fields.shortName ? true : undefined}
            aria-describedby={describedBy(id('shortName-hint'), fields.shortName && id('shortName-error'))}
          />
          <p className="field__hint" id={id('shortName-hint')}>{t('fields.shortNameHint')}</p>
          <FieldError id={id('shortName-error')} messages={fields.shortName} />
        </div>
        <div className="field field--short">
          <label htmlFor={fieldIds.country}>{t('fields.country')}</label>
          <input
            id={fieldIds.country} name="country" type="text" autoComplete="off" required maxLength={2} size={4} spellCheck={false}
            className="input--code" defaultValue={organisation?.country ?? ''}
            aria-invalid={fields.country ? true : undefined}
            aria-describedby={describedBy(id('country-hint'), fields.country && id('country-error'))}
          />
          <p className="field__hint" id={id('country-hint')}>{t('fields.countryHint')}</p>
          <FieldError id={id('country-error')} messages={fields.country} />
        </div>
        <div className="admin-form__buttons">
          <SubmitButton label={editing ? t('edit.submit') : t('create.submit')} pending={pending} />
          {editing && <Link href="/admin/organisations">{t('edit.cancel')}</Link>}
        </div>
      </form>
    </>
  );
}
