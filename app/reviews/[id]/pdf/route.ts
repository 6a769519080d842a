import { apiRoute, routeMethods } from '@/lib/server/api';
import { pdfResponse } from '@/lib/server/briefing-download';
import { getReviewPdf } from '@/lib/server/reviews';

export const dynamic = 'force-dynamic';

// The PDF frozen when the review was held, byte for byte.
const download = apiRoute<{ id: string }>(async ({ ctx, params }) => pdfResponse(await getReviewPdf(ctx, params.id)));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: download });
