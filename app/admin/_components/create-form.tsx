'use client';

import type { ReactNode } from 'react';
import { ErrorSummary } from '@/components/forms/error-summary';
import { SubmitButton } from '@/components/forms/submit-button';
import { SuccessMessage } from '@/components/forms/success-message';
import { useFormAction } from '@/components/forms/use-form-action';
import type { FormState } from '@/lib/domain/form-state';
import type { FieldMessages } from '@/lib/domain/messages';

/**
 * A form that adds one record: the success message, the error summary linking to each field
 * (`labels`, by input name; each input's id is `${formId}-${name}`), the fields and the submit button.
 * It starts empty again after a success.
 */
export function CreateForm({ action, formId, labels, submit, children }: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  formId: string;
  labels: Record<string, string>;
  submit: string;
  /** The inputs, given each field's messages. */
  children: (fields: FieldMessages) => ReactNode;
}) {
  const { state, formAction, onSubmit, pending, fields } = useFormAction(action);
  const at = state.status === 'idle' ? 0 : state.at;
  return (
    <>
      <SuccessMessage state={state} />
      <form key={state.status === 'success' ? at : 'form'} action={formAction} onSubmit={onSubmit} className="form admin-form" noValidate>
        <ErrorSummary
          state={state} id={`${formId}-errors`} labels={labels}
          fieldIds={Object.fromEntries(Object.keys(labels).map((name) => [name, `${formId}-${name}`]))}
        />
        {children(fields)}
        <div className="admin-form__buttons">
          <SubmitButton label={submit} pending={pending} />
        </div>
      </form>
    </>
  );
}
