import { apiRoute } from '@/lib/server/api';
import { downloadResponse, exportUpdates } from '@/lib/server/exports';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async ({ ctx, request }) => downloadResponse(await exportUpdates(ctx, new URL(request.url).searchParams, 'xlsx')));
