import { apiRoute, routeMethods } from '@/lib/server/api';
import { briefingPdf, pdfResponse } from '@/lib/server/briefing-download';

export const dynamic = 'force-dynamic';

const download = apiRoute(async ({ ctx, request }) => {
  const url = new URL(request.url);
  return pdfResponse(await briefingPdf(ctx, url.searchParams, url.origin));
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: download });
