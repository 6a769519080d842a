import type { z } from 'zod';
import { type FieldMessages, fieldLabelKey, type Message } from './messages';

// Schemas name catalogue keys as their `error` strings ("validation.tooLong"); an issue a schema
// gives no key of its own gets one for its kind (validation.issue.too_big). The limits zod records
// on an issue travel as values, so one entry reads "{label} must be at most {max} characters." for
// every field, and the field's label comes from its path.

export type Validated<T> = { ok: true; data: T } | { ok: false; fields: FieldMessages };

export function validate<S extends z.ZodType>(schema: S, data: unknown): Validated<z.output<S>> {
  const result = schema.safeParse(data, { error: (issue) => `validation.issue.${issue.code}` });
  return result.success ? { ok: true, data: result.data } : { ok: false, fields: fieldMessages(result.error) };
}

/** Every issue of a failed parse as a catalogue message, by the path of the field it concerns. */
export function fieldMessages(error: z.ZodError): FieldMessages {
  const fields: FieldMessages = {};
  for (const issue of error.issues) {
    const path = issue.path.length ? issue.path.map(String).join('.') : '_';
    (fields[path] ??= []).push(issueMessage(issue));
  }
  return fields;
}

function issueMessage(issue: z.core.$ZodIssue): Message {
  const values: Record<string, string | number> = { label: fieldLabelKey(issue.path) };
  switch (issue.code) {
    case 'too_big':
      values.max = Number(issue.maximum);
      break;
    case 'too_small':
      values.min = Number(issue.minimum);
      break;
    case 'invalid_value':
      values.values = issue.values.map(String).join(', ');
      break;
    case 'unrecognized_keys':
      values.keys = issue.keys.join(', ');
      break;
    case 'not_multiple_of':
      values.divisor = Number(issue.divisor);
      break;
    case 'custom':
      // A rule's own limits ({min: 15}) travel as its params.
      for (const [k, v] of Object.entries(issue.params ?? {})) if (typeof v === 'string' || typeof v === 'number') values[k] = v;
      break;
    default:
      break;
  }
  return { key: issue.message, values };
}
