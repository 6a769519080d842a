import { apiRoute, json, routeMethods } from '@/lib/server/api';
import { createReview, listReviewsFor } from '@/lib/server/reviews';

export const dynamic = 'force-dynamic';

const list = apiRoute(async ({ ctx }) => ({ items: await listReviewsFor(ctx) }));
const create = apiRoute(async ({ ctx, body }) => json(await createReview(ctx, body), 201));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: list, POST: create });
