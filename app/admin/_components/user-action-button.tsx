'use client';

import type { AdminFormState } from '@/lib/server/admin/form-state';
import { ErrorSummary, SubmitButton, SuccessMessage, useAdminForm } from './form-parts';

/** A one-button form acting on one user (sign out everywhere, reset password, disable, enable). */
export function UserActionButton({ action, userId, label, hint, id, danger = false, hidden = {} }: {
  action: (state: AdminFormState, form: FormData) => Promise<AdminFormState>;
  userId: string;
  label: string;
  hint: string;
  id: string;
  danger?: boolean;
  /** Further hidden fields the action reads. */
  hidden?: Record<string, string>;
}) {
  const { state, formAction, onSubmit, pending } = useAdminForm(action);
  return (
    <form action={formAction} onSubmit={onSubmit} className="form admin-action" aria-describedby={`${id}-hint`}>
      <ErrorSummary state={state} fieldIds={{}} labels={{}} id={`${id}-errors`} />
      <SuccessMessage state={state} />
      <p className="field__hint" id={`${id}-hint`}>{hint}</p>
      <input type="hidden" name="id" value={userId} />
      {Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <div>
        <SubmitButton label={label} pending={pending} className={danger ? 'button button--danger' : 'button button--secondary'} />
      </div>
    </form>
  );
}
