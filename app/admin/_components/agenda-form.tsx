'use client';

import { useTranslations } from 'next-intl';
import { ErrorSummary } from '@/components/forms/error-summary';
import { SubmitButton } from '@/components/forms/submit-button';
import { SuccessMessage } from '@/components/forms/success-message';
import { TextField } from '@/components/forms/text-field';
import { useFormAction } from '@/components/forms/use-form-action';
import { createAgendaAction } from '../agendas/actions';

const FIELDS = ['title', 'slug', 'partyA', 'partyB', 'signedOn', 'place', 'sourceTitle', 'sourceDocument', 'summary'] as const;

/** Add an agenda: what was agreed between which two parties, when and where, and from which source. */
export function AgendaForm() {
  const t = useTranslations('admin.agendas');
  const { state, formAction, onSubmit, pending, fields } = useFormAction(createAgendaAction);
  const formId = 'new-agenda';
  const at = state.status === 'idle' ? 0 : state.at;
  const field = (name: (typeof FIELDS)[number]) => ({ formId, name, label: t(`fields.${name}`), errors: fields[name] });
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
        <TextField {...field('title')} required maxLength={300} />
        <TextField {...field('slug')} hint={t('fields.slugHint')} maxLength={60} spellCheck={false} />
        <TextField {...field('partyA')} hint={t('fields.partyHint')} required maxLength={2} size={4} spellCheck={false} className="input--code" short />
        <TextField {...field('partyB')} hint={t('fields.partyHint')} required maxLength={2} size={4} spellCheck={false} className="input--code" short />
        <TextField {...field('signedOn')} type="date" hint={t('fields.signedOnHint')} required short />
        <TextField {...field('place')} required maxLength={200} />
        <TextField {...field('sourceTitle')} hint={t('fields.sourceTitleHint')} required maxLength={300} />
        <TextField {...field('sourceDocument')} hint={t('fields.sourceDocumentHint')} required maxLength={1000} />
        <TextField {...field('summary')} hint={t('fields.summaryHint')} maxLength={2000} />
        <div className="admin-form__buttons">
          <SubmitButton label={t('create.submit')} pending={pending} />
        </div>
      </form>
    </>
  );
}
