import { apiRoute, json, routeMethods } from '@/lib/server/api';
import { createToken, listOwnTokens } from '@/lib/server/api-tokens';

export const dynamic = 'force-dynamic';

// The signed-in user's own API tokens; a browser session only (a token cannot manage tokens).
const list = apiRoute(async ({ ctx }) => ({ items: await listOwnTokens(ctx) }));

// {"name", "scope": "read" | "read-write", "expiresInDays"?}: the answer is the only time the token is shown.
const create = apiRoute(async ({ ctx, body }) => {
  const { id, token, scope, expiresAt } = await createToken(ctx, body);
  return json({ id, token, scope, expiresAt }, 201);
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: list, POST: create });
