'use client';

import { useTranslations } from 'next-intl';
import { ErrorSummary } from '@/components/forms/error-summary';
import { SubmitButton } from '@/components/forms/submit-button';
import { useFormAction } from '@/components/forms/use-form-action';
import { applyImportAction } from '../actions';

export function ApplyForm({ id, count }: { id: string; count: number }) {
  const t = useTranslations('imports.preview');
  const { state, formAction, onSubmit, pending } = useFormAction(applyImportAction.bind(null, id));
  return (
    <form action={formAction} onSubmit={onSubmit} className="form">
      <ErrorSummary state={state} id="apply-errors" labels={(field) => t('rowColumn', { path: field })} />
      <div>
        <SubmitButton label={t('apply', { count })} pendingLabel={t('applying')} pending={pending} />
      </div>
    </form>
  );
}
