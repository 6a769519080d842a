'use client';

import { type FormEvent, startTransition, useActionState } from 'react';
import type { FieldMessages } from '@/lib/domain/messages';

type Answer = { status: string; fields?: FieldMessages };

/**
 * useActionState for a form whose server action answers with form state (lib/domain/form-state.ts).
 * The form is submitted inside a transition without React's automatic reset, so what the user
 * typed stays when the server refuses it; before hydration its `action` posts to the same action.
 */
export function useFormAction<S extends Answer>(action: (state: S, form: FormData) => Promise<S>) {
  const [state, formAction, pending] = useActionState<S, FormData>(
    action as (state: Awaited<S>, form: FormData) => Promise<S>,
    { status: 'idle' } as Awaited<S>,
  );
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter instanceof HTMLElement ? submitter : null);
    startTransition(() => formAction(data));
  };
  const fields: FieldMessages = state.status === 'error' ? (state.fields ?? {}) : {};
  return { state, formAction, onSubmit, pending, fields };
}
