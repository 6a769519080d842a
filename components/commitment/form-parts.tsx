'use client';

import { type FormEvent, startTransition, useEffect, useRef } from 'react';
import { useFormStatus } from 'react-dom';
import { useTranslations } from 'next-intl';

type FieldErrors = Record<string, string[]>;

/**
 * Submits a form to its action inside a transition without React's automatic form reset, so what
 * the user typed stays in the form when the server answers with errors or a conflict. Before
 * hydration the form's `action` still posts to the same server action.
 */
export function submitWithoutReset(formAction: (data: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter instanceof HTMLElement ? submitter : null);
    startTransition(() => formAction(data));
  };
}

export function SubmitButton({ label, pending, className = 'button' }: { label: string; pending?: boolean; className?: string }) {
  const t = useTranslations('commitments.form');
  const status = useFormStatus();
  const busy = Boolean(pending || status.pending);
  return (
    <button type="submit" className={className} disabled={busy} aria-disabled={busy}>
      {busy ? t('saving') : label}
    </button>
  );
}

/** The error summary: role=alert, focused when it appears, each field's message linking to the field. */
export function ErrorSummary({
  error, fieldIds, fieldLabels, id,
}: {
  error: { message: string; fields: FieldErrors } | null;
  fieldIds: (key: string) => string | undefined;
  fieldLabels?: (key: string) => string | undefined;
  id: string;
}) {
  const t = useTranslations('commitments.form');
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) box.current?.focus();
  }, [error]);
  if (!error) return null;
  const entries = Object.entries(error.fields);
  return (
    <div className="error-box" role="alert" tabIndex={-1} ref={box} id={id}>
      <strong>{t('errorSummary')}</strong>
      {entries.length === 0 ? (
        <p>{error.message}</p>
      ) : (
        <ul>
          {entries.map(([key, messages]) => {
            const target = fieldIds(key);
            const label = fieldLabels?.(key);
            const text = `${label ? `${label}: ` : ''}${messages.join(' ')}`;
            return <li key={key}>{target ? <a href={`#${target}`}>{text}</a> : text}</li>;
          })}
        </ul>
      )}
    </div>
  );
}

export function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <p className="field__error" id={id}>
      {messages.join(' ')}
    </p>
  );
}

/** aria-describedby from the ids that apply (hint, error); undefined when none. */
export function describedBy(...ids: (string | false | undefined | null)[]): string | undefined {
  const list = ids.filter(Boolean);
  return list.length ? list.join(' ') : undefined;
}
