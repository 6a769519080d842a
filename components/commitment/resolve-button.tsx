'use client';

import { useEffect, useRef } from 'react';
import { useTranslations } from 'next-intl';
import { setResolvedAction } from '@/app/commitments/[id]/actions';
import { SubmitButton } from '@/components/forms/submit-button';
import { useFormAction } from '@/components/forms/use-form-action';
import { useMessage } from '@/components/forms/use-message';

/** Resolves an open thread or reopens a resolved one. */
export function ResolveButton({ commitmentId, commentId, resolved }: { commitmentId: string; commentId: string; resolved: boolean }) {
  const t = useTranslations('commitments.comments');
  const { state, formAction, onSubmit, pending } = useFormAction(setResolvedAction);
  const message = useMessage();
  const form = useRef<HTMLFormElement>(null);
  // The button is disabled while saving, which drops the focus: give it back once it reads "Reopen" (or "Resolve").
  useEffect(() => {
    if (state.status === 'success') form.current?.querySelector('button')?.focus();
  }, [state]);
  return (
    <form action={formAction} onSubmit={onSubmit} className="inline-form" ref={form}>
      <input type="hidden" name="commitmentId" value={commitmentId} />
      <input type="hidden" name="commentId" value={commentId} />
      <input type="hidden" name="resolved" value={resolved ? 'false' : 'true'} />
      <SubmitButton label={resolved ? t('reopen') : t('resolve')} pending={pending} className="button button--secondary button--small" />
      {state.status === 'error' && <span role="alert" className="field__error">{message.one(state.summary)}</span>}
    </form>
  );
}
