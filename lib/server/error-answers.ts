import 'server-only';
import { notFound } from 'next/navigation';
import { DEFAULT_LOCALE, type Locale } from '@/i18n/config';
import type { ErrorState } from '@/lib/domain/form-state';
import { type FieldMessages, type Message, renderMessage } from '@/lib/domain/messages';
import { withIsoTimes } from './api-shapes';
import { translator } from './catalogue';
import { type AppError, asAppError } from './errors';

// The answers to a failure, one per kind of entry point: the API's JSON, a form's state, a page's
// 404. Each takes an AppError or the database's refusal (./errors.ts); anything else is a real
// failure: a 500 for the API, the error page for forms and pages.

/** {"error": {code, message, fields?, current?}} with the texts in the given language. */
export function errorResponse(error: unknown, locale: Locale = DEFAULT_LOCALE): Response {
  const known = asAppError(error);
  const t = translator(locale);
  if (!known) {
    console.error('[api] unexpected error', error);
    return answer(500, { code: 'internal', message: renderMessage(t, { key: 'problem.internal' }) });
  }
  const body: Record<string, unknown> = { code: known.code, message: renderMessage(t, known.summary) };
  const fields = Object.entries(known.fields);
  if (fields.length) body.fields = Object.fromEntries(fields.map(([path, messages]) => [path, messages.map((m) => renderMessage(t, m))]));
  if (known.details !== undefined) body.current = withIsoTimes(known.details);
  const response = answer(known.status, body);
  for (const [name, value] of Object.entries(known.headers)) response.headers.set(name, value);
  return response;
}

function answer(status: number, error: Record<string, unknown>): Response {
  return Response.json({ error }, { status, headers: { 'cache-control': 'no-store' } });
}

/**
 * Where a form shows each field's messages: the schema's path ("readings.0.value") named as the
 * form's input ("reading.<id>.value"), with any messages the form adds.
 */
export type FormFields = (path: string, messages: Message[]) => [field: string, messages: Message[]];

/** A refusal as form state; a real failure is thrown on, to the error page. */
export function errorState(error: unknown, toForm: FormFields = (path, messages) => [path, messages]): ErrorState {
  const known = asAppError(error);
  if (!known) throw error;
  return { status: 'error', code: known.code, summary: known.summary, fields: formFields(known, toForm), at: Date.now() };
}

function formFields(error: AppError, toForm: FormFields): FieldMessages {
  const fields: FieldMessages = {};
  for (const [path, messages] of Object.entries(error.fields)) {
    const [field, shown] = toForm(path, messages);
    const list = (fields[field] ??= []);
    // Several paths can land on one input (every bad evidence line on the one text area).
    for (const message of shown) if (!list.some((m) => sameMessage(m, message))) list.push(message);
  }
  return fields;
}

function sameMessage(a: Message, b: Message): boolean {
  return a.key === b.key && JSON.stringify(a.values ?? {}) === JSON.stringify(b.values ?? {});
}

/** For pages: the value, or the 404 page when the thing asked for does not exist. */
export async function orNotFound<T>(pending: Promise<T>): Promise<T> {
  try {
    return await pending;
  } catch (error) {
    if (asAppError(error)?.code === 'not_found') notFound();
    throw error;
  }
}
