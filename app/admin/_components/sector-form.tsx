'use client';

import { useTranslations } from 'next-intl';
import { ErrorSummary } from '@/components/forms/error-summary';
import { SubmitButton } from '@/components/forms/submit-button';
import { SuccessMessage } from '@/components/forms/success-message';
import { TextField } from '@/components/forms/text-field';
import { useFormAction } from '@/components/forms/use-form-action';
import { createSectorAction } from '../sectors/actions';

const FIELDS = ['name', 'slug', 'colour'] as const;

/** Add a sector: its name, its slug (made from the name when left empty) and its chart colour. */
export function SectorForm() {
  const t = useTranslations('admin.sectors');
  const { state, formAction, onSubmit, pending, fields } = useFormAction(createSectorAction);
  const formId = 'new-sector';
  const at = state.status === 'idle' ? 0 : state.at;
  return (
    <>
      <SuccessMessage state={state} />
      {/* The form starts empty after a success. */}
      <form key={state.status === 'success' ? at : 'form'} action={formAction} onSubmit={onSubmit} className="form admin-form" noValidate>
        <ErrorSummary
          state={state} id={`${formId}-errors`}
          fieldIds={Object.fromEntries(FIELDS.map((f) => [f, `${formId}-${f}`]))}
          labels={Object.fromEntries(FIELDS.map((f) => [f, t(`fields.${f}`)]))}
        />
        <TextField formId={formId} name="name" label={t('fields.name')} errors={fields.name} required maxLength={100} />
        <TextField formId={formId} name="slug" label={t('fields.slug')} hint={t('fields.slugHint')} errors={fields.slug} maxLength={60} spellCheck={false} />
        <TextField
          formId={formId} name="colour" type="color" label={t('fields.colour')} hint={t('fields.colourHint')} errors={fields.colour}
          defaultValue="#56b4e9" short
        />
        <div className="admin-form__buttons">
          <SubmitButton label={t('create.submit')} pending={pending} />
        </div>
      </form>
    </>
  );
}
