import type { FieldMessages, Message } from './messages';

// What a form's server action hands back to its `useActionState`, for every form of the app. Every
// text is a catalogue message, shown in the reader's language. `at` tells one answer from the
// next, so a repeated refusal still moves the focus to its summary.

export interface IdleState {
  status: 'idle';
}

export interface ErrorState {
  status: 'error';
  code: string;
  summary: Message;
  /** By the form's own input names. */
  fields: FieldMessages;
  at: number;
}

export type SuccessState<T extends object> = { status: 'success'; at: number } & T;

/** The usual success: a message, with a password the server made (shown this once) or a link to what was made. */
interface Notice {
  message: Message;
  secret?: string;
  link?: string;
}

/** A form's answers: nothing yet, a refusal, or its own success (by default a notice). */
export type FormState<T extends object = Notice> = IdleState | ErrorState | SuccessState<T>;

/** An edit refused because someone saved first: the record as it is now, and what the user typed. */
export interface ConflictState<V extends object> {
  status: 'conflict';
  summary: Message;
  current: V & { version: number };
  values: Partial<V>;
  at: number;
}

export function succeeded<T extends object>(result: T): SuccessState<T> {
  return { status: 'success', at: Date.now(), ...result };
}
