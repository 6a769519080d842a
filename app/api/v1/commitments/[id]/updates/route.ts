import { apiRoute, json, routeMethods } from '@/lib/server/api';
import { recordStatusUpdate } from '@/lib/server/status-updates';

export const dynamic = 'force-dynamic';

const record = apiRoute<{ id: string }>(async ({ ctx, params, body }) => json(await recordStatusUpdate(ctx, params.id, body), 201));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: record });
