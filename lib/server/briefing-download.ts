import 'server-only';
import { type Briefing, briefingFileName, listedCommitments, PDF_MAX_COMMITMENTS } from '@/lib/domain/briefing';
import type { QueryInput } from '@/lib/domain/query-params';
import { briefingParams, computeBriefing, resolveBriefingScope } from './briefing';
import { renderBriefingPdf } from './briefing-pdf';
import type { RequestContext } from './context';
import { AppError } from './errors';
import { authorize } from './guard';

/**
 * The briefing of a URL's query as a PDF (officials and administrators: the export). One that lists
 * more commitments than one document holds is refused with 422, naming `sector`: the page offers
 * each sector's PDF instead.
 */
export async function briefingPdf(ctx: RequestContext, query: QueryInput, origin: string): Promise<{ bytes: Uint8Array; briefing: Briefing }> {
  const { db } = authorize(ctx, 'briefing.export');
  const briefing = await computeBriefing(db, await resolveBriefingScope(db, briefingParams(query)));
  const count = listedCommitments(briefing);
  if (count > PDF_MAX_COMMITMENTS) {
    throw new AppError('invalid', { key: 'problem.invalidBriefing' }, {
      sector: [{ key: 'validation.query.tooLargeForPdf', values: { parameter: 'sector', count, max: PDF_MAX_COMMITMENTS } }],
    });
  }
  return { bytes: await renderBriefingPdf(briefing, origin), briefing };
}

export function pdfResponse({ bytes, briefing }: { bytes: Uint8Array; briefing: Briefing }): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${briefingFileName(briefing)}"`,
      'cache-control': 'no-store',
    },
  });
}
