import { z } from 'zod';
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from 'zod-openapi';
import { commitmentQuerySchema } from '@/lib/domain/commitment-filters';
import { updateExportQuerySchema } from '@/lib/domain/update-export-params';
import { errors } from './shared';

const TYPES = {
  csv: { type: 'text/csv', schema: z.string().meta({ description: 'RFC 4180, UTF-8 with a byte-order mark.' }) },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', schema: z.string().meta({ format: 'binary' }) },
} as const;

function download(format: keyof typeof TYPES, what: 'commitments' | 'updates'): ZodOpenApiOperationObject {
  const { type, schema } = TYPES[format];
  return {
    operationId: `export${what === 'commitments' ? 'Commitments' : 'Updates'}${format === 'csv' ? 'Csv' : 'Xlsx'}`,
    tags: ['Spreadsheets'],
    summary: what === 'commitments' ? `The filtered commitments as ${format.toUpperCase()}` : `An agenda’s status updates as ${format.toUpperCase()}`,
    description: what === 'commitments'
      ? 'Every page of the list; `page` and `pageSize` are ignored. Columns are listed in the README.'
      : 'Updates posted between `from` and `to` (both included), oldest first.',
    requestParams: { query: what === 'commitments' ? commitmentQuerySchema : updateExportQuerySchema },
    responses: { 200: { description: 'An attachment.', content: { [type]: { schema } } }, ...errors('read', [404]) },
  };
}

export const exportPaths: ZodOpenApiPathsObject = {
  '/commitments.csv': { get: download('csv', 'commitments') },
  '/commitments.xlsx': { get: download('xlsx', 'commitments') },
  '/updates.csv': { get: download('csv', 'updates') },
  '/updates.xlsx': { get: download('xlsx', 'updates') },
};
