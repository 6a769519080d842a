import type { DatabaseHandle } from '@/db/connect';
import { contextFromHeaders } from '@/lib/server/context';
import { exportCommitments, exportUpdates } from '@/lib/server/exports';

// The streaming exports at full scale, in process: how long each takes to the last byte and how much
// the process's memory grows while it runs (sampled every 20 ms). Flat memory is the point: the
// growth must not follow the number of rows.

export interface ExportFigure {
  name: string;
  rows: number;
  seconds: number;
  megabytes: number;
  rssGrowthMb: number;
}

async function drain(body: ReadableStream<Uint8Array>): Promise<{ bytes: number; lines: number }> {
  let bytes = 0;
  let lines = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { bytes, lines };
    bytes += value.byteLength;
    for (const byte of value) if (byte === 0x0a) lines += 1;
  }
}

async function timed(name: string, run: () => Promise<ReadableStream<Uint8Array>>, rowsOf: (lines: number) => number | undefined, knownRows?: number): Promise<ExportFigure> {
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  try {
    const { bytes, lines } = await drain(await run());
    const seconds = (performance.now() - started) / 1000;
    return { name, rows: rowsOf(lines) ?? knownRows ?? 0, seconds, megabytes: bytes / 1024 / 1024, rssGrowthMb: (peak - baseline) / 1024 / 1024 };
  } finally {
    clearInterval(sampler);
  }
}

export async function measureExports(handle: DatabaseHandle, cookie: string, agendaSlug: string): Promise<ExportFigure[]> {
  const ctx = () => contextFromHeaders(new Headers({ cookie, 'user-agent': 'agenda-bench' }), handle.db);
  // CSV rows are lines (less the header) when no field holds a line break, which the dataset's do not.
  const csvRows = (lines: number) => lines - 1;
  const wide = new URLSearchParams({ from: '2000-01-01', to: '2100-12-31', agenda: agendaSlug });
  // The XLSX files hold the same rows as the CSV of the same query, counted there.
  const commitmentsCsv = await timed('commitments.csv (every commitment)', async () => (await exportCommitments(await ctx(), new URLSearchParams(), 'csv')).body, csvRows);
  const commitmentsXlsx = await timed('commitments.xlsx (every commitment)', async () => (await exportCommitments(await ctx(), new URLSearchParams(), 'xlsx')).body, () => undefined, commitmentsCsv.rows);
  const updatesCsv = await timed(`updates.csv (every update of ${agendaSlug})`, async () => (await exportUpdates(await ctx(), wide, 'csv')).body, csvRows);
  const updatesXlsx = await timed(`updates.xlsx (every update of ${agendaSlug})`, async () => (await exportUpdates(await ctx(), wide, 'xlsx')).body, () => undefined, updatesCsv.rows);
  return [commitmentsCsv, commitmentsXlsx, updatesCsv, updatesXlsx];
}
