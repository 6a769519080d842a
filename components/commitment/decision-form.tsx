'use client';

import { useTranslations } from 'next-intl';
import { decideUpdateAction } from '@/app/commitments/[id]/actions';
import { describedBy } from '@/components/forms/described-by';
import { ErrorSummary } from '@/components/forms/error-summary';
import { FieldError } from '@/components/forms/field-error';
import { SubmitButton } from '@/components/forms/submit-button';
import { SuccessMessage } from '@/components/forms/success-message';
import { useFormAction } from '@/components/forms/use-form-action';
import { useMessage } from '@/components/forms/use-message';

interface Props {
  commitmentId: string;
  updateId: string;
  sequence: number;
}

/** The other side's decision on one update: confirm in one click, or dispute with a note. */
export function DecisionForm({ commitmentId, updateId, sequence }: Props) {
  const t = useTranslations('commitments.confirmation');
  const message = useMessage();
  const confirm = useFormAction(decideUpdateAction);
  const dispute = useFormAction(decideUpdateAction);
  const done = confirm.state.status === 'success' ? confirm.state : dispute.state.status === 'success' ? dispute.state : undefined;
  const ids = { note: `decide-${updateId}-note`, error: `decide-${updateId}-error`, summary: `decide-${updateId}-summary` };
  if (done) {
    return (
      <SuccessMessage state={done}>
        <p>{t(done.decision === 'confirmed' ? 'confirmedNotice' : 'disputedNotice')}</p>
      </SuccessMessage>
    );
  }
  const hidden = (
    <>
      <input type="hidden" name="commitmentId" value={commitmentId} />
      <input type="hidden" name="updateId" value={updateId} />
    </>
  );
  return (
    <div className="confirmation__actions">
      <form action={confirm.formAction} onSubmit={confirm.onSubmit} className="inline-form">
        {hidden}
        <input type="hidden" name="decision" value="confirm" />
        <SubmitButton label={t('confirm', { sequence })} pending={confirm.pending} className="button button--small" />
        {confirm.state.status === 'error' && <span role="alert" className="field__error">{message.one(confirm.state.summary)}</span>}
      </form>
      <details className="confirmation__dispute" open={dispute.state.status === 'error' || undefined}>
        <summary>{t('dispute', { sequence })}</summary>
        <form action={dispute.formAction} onSubmit={dispute.onSubmit} className="form" noValidate>
          <ErrorSummary state={dispute.state} id={ids.summary} fieldIds={{ note: ids.note }} />
          {hidden}
          <input type="hidden" name="decision" value="dispute" />
          <div className="field">
            <label htmlFor={ids.note}>{t('disputeLabel')}</label>
            <textarea
              id={ids.note} name="note" rows={3} required
              aria-invalid={dispute.fields.note ? true : undefined} aria-describedby={describedBy(dispute.fields.note && ids.error)}
            />
            <FieldError id={ids.error} messages={dispute.fields.note} />
          </div>
          <SubmitButton label={t('sendDispute')} pending={dispute.pending} className="button button--secondary button--small" />
        </form>
      </details>
    </div>
  );
}
