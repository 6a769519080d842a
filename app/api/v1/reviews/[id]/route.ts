import { apiRoute, routeMethods } from '@/lib/server/api';
import { getReviewDetail, updateReview } from '@/lib/server/reviews';

export const dynamic = 'force-dynamic';

const read = apiRoute<{ id: string }>(async ({ ctx, params }) => getReviewDetail(ctx, params.id));
const edit = apiRoute<{ id: string }>(async ({ ctx, params, body }) => updateReview(ctx, params.id, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: read, PATCH: edit });
