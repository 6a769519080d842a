import 'server-only';
import { isAppError } from '../errors';

// What a form's server action hands back to its `useActionState`. Messages from the server are the
// same English sentences the JSON API returns; field keys are the schema's paths ("readings.0.value")
// or, where a form names its inputs differently, the form's own keys.

export type FieldErrors = Record<string, string[]>;

export interface IdleState {
  status: 'idle';
}

export interface ErrorState {
  status: 'error';
  code: string;
  message: string;
  fields: FieldErrors;
}

export const IDLE: IdleState = { status: 'idle' };

/**
 * An AppError (or a row the database refused) as a form state; anything else is a real failure and
 * travels on to the error page. `toFormField` maps a schema path to the form's input name.
 */
export function toErrorState(error: unknown, toFormField: (key: string, message: string) => [string, string] = (k, m) => [k, m]): ErrorState {
  if (isAppError(error)) {
    const fields: FieldErrors = {};
    for (const [key, messages] of Object.entries(error.fields ?? {})) {
      for (const message of messages) {
        const [formKey, formMessage] = toFormField(key, message);
        const list = (fields[formKey] ??= []);
        if (!list.includes(formMessage)) list.push(formMessage);
      }
    }
    return { status: 'error', code: error.code, message: error.message, fields };
  }
  const state = sqlState(error);
  // The database's constraints are the last line: what they refuse was bad input, not a crash.
  if (state && (state.startsWith('22') || state.startsWith('23'))) {
    return { status: 'error', code: 'invalid', message: 'The data was refused by the database rules. Nothing was changed.', fields: {} };
  }
  throw error;
}

function sqlState(error: unknown): string | undefined {
  let current = error as { code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; current && depth < 4; depth += 1) {
    if (typeof current.code === 'string' && /^[0-9A-Z]{5}$/.test(current.code)) return current.code;
    current = current.cause as typeof current;
  }
  return undefined;
}
