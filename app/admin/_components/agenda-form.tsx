'use client';

import { useTranslations } from 'next-intl';
import { TextField } from '@/components/forms/text-field';
import { createAgendaAction } from '../agendas/actions';
import { CreateForm } from './create-form';

const FIELDS = ['title', 'slug', 'partyA', 'partyB', 'signedOn', 'place', 'sourceTitle', 'sourceDocument', 'summary'] as const;

/** Add an agenda: what was agreed between which two parties, when and where, and from which source. */
export function AgendaForm() {
  const t = useTranslations('admin.agendas');
  const formId = 'new-agenda';
  const labels = Object.fromEntries(FIELDS.map((name) => [name, t(`fields.${name}`)]));
  return (
    <CreateForm action={createAgendaAction} formId={formId} labels={labels} submit={t('create.submit')}>
      {(fields) => {
        const field = (name: (typeof FIELDS)[number]) => ({ formId, name, label: labels[name]!, errors: fields[name] });
        const code = { hint: t('fields.partyHint'), required: true, maxLength: 2, size: 4, spellCheck: false, className: 'input--code', short: true };
        return (
          <>
            <TextField {...field('title')} required maxLength={300} />
            <TextField {...field('slug')} hint={t('fields.slugHint')} maxLength={60} spellCheck={false} />
            <TextField {...field('partyA')} {...code} />
            <TextField {...field('partyB')} {...code} />
            <TextField {...field('signedOn')} type="date" hint={t('fields.signedOnHint')} required short />
            <TextField {...field('place')} required maxLength={200} />
            <TextField {...field('sourceTitle')} hint={t('fields.sourceTitleHint')} required maxLength={300} />
            <TextField {...field('sourceDocument')} hint={t('fields.sourceDocumentHint')} required maxLength={1000} />
            <TextField {...field('summary')} hint={t('fields.summaryHint')} maxLength={2000} />
          </>
        );
      }}
    </CreateForm>
  );
}
