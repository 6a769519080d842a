'use client';

import { ErrorSummary } from '@/components/forms/error-summary';
import { SubmitButton } from '@/components/forms/submit-button';
import { SuccessMessage } from '@/components/forms/success-message';
import { TextField } from '@/components/forms/text-field';
import { useFormAction } from '@/components/forms/use-form-action';
import type { FormState } from '@/lib/domain/form-state';

/** A review's name and date: to add one (with its agenda when there are several) or to rename and re-date it. */
export function ReviewForm({ action, formId, recordId, values, agendas, labels }: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  formId: string;
  recordId?: string;
  values?: { name: string; date: string };
  /** Offered only when there is more than one agenda. */
  agendas?: { id: string; title: string }[];
  labels: { name: string; date: string; agenda: string; submit: string };
}) {
  const { state, formAction, onSubmit, pending, fields } = useFormAction(action);
  return (
    <>
      <SuccessMessage state={state} />
      <form action={formAction} onSubmit={onSubmit} className="form admin-form" noValidate>
        <ErrorSummary
          state={state}
          fieldIds={{ name: `${formId}-name`, date: `${formId}-date`, agendaId: `${formId}-agendaId` }}
          labels={{ name: labels.name, date: labels.date, agendaId: labels.agenda }}
          id={`${formId}-errors`}
        />
        {recordId && <input type="hidden" name="id" value={recordId} />}
        {agendas && agendas.length > 1 && (
          <div className="field">
            <label htmlFor={`${formId}-agendaId`}>{labels.agenda}</label>
            <select id={`${formId}-agendaId`} name="agendaId" defaultValue={agendas[0]?.id}>
              {agendas.map((a) => <option key={a.id} value={a.id}>{a.title}</option>)}
            </select>
          </div>
        )}
        <TextField formId={formId} name="name" label={labels.name} errors={fields.name} required maxLength={200} defaultValue={values?.name ?? ''} />
        <TextField formId={formId} name="date" type="date" short label={labels.date} errors={fields.date} required defaultValue={values?.date ?? ''} />
        <SubmitButton label={labels.submit} pending={pending} />
      </form>
    </>
  );
}
