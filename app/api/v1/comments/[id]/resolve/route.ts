import { apiRoute, routeMethods } from '@/lib/server/api';
import { setCommentResolved } from '@/lib/server/comments';

export const dynamic = 'force-dynamic';

// The body is optional: none or {} resolves the thread, {"resolved": false} reopens it.
const resolve = apiRoute<{ id: string }>(async ({ ctx, params, request, body }) =>
  setCommentResolved(ctx, params.id, !request.body || request.headers.get('content-length') === '0' ? {} : body),
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: resolve });
