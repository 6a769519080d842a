import type { DatabaseHandle } from '@/db/connect';
import { briefingPdf } from '@/lib/server/briefing-download';
import { contextFromHeaders } from '@/lib/server/context';

// The briefing of one sector as a PDF, at full scale, in process: from the query to the last byte
// (the SQL as at both days, then the document in the renderer's worker thread), the first time
// (the worker starts and loads the renderer and fonts) and once warm, with the process's peak
// memory while it runs (the worker thread's included), sampled every 20 ms.

export interface PdfFigure {
  name: string;
  coldSeconds: number;
  warmSeconds: number;
  bytes: number;
  peakRssMb: number;
}

export async function measureBriefingPdf(handle: DatabaseHandle, cookie: string, agendaSlug: string, sectorSlug: string): Promise<PdfFigure> {
  const query = new URLSearchParams({ agenda: agendaSlug, sector: sectorSlug });
  const make = async () => {
    const ctx = await contextFromHeaders(new Headers({ cookie, 'user-agent': 'agenda-bench' }), handle.db);
    const started = performance.now();
    const { bytes } = await briefingPdf(ctx, query, 'http://localhost');
    return { seconds: (performance.now() - started) / 1000, bytes: bytes.byteLength };
  };
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const cold = await make();
    const warm = await make();
    return { name: `briefing PDF of one sector (${sectorSlug})`, coldSeconds: cold.seconds, warmSeconds: warm.seconds, bytes: warm.bytes, peakRssMb: peak / 1024 / 1024 };
  } finally {
    clearInterval(sampler);
  }
}
