import { apiRoute, json } from '@/lib/server/api';
import { recordStatusUpdate } from '@/lib/server/status-updates';

export const dynamic = 'force-dynamic';

export const POST = apiRoute<{ id: string }>(async ({ ctx, params, body }) => json(await recordStatusUpdate(ctx, params.id, body), 201));
