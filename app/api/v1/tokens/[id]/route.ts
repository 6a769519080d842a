import { apiRoute, routeMethods } from '@/lib/server/api';
import { revokeToken } from '@/lib/server/api-tokens';

export const dynamic = 'force-dynamic';

// Revokes the token at once: the owner's own, or anyone's for an administrator.
const revoke = apiRoute<{ id: string }>(async ({ ctx, params }) => {
  const { id, revokedAt } = await revokeToken(ctx, params.id);
  return { id, revoked: true, revokedAt };
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ DELETE: revoke });
