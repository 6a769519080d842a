import { apiRoute, routeMethods } from '@/lib/server/api';
import { getBriefing } from '@/lib/server/briefing';

export const dynamic = 'force-dynamic';

const read = apiRoute(async ({ ctx, request }) => getBriefing(ctx, new URL(request.url).searchParams));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: read });
