import { apiRoute, routeMethods } from '@/lib/server/api';
import { holdReview } from '@/lib/server/reviews';

export const dynamic = 'force-dynamic';

// The body is `{}` (or none): holding takes no options.
const hold = apiRoute<{ id: string }>(async ({ ctx, params, request, body }) =>
  holdReview(ctx, params.id, !request.body || request.headers.get('content-length') === '0' ? {} : body, new URL(request.url).origin),
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: hold });
