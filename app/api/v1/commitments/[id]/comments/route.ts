import { apiRoute, json } from '@/lib/server/api';
import { addComment } from '@/lib/server/comments';

export const dynamic = 'force-dynamic';

export const POST = apiRoute<{ id: string }>(async ({ ctx, params, body }) => json(await addComment(ctx, params.id, body), 201));
