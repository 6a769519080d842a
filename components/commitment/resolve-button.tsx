'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { setResolvedAction } from '@/app/commitments/[id]/actions';
import type { ResolveState } from '@/lib/server/forms/comments';
import { SubmitButton, submitWithoutReset } from './form-parts';

/** Resolves an open thread or reopens a resolved one. */
export function ResolveButton({ commitmentId, commentId, resolved }: { commitmentId: string; commentId: string; resolved: boolean }) {
  const t = useTranslations('commitments.comments');
  const [state, formAction, pending] = useActionState<ResolveState, FormData>(setResolvedAction, { status: 'idle' });
  return (
    <form action={formAction} onSubmit={submitWithoutReset(formAction)} className="inline-form">
      <input type="hidden" name="commitmentId" value={commitmentId} />
      <input type="hidden" name="commentId" value={commentId} />
      <input type="hidden" name="resolved" value={resolved ? 'false' : 'true'} />
      <SubmitButton label={resolved ? t('reopen') : t('resolve')} pending={pending} className="button button--secondary button--small" />
      {state.status === 'error' && <span role="alert" className="field__error">{state.message}</span>}
    </form>
  );
}
