'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import { addCommentAction } from '@/app/commitments/[id]/actions';
import type { CommentState } from '@/lib/server/forms/comments';
import { describedBy, ErrorSummary, FieldError, SubmitButton, submitWithoutReset } from './form-parts';

export const COMMENT_MAX = 5000;

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
  const [state, formAction, pending] = useActionState<CommentState, FormData>(addCommentAction, { status: 'idle' });
  const [body, setBody] = useState('');
  const [announced, setAnnounced] = useState('');
  const posted = useRef<HTMLParagraphElement>(null);
  // The submit button is disabled while posting, which drops the focus: it goes to the confirmation.
  useEffect(() => {
    if (state.status !== 'success') return;
    setBody('');
    posted.current?.focus();
  }, [state]);
  // Screen readers hear the count once typing pauses, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => setAnnounced(countText(body.length)), 1000);
    return () => clearTimeout(timer);
  }, [body]);

  function countText(length: number): string {
    return length > COMMENT_MAX
      ? t('tooLong', { count: format.number(length - COMMENT_MAX) })
      : t('remaining', { count: format.number(COMMENT_MAX - length), max: format.number(COMMENT_MAX) });
  }

  const error = state.status === 'error' ? state : null;
  const bodyError = error?.fields.body;
  const ids = { body: `${idPrefix}-body`, count: `${idPrefix}-count`, error: `${idPrefix}-error`, summary: `${idPrefix}-summary` };
  return (
    <form action={formAction} onSubmit={submitWithoutReset(formAction)} className="form comment-form" noValidate>
      <ErrorSummary error={error} id={ids.summary} fieldIds={(key) => (key === 'body' ? ids.body : undefined)} />
      <div role="status">
        {state.status === 'success' && <p className="notice notice--info" tabIndex={-1} ref={posted}>{t('posted')}</p>}
      </div>
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
          {countText(body.length)}
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
