import { apiRoute, routeMethods } from '@/lib/server/api';
import { watchCommitment } from '@/lib/server/notifications/inbox';

export const dynamic = 'force-dynamic';

const watch = apiRoute<{ id: string }>(async ({ ctx, params }) => watchCommitment(ctx, params.id, true), { bodyless: true });
const unwatch = apiRoute<{ id: string }>(async ({ ctx, params }) => watchCommitment(ctx, params.id, false), { bodyless: true });

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ PUT: watch, DELETE: unwatch });
