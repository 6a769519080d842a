'use client';

import { type FormEvent, type ReactNode, startTransition, useActionState, useEffect, useRef } from 'react';
import { useTranslations } from 'next-intl';
import type { AdminFormState, Message } from '@/lib/server/admin/form-state';
import { OneTimePassword } from './one-time-password';

type Action = (state: AdminFormState, form: FormData) => Promise<AdminFormState>;

/**
 * useActionState for an administration form, submitted without React's automatic reset so what the
 * user typed stays when the server refuses it. Before hydration the form posts to the same action.
 */
export function useAdminForm(action: Action) {
  const [state, formAction, pending] = useActionState<AdminFormState, FormData>(action, { status: 'idle' });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  const fields = state.status === 'error' ? state.fields : {};
  return { state, formAction, onSubmit, pending, fields };
}

/** Translates a catalogue key from the server; an unknown key (never expected) gets a generic text. */
export function useMessage() {
  const t = useTranslations();
  return (message: string | Message) => {
    const { key, values } = typeof message === 'string' ? { key: message, values: undefined } : message;
    return t.has(key) ? t(key, values) : t('admin.errors.fieldInvalid');
  };
}

/** The error summary: role=alert, focused when it appears, each field's message linking to the field. */
export function ErrorSummary({ state, fieldIds, labels, id }: {
  state: AdminFormState;
  fieldIds: Record<string, string>;
  labels: Record<string, string>;
  id: string;
}) {
  const t = useTranslations('admin.form');
  const message = useMessage();
  const box = useRef<HTMLDivElement>(null);
  const at = state.status === 'error' ? state.at : 0;
  useEffect(() => {
    if (at) box.current?.focus();
  }, [at]);
  if (state.status !== 'error') return null;
  const entries = Object.entries(state.fields);
  return (
    <div className="error-box" role="alert" tabIndex={-1} ref={box} id={id}>
      <strong>{t('errorSummary')}</strong>
      <p>{message(state.summary)}</p>
      {entries.length > 0 && (
        <ul>
          {entries.map(([key, keys]) => {
            const text = `${labels[key] ? `${labels[key]}: ` : ''}${keys.map(message).join(' ')}`;
            return <li key={key}>{fieldIds[key] ? <a href={`#${fieldIds[key]}`}>{text}</a> : text}</li>;
          })}
        </ul>
      )}
    </div>
  );
}

/** A success message (role=status), focused so keyboard users land on it, with a one-time password if any. */
export function SuccessMessage({ state, children }: { state: AdminFormState; children?: ReactNode }) {
  const message = useMessage();
  const box = useRef<HTMLDivElement>(null);
  const at = state.status === 'success' ? state.at : 0;
  useEffect(() => {
    if (at) box.current?.focus();
  }, [at]);
  if (state.status !== 'success') return null;
  return (
    <div className="notice notice--success" role="status" tabIndex={-1} ref={box}>
      <p>{message(state.message)}</p>
      {state.secret && <OneTimePassword password={state.secret} />}
      {children}
    </div>
  );
}

export function FieldError({ id, keys }: { id: string; keys?: string[] }) {
  const message = useMessage();
  if (!keys?.length) return null;
  return (
    <p className="field__error" id={id}>
      {keys.map(message).join(' ')}
    </p>
  );
}

/** aria-describedby from the ids that apply (hint, error); undefined when none. */
export function describedBy(...ids: (string | false | undefined | null)[]): string | undefined {
  const list = ids.filter(Boolean);
  return list.length ? list.join(' ') : undefined;
}

export function SubmitButton({ label, pending, className = 'button' }: { label: string; pending: boolean; className?: string }) {
  const t = useTranslations('admin.form');
  return (
    <button type="submit" className={className} disabled={pending} aria-disabled={pending}>
      {pending ? t('working') : label}
    </button>
  );
}
