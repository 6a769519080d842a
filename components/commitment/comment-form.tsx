'use client';

import { useEffect, useState } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import { addCommentAction } from '@/app/commitments/[id]/actions';
import { describedBy } from '@/components/forms/described-by';
import { ErrorSummary } from '@/components/forms/error-summary';
import { FieldError } from '@/components/forms/field-error';
import { SubmitButton } from '@/components/forms/submit-button';
import { SuccessMessage } from '@/components/forms/success-message';
import { useFormAction } from '@/components/forms/use-form-action';

const COMMENT_MAX = 5000;

interface Props {
  commitmentId: string;
  /** Unique on the page: prefixes the ids of the form's elements. */
  idPrefix: string;
  updateId?: string;
  parentId?: string;
  label: string;
  submitLabel: string;
}

export function CommentForm({ commitmentId, idPrefix, updateId, parentId, label, submitLabel }: Props) {
  const t = useTranslations('commitments.comments');
  const format = useFormatter();
  const { state, formAction, onSubmit, pending, fields } = useFormAction(addCommentAction);
  const [body, setBody] = useState('');
  const [announced, setAnnounced] = useState('');
  // A posted comment empties the box, once per answer (set while rendering, not in an effect).
  const [clearedAt, setClearedAt] = useState(0);
  if (state.status === 'success' && state.at !== clearedAt) {
    setClearedAt(state.at);
    setBody('');
  }
  const count = body.length > COMMENT_MAX
    ? t('tooLong', { count: format.number(body.length - COMMENT_MAX) })
    : t('remaining', { count: format.number(COMMENT_MAX - body.length), max: format.number(COMMENT_MAX) });
  // Screen readers hear the count once typing pauses, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => setAnnounced(count), 1000);
    return () => clearTimeout(timer);
  }, [count]);

  const bodyError = fields.body;
  const ids = { body: `${idPrefix}-body`, count: `${idPrefix}-count`, error: `${idPrefix}-error`, summary: `${idPrefix}-summary` };
  return (
    <form action={formAction} onSubmit={onSubmit} className="form comment-form" noValidate>
      <ErrorSummary state={state} id={ids.summary} fieldIds={{ body: ids.body }} />
      {/* The submit button is disabled while posting, which drops the focus: it goes to the confirmation. */}
      <SuccessMessage state={state}><p>{t('posted')}</p></SuccessMessage>
      <input type="hidden" name="commitmentId" value={commitmentId} />
      {updateId && <input type="hidden" name="updateId" value={updateId} />}
      {parentId && <input type="hidden" name="parentId" value={parentId} />}
      <div className="field">
        <label htmlFor={ids.body}>{label}</label>
        <textarea
          id={ids.body} name="body" rows={3} value={body} onChange={(e) => setBody(e.target.value)} required
          aria-invalid={bodyError ? true : undefined} aria-describedby={describedBy(ids.count, bodyError && ids.error)}
        />
        <p className={body.length > COMMENT_MAX ? 'field__error' : 'field__hint'} id={ids.count}>
          {count}
        </p>
        <p className="visually-hidden" aria-live="polite">{announced}</p>
        <FieldError id={ids.error} messages={bodyError} />
      </div>
      <div>
        <SubmitButton label={submitLabel} pending={pending} />
      </div>
    </form>
  );
}
