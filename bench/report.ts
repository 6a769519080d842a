import type { PdfFigure } from './briefing-pdf';
import type { ExportFigure } from './exports';
import type { JsBytes } from './http';
import type { Figure } from './stats';

export interface Results {
  startedAt: string;
  runs: number;
  machine: {
    cpus: number; cpuModel: string; node: string; loadAverage: number[]; loadAverageAtEnd?: number[]; postgres?: string;
    /** The share of the machine's CPU other processes used during the run (bench/machine-load.ts). */
    otherWork?: number;
  };
  dataset: { counts: Record<string, number>; seconds: Record<string, number>; loadSeconds: number | null };
  consistency: Record<string, number>;
  yardstick: Figure;
  aggregates: Figure[];
  services: Figure[];
  build: { built: boolean; seconds: number };
  http: Figure[];
  pageBytes: Record<string, number>;
  /** Elements (start tags) in each page's HTML. */
  pageElements?: Record<string, number>;
  js: JsBytes;
  rss: { peakBytes: number };
  exports: ExportFigure[];
  briefingPdf: PdfFigure;
  notes: string[];
  targets?: { name: string; value: string; limit: string; pass: boolean }[];
}

const KB = 1024;
const MB = 1024 * 1024;
const ms = (v: number) => `${v.toFixed(1)} ms`;

/** Prints every figure with its ratio to the yardstick, then the targets with PASS or FAIL. */
export function report(r: Results, log: (line: string) => void): { failed: boolean } {
  const yard = r.yardstick.p50;
  const ratio = (v: number) => `${(v / yard).toFixed(3)}×`;
  const line = (f: Figure) =>
    `  ${f.name.padEnd(62)} p50 ${ms(f.p50).padStart(9)} (${ratio(f.p50).padStart(7)})   p95 ${ms(f.p95).padStart(9)} (${ratio(f.p95).padStart(7)})`;
  log('');
  log(`Machine: ${r.machine.cpus} cores (${r.machine.cpuModel}), Node ${r.machine.node}, PostgreSQL ${r.machine.postgres}, load average at start ${r.machine.loadAverage.map((v) => v.toFixed(2)).join(' ')}`);
  const end = r.machine.loadAverageAtEnd;
  if (end) log(`Load average at the end: ${end.map((v) => v.toFixed(2)).join(' ')} (the run's own last minute included)`);
  const other = r.machine.otherWork;
  if (other !== undefined) log(`Other processes used ${(other * 100).toFixed(0)}% of the machine's CPU during the run (this run, its server and PostgreSQL left out).`);
  // Busy: the machine was loaded when the run started (one-minute load average above the cores), or
  // other processes took more than a quarter of it during the run. The load average at the end counts
  // the run's own work, so it is printed, not judged.
  const busy = r.machine.loadAverage[0]! > r.machine.cpus || (other ?? 0) > 0.25;
  if (busy) log('Note: other work kept this machine busy at the start or during the run; every time below is inflated by it.');
  log(`Dataset: ${Object.entries(r.dataset.counts).map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', ')}`);
  if (r.dataset.loadSeconds !== null) log(`Loaded in ${r.dataset.loadSeconds} s (${Object.entries(r.dataset.seconds).map(([k, v]) => `${k} ${v} s`).join(', ')})`);
  log(`Runs per figure: ${r.runs}. Ratios are to the yardstick's median.`);
  log('');
  log('Yardstick');
  log(line(r.yardstick));
  log('Dashboard aggregates (SQL, one statement each)');
  for (const f of r.aggregates) log(line(f));
  log('Data-access layer, in-process');
  for (const f of r.services) log(line(f));
  log('Pages over HTTP (production server, signed in)');
  for (const f of r.http) log(line(f));
  const elements = (page: string) => (r.pageElements?.[page] !== undefined ? ` in ${r.pageElements[page]} elements` : '');
  log(`Dashboard HTML: ${(r.pageBytes.dashboard! / KB).toFixed(1)} KB${elements('dashboard')}; sector page: ${(r.pageBytes.sector! / KB).toFixed(1)} KB${elements('sector')}`);
  const js = r.js;
  log(
    `Dashboard JS (gzip): ${(js.initial.gzip / KB).toFixed(1)} KB in ${js.initial.files} scripts the page loads; ` +
      `+ ${(js.lazy.gzip / KB).toFixed(1)} KB in ${js.lazy.files} chunks it may load later = ${((js.initial.gzip + js.lazy.gzip) / KB).toFixed(1)} KB; ` +
      `noModule polyfills ${(js.noModule.gzip / KB).toFixed(1)} KB (skipped by modern browsers)`,
  );
  log(`Server peak RSS: ${(r.rss.peakBytes / MB).toFixed(1)} MB`);
  log('Spreadsheet exports, streamed to the last byte (in-process)');
  for (const e of r.exports) {
    log(`  ${e.name.padEnd(52)} ${e.rows.toLocaleString('en').padStart(9)} rows  ${e.seconds.toFixed(1).padStart(6)} s  ${e.megabytes.toFixed(1).padStart(7)} MB out  memory +${e.rssGrowthMb.toFixed(1)} MB`);
  }
  const pdf = r.briefingPdf;
  log('Briefing PDF (in-process; the renderer runs in a worker thread)');
  log(`  ${pdf.name.padEnd(52)} first ${pdf.coldSeconds.toFixed(2)} s, warm ${pdf.warmSeconds.toFixed(2)} s  ${(pdf.bytes / KB).toFixed(0)} KB  peak process memory ${pdf.peakRssMb.toFixed(0)} MB`);
  for (const note of r.notes) log(`Note: ${note}`);

  const targets: NonNullable<Results['targets']> = [];
  const add = (name: string, value: number, limit: number, fmt: (v: number) => string) =>
    targets.push({ name, value: fmt(value), limit: fmt(limit), pass: value <= limit });
  if (r.dataset.loadSeconds !== null) add('dataset loaded in under 3 minutes', r.dataset.loadSeconds, 180, (v) => `${v} s`);
  const soundness = Object.values(r.consistency).reduce((a, b) => a + b, 0);
  add('dataset consistent (sequences, stage chains, commitment state)', soundness, 0, (v) => `${v} faults`);
  const AFTER_WRITE = 'right after a write';
  const page = (prefix: string) =>
    r.http.find((f) => f.name.startsWith(prefix) && f.name.endsWith(': full response') && (prefix.includes(AFTER_WRITE) || !f.name.includes(AFTER_WRITE)));
  add('dashboard page p95 (full response)', page('dashboard page /')!.p95, 50, ms);
  const sectorPage = page('sector page ');
  if (sectorPage) add('sector page p95 (full response)', sectorPage.p95, 50, ms);
  // The first read after a colleague's write computes the figures again: it has the same target.
  const dashboardAfter = page(`dashboard page / ${AFTER_WRITE}`);
  if (dashboardAfter) add(`dashboard page p95 ${AFTER_WRITE} (figures computed again)`, dashboardAfter.p95, 50, ms);
  const sectorAfter = page(`sector page ${AFTER_WRITE}`);
  if (sectorAfter) add(`sector page p95 ${AFTER_WRITE} (figures computed again)`, sectorAfter.p95, 50, ms);
  const detail = page('commitment page with 500 updates');
  if (detail) add('commitment page with 500 updates p95 (full response)', detail.p95, 60, ms);
  add('dashboard HTML at full scale', r.pageBytes.dashboard!, 100 * KB, (v) => `${(v / KB).toFixed(1)} KB`);
  if (r.pageElements) add('dashboard elements at full scale', r.pageElements.dashboard!, 1000, (v) => `${v}`);
  for (const f of r.aggregates) add(`aggregate p95 ≤ 0.2 × yardstick: ${f.name}`, f.p95, 0.2 * yard, ms);
  const post = r.services.find((f) => f.name.startsWith('recordStatusUpdate'));
  if (post) add('posting a status update p95', post.p95, 20, ms);
  add('dashboard JS loaded by the page (<script src>, gzip)', js.initial.gzip, 200 * KB, (v) => `${(v / KB).toFixed(1)} KB`);
  add('dashboard JS including every chunk it may load later (gzip)', js.initial.gzip + js.lazy.gzip, 200 * KB, (v) => `${(v / KB).toFixed(1)} KB`);
  add('server peak RSS', r.rss.peakBytes, 400 * MB, (v) => `${(v / MB).toFixed(1)} MB`);
  add(`one sector's briefing PDF in under 5 s, the first one included (${pdf.name})`, Math.max(pdf.coldSeconds, pdf.warmSeconds), 5, (v) => `${v.toFixed(2)} s`);
  add('process memory while making the briefing PDF (the server budget)', pdf.peakRssMb, 400, (v) => `${v.toFixed(0)} MB`);
  for (const e of r.exports) add(`export memory stays flat (growth ≤ 100 MB): ${e.name}`, e.rssGrowthMb, 100, (v) => `${v.toFixed(1)} MB`);
  r.targets = targets;
  log('');
  log('Targets');
  for (const t of targets) log(`  ${t.pass ? 'PASS' : 'FAIL'}  ${t.name}: ${t.value} (limit ${t.limit})`);
  if (busy) {
    log(`BUSY: the one-minute load average was above ${r.machine.cpus} at the start, or other processes used more than a quarter of the CPU during the run; run again on a quiet machine before quoting these figures.`);
  }
  return { failed: targets.some((t) => !t.pass) };
}
