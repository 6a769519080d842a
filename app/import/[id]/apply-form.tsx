'use client';

import { useTranslations } from 'next-intl';
import { ErrorSummary } from '@/components/forms/error-summary';
import { SubmitButton } from '@/components/forms/submit-button';
import { useFormAction } from '@/components/forms/use-form-action';
import type { FormState } from '@/lib/domain/form-state';

/** The preview's apply button; `action` is the apply action bound to the import on the server, so it works before hydration too. */
export function ApplyForm({ action, count }: { action: (state: FormState, form: FormData) => Promise<FormState>; count: number }) {
  const t = useTranslations('imports.preview');
  const { state, formAction, onSubmit, pending } = useFormAction(action);
  return (
    <form action={formAction} onSubmit={onSubmit} className="form">
      <ErrorSummary state={state} id="apply-errors" labels={(field) => t('rowColumn', { path: field })} />
      <div>
        <SubmitButton label={t('apply', { count })} pendingLabel={t('applying')} pending={pending} />
      </div>
    </form>
  );
}
