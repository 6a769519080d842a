'use client';

import { ErrorSummary } from '@/components/forms/error-summary';
import { SubmitButton } from '@/components/forms/submit-button';
import { SuccessMessage } from '@/components/forms/success-message';
import { useFormAction } from '@/components/forms/use-form-action';
import type { FormState } from '@/lib/domain/form-state';
import { OneTimePassword } from './one-time-password';

/**
 * A one-button form acting on one record: a user (sign out everywhere, reset password, disable,
 * enable), a sector or an agenda (archive, take out of the archive).
 */
export function ActionButton({ action, recordId, label, hint, id, danger = false, hidden = {} }: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  recordId: string;
  label: string;
  hint: string;
  id: string;
  danger?: boolean;
  /** Further hidden fields the action reads. */
  hidden?: Record<string, string>;
}) {
  const { state, formAction, onSubmit, pending } = useFormAction(action);
  return (
    <form action={formAction} onSubmit={onSubmit} className="form admin-action" aria-describedby={`${id}-hint`}>
      <ErrorSummary state={state} id={`${id}-errors`} />
      <SuccessMessage state={state}>
        {state.status === 'success' && state.secret && <OneTimePassword password={state.secret} />}
      </SuccessMessage>
      <p className="field__hint" id={`${id}-hint`}>{hint}</p>
      <input type="hidden" name="id" value={recordId} />
      {Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <div>
        <SubmitButton label={label} pending={pending} className={danger ? 'button button--danger' : 'button button--secondary'} />
      </div>
    </form>
  );
}
