import { apiRoute, json, routeMethods } from '@/lib/server/api';
import { addComment } from '@/lib/server/comments';

export const dynamic = 'force-dynamic';

const add = apiRoute<{ id: string }>(async ({ ctx, params, body }) => json(await addComment(ctx, params.id, body), 201));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: add });
