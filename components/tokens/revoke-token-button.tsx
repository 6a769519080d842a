'use client';

import { ErrorSummary } from '@/components/forms/error-summary';
import { SubmitButton } from '@/components/forms/submit-button';
import { SuccessMessage } from '@/components/forms/success-message';
import { useFormAction } from '@/components/forms/use-form-action';
import type { FormState } from '@/lib/domain/form-state';

/** One token's revoke button, with the answer beside it. */
export function RevokeTokenButton({ action, tokenId, label, accessibleLabel }: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  tokenId: string;
  label: string;
  accessibleLabel: string;
}) {
  const { state, formAction, onSubmit, pending } = useFormAction(action);
  return (
    <form action={formAction} onSubmit={onSubmit} className="form admin-action" aria-label={accessibleLabel}>
      <ErrorSummary state={state} id={`revoke-${tokenId}-errors`} />
      <SuccessMessage state={state} />
      <input type="hidden" name="id" value={tokenId} />
      <SubmitButton label={label} pending={pending} className="button button--danger" />
    </form>
  );
}
