import type { z } from 'zod';
import { AppError } from './errors';

/** Field errors keyed by path ("readings.0.value"), as forms and the API both show them. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '_';
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/** Validates input once, at the edge; a failure is a 422 carrying every field's message. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new AppError('invalid', 'Some fields are not valid. Correct them and try again.', fieldErrors(result.error));
  }
  return result.data;
}

/**
 * Input as the service receives it: a value (forms) or a reader (the API's body), which is called
 * only after the signed-in, exists and allowed checks, so those answer first whatever the body holds.
 */
export type InputSource = unknown | (() => Promise<unknown>);

export async function readInput(source: InputSource): Promise<unknown> {
  return typeof source === 'function' ? (source as () => Promise<unknown>)() : source;
}
