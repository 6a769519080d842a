import { apiRoute } from '@/lib/server/api';
import { setCommentResolved } from '@/lib/server/comments';

export const dynamic = 'force-dynamic';

// The body is optional: none or {} resolves the thread, {"resolved": false} reopens it.
export const POST = apiRoute<{ id: string }>(async ({ ctx, params, request, body }) =>
  setCommentResolved(ctx, params.id, !request.body || request.headers.get('content-length') === '0' ? {} : body),
);
