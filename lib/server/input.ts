import type { z } from 'zod';
import { validate } from '@/lib/domain/validation';
import { invalid } from './errors';

/** Validates input once, at the edge; a failure is a 422 carrying every field's messages. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = validate(schema, data);
  if (!result.ok) throw invalid(result.fields);
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
