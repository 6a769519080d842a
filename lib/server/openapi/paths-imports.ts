import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { importResponse } from '@/lib/domain/api-responses';
import { errors, idParam, json } from './shared';

// A spreadsheet in the format of either download, previewed, then applied all or nothing.
const upload = z.object({
  file: z.string().meta({ format: 'binary', description: 'A CSV (UTF-8) or XLSX file of at most 10 MB, in the columns of the commitments or the status updates download.' }),
});

export const importPaths: ZodOpenApiPathsObject = {
  '/imports': {
    post: {
      operationId: 'previewImport',
      tags: ['Spreadsheets'],
      summary: 'Preview a spreadsheet import',
      description:
        'Works out what each row would do, trying it against the rules as a single edit would, and changes nothing but storing the preview, '
        + 'which its owner may apply for 24 hours. Needs the role that may import (staff or an administrator).',
      requestBody: { required: true, content: { 'multipart/form-data': { schema: upload } } },
      responses: { 201: json(importResponse, 'The preview, with its id.'), ...errors('upload') },
    },
  },
  '/imports/{id}/apply': {
    post: {
      operationId: 'applyImport',
      tags: ['Spreadsheets'],
      summary: 'Apply a previewed import',
      description:
        'Every row in one transaction, each through the same rules, permissions and audit events as a single edit: all of it or nothing. '
        + 'A preview with conflicts or errors is a 422; one applied already, expired, or whose commitments changed since is a 409 (preview again). '
        + 'Takes no body.',
      requestParams: { path: idParam('The preview’s id, from its upload.') },
      responses: { 200: json(importResponse, 'The import, applied.'), ...errors('write', [409]) },
    },
  },
};
