import { apiRoute } from '@/lib/server/api';
import { downloadResponse, exportCommitments } from '@/lib/server/exports';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async ({ ctx, request }) => downloadResponse(await exportCommitments(ctx, new URL(request.url).searchParams, 'csv')));
