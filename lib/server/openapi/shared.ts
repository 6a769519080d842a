import { z } from 'zod';
import type { ZodOpenApiResponsesObject } from 'zod-openapi';
import { errorResponseSchema } from '@/lib/domain/api-responses';

// The parts every operation of the document shares: its error answers, the JSON bodies, the path id.

const ERRORS = {
  400: 'The body is not JSON or not UTF-8, or is empty.',
  401: 'Not signed in, or the API token is unknown, expired, revoked or its owner disabled (with `WWW-Authenticate: Bearer`).',
  403: 'Not allowed: the role or organisation may not, a read token tried to write, a cookie request came from another site, or a token tried to manage tokens.',
  404: 'There is no such record.',
  405: 'The endpoint does not serve this method (`Allow` lists those it does).',
  409: 'The record changed since it was read (a stale `version`, an import’s preview gone stale or expired), or the step was taken already (a decision, an applied import, a held review).',
  413: 'The body is larger than 1 MB.',
  415: 'The body is not `application/json`.',
  422: 'The body or the query is not valid: `fields` names each field’s problems.',
  429: 'The API token made more than 600 requests this minute: try again after `Retry-After` seconds.',
  500: 'Something failed on the server; nothing was changed.',
  503: 'The database is not reachable.',
} as const;
type ErrorStatus = keyof typeof ERRORS;

// A file upload is read as a form, not as JSON, and may be larger.
const UPLOAD_ERRORS: Partial<Record<ErrorStatus, string>> = {
  400: 'The form or the file could not be read: not multipart, not UTF-8, not CSV or XLSX, empty, more than 20,000 rows, a formula or an error value in a cell, or a workbook that expands to more than 100 MB.',
  413: 'The file is larger than 10 MB.',
  415: 'The body is not `multipart/form-data`.',
  422: 'There is no `file` field, or the file’s first row does not name the columns of a download.',
};

const READ_ERRORS: ErrorStatus[] = [401, 403, 422, 429, 500, 503];
const WRITE_ERRORS: ErrorStatus[] = [400, 401, 403, 404, 405, 413, 415, 422, 429, 500, 503];

const retryAfter = z.int().min(1).meta({ description: 'Seconds until the token’s next minute starts.' });

/** The error answers of an operation, all in the one error shape. */
export function errors(kind: 'read' | 'write' | 'upload', extra: ErrorStatus[] = []): ZodOpenApiResponsesObject {
  const statuses = [...new Set([...(kind === 'read' ? READ_ERRORS : WRITE_ERRORS), ...extra])].sort();
  return Object.fromEntries(
    statuses.map((status) => [
      String(status),
      {
        description: (kind === 'upload' ? UPLOAD_ERRORS[status] : undefined) ?? ERRORS[status],
        ...(status === 429 ? { headers: z.object({ 'retry-after': retryAfter }) } : {}),
        content: { 'application/json': { schema: errorResponseSchema } },
      },
    ]),
  );
}

export function json(schema: z.ZodType, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

export function jsonBody(schema: z.ZodType, required = true) {
  return { required, content: { 'application/json': { schema } } };
}

export const idParam = (description: string) => z.object({ id: z.uuid().meta({ description }) });

export const SECURITY_SCHEMES = {
  bearerToken: {
    type: 'http', scheme: 'bearer',
    description: 'A personal access token (`agt_…`) made under “Your account”. A `read` token may only read.',
  },
  sessionCookie: {
    type: 'apiKey', in: 'cookie', name: 'authjs.session-token',
    description: 'The browser’s session after signing in (on HTTPS: `__Secure-authjs.session-token`). Writes must come from this site.',
  },
} as const;

export const SESSION_ONLY = [{ sessionCookie: [] }];
