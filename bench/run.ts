// `npm run bench`: loads a dataset of the size the app must stay fast at (bench/dataset.ts) into a
// PostgreSQL database of its own, then measures the dashboard's aggregates, the pages over HTTP,
// posting an update, the page's JavaScript and the server's memory, each against its target.
// Options: --keep (do not drop the database), --reuse (with BENCH_DATABASE_URL: measure a database
// an earlier --keep run loaded), --runs N.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { type DatabaseHandle, openPostgres } from '@/db/connect';
import { migrateDatabase } from '@/db/migrate';
import { selectRows } from '@/db/rows';
import { hashPassword } from '@/lib/passwords';
import { measureAggregates, measureYardstick } from './aggregates';
import { BENCH_OFFICIAL, BENCH_PASSWORD, BENCH_STAFF, checkConsistency, describeDataset, type LoadedDataset, loadDataset } from './dataset';
import { measureBriefingPdf } from './briefing-pdf';
import { measureExports } from './exports';
import { cpuSnapshot, otherWorkShare, samplePostgres } from './machine-load';
import { type JsBytes, measureJs, timedGet } from './http';
import { report, type Results } from './report';
import { ensureBuild, startServer } from './server';
import { findServices, measureDashboardService, measureList, measurePosting, staffPoster } from './services';
import { sessionCookie } from './session';
import { type Figure, summarise } from './stats';

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const keep = args.includes('--keep');
const reuse = args.includes('--reuse');
const runsArg = args.indexOf('--runs');
const RUNS = runsArg >= 0 ? Math.max(30, Number(args[runsArg + 1])) : 30;
const log = (line: string) => process.stdout.write(`${line}\n`);

async function createDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, drop: async () => {} };
  const serverUrl = 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `agenda_bench_${process.pid}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

async function prepare(handle: DatabaseHandle): Promise<{ dataset: LoadedDataset; loadSeconds: number | null }> {
  const [existing] = await selectRows<{ n: number }>(handle.db, sql`select count(*)::int as n from agendas where slug = 'bench-islamabad-2026'`);
  if (existing!.n > 0 && !reuse) throw new Error('The bench database already holds a dataset: pass --reuse to measure it, or use an empty database.');
  const [anything] = await selectRows<{ n: number }>(handle.db, sql`select count(*)::int as n from agendas`);
  if (existing!.n === 0 && anything!.n > 0) throw new Error('The bench database holds other data; give it an empty database.');
  if (existing!.n > 0) {
    log('Reusing the dataset already loaded (--reuse).');
    return { dataset: await describeDataset(handle.db), loadSeconds: null };
  }
  log('Loading the dataset (set-based SQL)…');
  const started = performance.now();
  const dataset = await loadDataset(handle.db, { now: new Date(), passwordHash: await hashPassword(BENCH_PASSWORD) });
  return { dataset, loadSeconds: Math.round((performance.now() - started) / 100) / 10 };
}

async function measurePage(name: string, url: string, cookie: string): Promise<{ ttfb: Figure; total: Figure; status: number; bytes: number; html: string }> {
  let html = '';
  let status = 0;
  // Warm-up: the route's modules load and the server's hot code compiles on the first requests.
  for (let i = 0; i < 10; i++) ({ body: html, status } = await timedGet(url, cookie));
  const ttfb: number[] = [];
  const total: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = await timedGet(url, cookie);
    if (t.status !== 200) throw new Error(`${name}: HTTP ${t.status}`);
    ttfb.push(t.ttfb);
    total.push(t.total);
    bytes = t.bytes;
  }
  return { ttfb: summarise(`${name}: time to first byte`, ttfb), total: summarise(`${name}: full response`, total), status, bytes, html };
}

/**
 * A page read right after a write, every time: the figures the server keeps are then out of date and
 * computed again, as for the first reader after a colleague posts.
 */
async function measurePageAfterWrites(name: string, url: string, cookie: string, write: () => Promise<void>): Promise<{ ttfb: Figure; total: Figure }> {
  const ttfb: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await write();
    const t = await timedGet(url, cookie);
    if (t.status !== 200) throw new Error(`${name}: HTTP ${t.status}`);
    ttfb.push(t.ttfb);
    total.push(t.total);
  }
  return { ttfb: summarise(`${name}: time to first byte`, ttfb), total: summarise(`${name}: full response`, total) };
}

/** The elements of an HTML document: its start tags (comments, doctype and end tags left out). */
function countElements(html: string): number {
  return html.match(/<[a-zA-Z][^\s/>]*/g)?.length ?? 0;
}

async function main() {
  // Filled in as the run proceeds; report() reads it once every step has run.
  const results = { startedAt: new Date().toISOString(), runs: RUNS, notes: [] as string[] } as unknown as Results;
  results.machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '', node: process.version, loadAverage: os.loadavg() };
  const cpuAtStart = cpuSnapshot();
  const { url, drop } = await createDatabase();
  const migrator = openPostgres(url, { max: 1 });
  await migrateDatabase(migrator);
  await migrator.close();
  const handle = openPostgres(url, { max: 10 });
  const yardstickHandle = openPostgres(url, { max: 1 });
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    const [version] = await selectRows<{ v: string }>(handle.db, sql`select current_setting('server_version') as v`);
    results.machine.postgres = version!.v;
    const { dataset, loadSeconds } = await prepare(handle);
    results.dataset = { counts: dataset.counts, seconds: dataset.seconds, loadSeconds };
    log(`Dataset: ${JSON.stringify(dataset.counts)}${loadSeconds !== null ? ` loaded in ${loadSeconds} s` : ''}`);
    results.consistency = await checkConsistency(handle.db);
    log(`Consistency (all 0 when sound): ${JSON.stringify(results.consistency)}`);

    log(`Measuring the yardstick and the aggregates (${RUNS} runs each)…`);
    results.yardstick = await measureYardstick(yardstickHandle, RUNS);
    results.aggregates = await measureAggregates(handle, {
      defaultAgenda: dataset.defaultAgendaSlug, oldestAgenda: dataset.oldestAgendaSlug, sectorSlug: dataset.sectorSlug, runs: RUNS,
    });

    process.env.AUTH_SECRET ??= 'bench-in-process-secret-0123456789-abcdefghijkl';
    const officialCookie = await sessionCookie(handle.db, { email: BENCH_OFFICIAL, password: BENCH_PASSWORD, secret: process.env.AUTH_SECRET });
    const staffCookie = await sessionCookie(handle.db, { email: BENCH_STAFF, password: BENCH_PASSWORD, secret: process.env.AUTH_SECRET });
    const services = await findServices();
    results.services = await measureDashboardService(handle, officialCookie, RUNS);
    if (services.listCommitments) {
      results.services.push(await measureList(handle, officialCookie, services.listCommitments, dataset.sectorSlug, RUNS));
    } else {
      results.notes.push('Skipped the commitments list: lib/server/commitments.ts has no listCommitments yet.');
    }

    // The PDF first, while the process holds no more than the dataset's handles: its peak memory is then
    // the renderer's cost on top of a process of about a server's size.
    log('Measuring the briefing PDF of one sector…');
    results.briefingPdf = await measureBriefingPdf(handle, officialCookie, dataset.defaultAgendaSlug, dataset.sectorSlug);
    const pdf = results.briefingPdf;
    log(`  ${pdf.name}: first ${pdf.coldSeconds.toFixed(2)} s, warm ${pdf.warmSeconds.toFixed(2)} s, peak process memory ${pdf.peakRssMb.toFixed(0)} MB`);

    log('Measuring the spreadsheet exports…');
    results.exports = await measureExports(handle, officialCookie, dataset.defaultAgendaSlug);
    for (const e of results.exports) log(`  ${e.name}: ${e.rows.toLocaleString('en')} rows in ${e.seconds.toFixed(1)} s, memory +${e.rssGrowthMb.toFixed(1)} MB`);

    log('Starting the production server…');
    const build = ensureBuild(root, log);
    results.build = build;
    server = await startServer(root, url);
    const cookie = await sessionCookie(handle.db, { email: BENCH_OFFICIAL, password: BENCH_PASSWORD, secret: server.authSecret });
    const dashboard = await measurePage('dashboard page /', `${server.origin}/`, cookie);
    if (!dashboard.html.includes('id="pipeline"')) throw new Error('The dashboard page did not render its panels');
    const sector = await measurePage(`sector page /sectors/${dataset.sectorSlug}`, `${server.origin}/sectors/${dataset.sectorSlug}`, cookie);
    results.http = [dashboard.ttfb, dashboard.total, sector.ttfb, sector.total];
    if (services.recordStatusUpdate) {
      const write = await staffPoster(handle, staffCookie, services.recordStatusUpdate, dataset.staffCommitmentIds);
      const dashboardAfter = await measurePageAfterWrites('dashboard page / right after a write', `${server.origin}/`, cookie, write);
      const sectorAfter = await measurePageAfterWrites(`sector page right after a write`, `${server.origin}/sectors/${dataset.sectorSlug}`, cookie, write);
      results.http.push(dashboardAfter.ttfb, dashboardAfter.total, sectorAfter.ttfb, sectorAfter.total);
    }
    results.pageBytes = { dashboard: dashboard.bytes, sector: sector.bytes };
    results.pageElements = { dashboard: countElements(dashboard.html), sector: countElements(sector.html) };

    const listUrl = `${server.origin}/commitments?sector=${dataset.sectorSlug}`;
    if ((await timedGet(listUrl, cookie)).status === 200) {
      const list = await measurePage('commitments list /commitments?sector=…', listUrl, cookie);
      results.http.push(list.ttfb, list.total);
    } else {
      results.notes.push('Skipped the commitments list over HTTP: /commitments does not exist yet (its SQL is measured in-process above when listCommitments exists).');
    }
    const detailUrl = `${server.origin}/commitments/${dataset.longCommitmentId}`;
    if ((await timedGet(detailUrl, cookie)).status === 200) {
      const detail = await measurePage('commitment page with 500 updates', detailUrl, cookie);
      results.http.push(detail.ttfb, detail.total);
    } else {
      results.notes.push('Skipped the commitment page with 500 updates: /commitments/[id] does not exist yet.');
    }

    const js: JsBytes = await measureJs(server.origin, dashboard.html);
    results.js = js;

    if (services.recordStatusUpdate) {
      results.services.push(await measurePosting(handle, staffCookie, services.recordStatusUpdate, dataset.staffCommitmentIds, RUNS));
    } else {
      results.notes.push('Skipped posting an update: recordStatusUpdate is not exported yet.');
    }
    // A last round of page loads after the writes: memory under the whole run, and no stale figure.
    await measurePage('dashboard page after posting', `${server.origin}/`, cookie);
    results.rss = { peakBytes: server.peakRss() };
  } finally {
    // The server's and this process's connections close below, and their backends' CPU time with them.
    samplePostgres();
    await server?.stop();
    await yardstickHandle.close();
    await handle.close();
    if (keep || process.env.BENCH_DATABASE_URL) {
      if (!process.env.BENCH_DATABASE_URL) log(`Kept the bench database: ${url} (measure it again with BENCH_DATABASE_URL=${url} npm run bench -- --reuse)`);
    } else {
      await drop();
    }
  }
  results.machine.loadAverageAtEnd = os.loadavg();
  results.machine.otherWork = otherWorkShare(cpuAtStart, cpuSnapshot(), results.machine.cpus);
  const outcome = report(results, log);
  fs.writeFileSync(path.join(root, 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);
  log('Results written to bench-results.json');
  process.exitCode = outcome.failed ? 1 : 0;
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(2);
});
