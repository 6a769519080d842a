import 'server-only';
import { type AppErrorCode, isAppError } from '../errors';

// What an administration form's server action hands back to its `useActionState`. Every text is a
// catalogue key (with values), so the browser shows it in the reader's language.

export interface Message {
  key: string;
  values?: Record<string, string | number>;
}

export type AdminFormState =
  | { status: 'idle' }
  | { status: 'error'; code: AppErrorCode; summary: string; fields: Record<string, string[]>; at: number }
  // `secret`: a password made by the server, in this one answer only.
  | { status: 'success'; message: Message; secret?: string; link?: string; at: number };

export const IDLE: AdminFormState = { status: 'idle' };

const SUMMARY: Partial<Record<AppErrorCode, string>> = {
  invalid: 'admin.errors.invalid',
  unauthenticated: 'admin.errors.unauthenticated',
  forbidden: 'admin.errors.forbidden',
  not_found: 'admin.errors.notFound',
};

export function success(message: Message, extra: { secret?: string; link?: string } = {}): AdminFormState {
  return { status: 'success', message, ...extra, at: Date.now() };
}

/** An AppError as form state; anything else is a real failure and travels on to the error page. */
export function errorState(error: unknown): AdminFormState {
  if (!isAppError(error)) throw error;
  const { _: formErrors = [], ...fields } = error.fields ?? {};
  const summary = formErrors[0] ?? SUMMARY[error.code] ?? 'admin.errors.unexpected';
  return { status: 'error', code: error.code, summary, fields, at: Date.now() };
}

/** One text field of a submitted form ('' when absent). */
export function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
