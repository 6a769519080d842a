'use client';

import Link from 'next/link';
import { ErrorSummary } from '@/components/forms/error-summary';
import { SubmitButton } from '@/components/forms/submit-button';
import { SuccessMessage } from '@/components/forms/success-message';
import { TextField } from '@/components/forms/text-field';
import { useFormAction } from '@/components/forms/use-form-action';
import type { FormState } from '@/lib/domain/form-state';

/** A new name for one record (a sector's name, an agenda's title): the one field a rename changes. */
export function RenameForm({ action, recordId, field, label, value, maxLength, submit, cancel, cancelHref }: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  recordId: string;
  /** The input's name, as the action reads it. */
  field: string;
  label: string;
  value: string;
  maxLength: number;
  submit: string;
  cancel: string;
  cancelHref: string;
}) {
  const { state, formAction, onSubmit, pending, fields } = useFormAction(action);
  const formId = `rename-${field}`;
  return (
    <>
      <SuccessMessage state={state} />
      <form action={formAction} onSubmit={onSubmit} className="form admin-form" noValidate>
        <ErrorSummary state={state} fieldIds={{ [field]: `${formId}-${field}` }} labels={{ [field]: label }} id={`${formId}-errors`} />
        <input type="hidden" name="id" value={recordId} />
        <TextField formId={formId} name={field} label={label} errors={fields[field]} required maxLength={maxLength} defaultValue={value} />
        <div className="admin-form__buttons">
          <SubmitButton label={submit} pending={pending} />
          <Link href={cancelHref}>{cancel}</Link>
        </div>
      </form>
    </>
  );
}
