import type { z } from 'zod';
import type { FieldMessages } from './messages';
import { validate } from './validation';

// A URL's query read against a zod schema, for the list's filters and the exports' parameters alike:
// empty values are absent, listed parameters may repeat or hold commas, errors name the parameter.

export type QueryInput = Record<string, string | string[] | undefined> | URLSearchParams;

function collect(raw: QueryInput, multi: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const entries: [string, string][] =
    raw instanceof URLSearchParams
      ? [...raw.entries()]
      : Object.entries(raw).flatMap(([k, v]) => (v === undefined ? [] : Array.isArray(v) ? v.map((x) => [k, x] as [string, string]) : [[k, v] as [string, string]]));
  for (const [key, value] of entries) {
    if (value === '') continue;
    if (multi.has(key)) {
      const values = value.split(',').filter(Boolean);
      out[key] = [...((out[key] as string[] | undefined) ?? []), ...values];
    } else {
      out[key] = value;
    }
  }
  return out;
}

export function parseQuery<S extends z.ZodType>(
  schema: S,
  raw: QueryInput,
  multi: ReadonlySet<string> = new Set(),
): { ok: true; data: z.output<S> } | { ok: false; fields: FieldMessages } {
  const result = validate(schema, collect(raw, multi));
  if (result.ok) return { ok: true, data: result.data };
  const fields: FieldMessages = {};
  for (const [path, messages] of Object.entries(result.fields)) {
    // A parameter is named as the address spells it ("stage.1" is the second stage given).
    const parameter = path.split('.')[0]!;
    for (const message of messages) {
      // Parameters are named as typed, not by a field label.
      const values: Record<string, string | number> = { ...message.values, parameter };
      delete values.label;
      (fields[parameter] ??= []).push({ key: message.key, values });
    }
  }
  return { ok: false, fields };
}
