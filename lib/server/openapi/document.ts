import { z } from 'zod';
import { createDocument, type ZodOpenApiPathsObject } from 'zod-openapi';
import { briefingPaths } from './paths-briefing';
import { commitmentPaths } from './paths-commitments';
import { exportPaths } from './paths-exports';
import { importPaths } from './paths-imports';
import { notificationPaths } from './paths-notifications';
import { tokenPaths } from './paths-tokens';
import { SECURITY_SCHEMES } from './shared';

const API_BASE = '/api/v1';

const documentPaths: ZodOpenApiPathsObject = {
  '/openapi.json': {
    get: {
      operationId: 'getOpenApiDocument',
      tags: ['About the API'],
      summary: 'This document',
      security: [],
      responses: { 200: { description: 'The OpenAPI 3.1 document.', content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } } },
    },
  },
};

// Every area's operations, by path under /api/v1, in the order the reference page shows them (the
// commitments first). A new area adds its file and one entry here.
const AREAS: ZodOpenApiPathsObject[] = [commitmentPaths, exportPaths, importPaths, briefingPaths, notificationPaths, tokenPaths, documentPaths];

let built: ReturnType<typeof createDocument> | undefined;

/** The OpenAPI 3.1 document of API version 1, generated from the zod schemas the handlers use. */
export function openApiDocument() {
  built ??= createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Agenda tracker API',
      version: '1',
      description:
        'Commitments between two governments, their status updates, comments and the other side’s confirmations. '
        + 'Authenticate with a personal access token (`Authorization: Bearer agt_…`, made under “Your account”) or the browser session. '
        + 'Each token may make 600 requests a minute. Errors are `{"error": {"code", "message", "fields"?}}`.',
    },
    servers: [{ url: API_BASE }],
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
    components: { securitySchemes: SECURITY_SCHEMES },
    paths: Object.assign({}, ...AREAS),
  });
  return built;
}
