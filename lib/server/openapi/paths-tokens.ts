import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { tokenCreatedResponse, tokenListResponse, tokenRevokedResponse } from '@/lib/domain/api-responses';
import { tokenCreateSchema } from '@/lib/domain/inputs';
import { SESSION_ONLY, errors, idParam, json, jsonBody } from './shared';

// Token management takes a browser session: a token cannot make, list or revoke tokens (403).
export const tokenPaths: ZodOpenApiPathsObject = {
  '/tokens': {
    get: {
      operationId: 'listTokens',
      tags: ['API tokens'],
      summary: 'Your API tokens',
      security: SESSION_ONLY,
      responses: { 200: json(tokenListResponse, 'Your tokens, newest first, revoked and expired ones included.'), ...errors('read') },
    },
    post: {
      operationId: 'createToken',
      tags: ['API tokens'],
      summary: 'Make an API token',
      description: '`expiresInDays` is 1 to 365 (default 90). The answer is the only time the token is shown.',
      security: SESSION_ONLY,
      requestBody: jsonBody(tokenCreateSchema),
      responses: { 201: json(tokenCreatedResponse, 'The new token.'), ...errors('write') },
    },
  },
  '/tokens/{id}': {
    delete: {
      operationId: 'revokeToken',
      tags: ['API tokens'],
      summary: 'Revoke an API token',
      description: 'Your own, or anyone’s for an administrator. It stops working at once.',
      security: SESSION_ONLY,
      requestParams: { path: idParam('The token’s id.') },
      responses: { 200: json(tokenRevokedResponse, 'The token is revoked.'), ...errors('write') },
    },
  },
};
