import { z } from 'zod';
import { slug } from './commitment-filters';
import type { FieldMessages } from './messages';
import { parseQuery, type QueryInput } from './query-params';

// The status-update export's parameters: which agenda (default: the latest signed), which sector
// (default: all), and which days (default: from the signing to today), both days included.

export const updateExportQuerySchema = z.strictObject({
  agenda: slug.optional(),
  sector: slug.optional(),
  from: z.iso.date({ error: 'validation.query.date' }).optional(),
  to: z.iso.date({ error: 'validation.query.date' }).optional(),
}, { error: 'validation.query.unknown' });

export type UpdateExportParams = z.output<typeof updateExportQuerySchema>;

export function parseUpdateExportParams(raw: QueryInput): { ok: true; params: UpdateExportParams } | { ok: false; fields: FieldMessages } {
  const result = parseQuery(updateExportQuerySchema, raw);
  if (!result.ok) return result;
  const { from, to } = result.data;
  if (from && to && from > to) {
    return { ok: false, fields: { to: [{ key: 'validation.query.notBefore', values: { parameter: 'to', other: 'from' } }] } };
  }
  return { ok: true, params: result.data };
}
