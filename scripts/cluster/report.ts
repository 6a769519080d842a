import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/connect';
import { selectRows } from '@/db/rows';
import type { PhaseResult, WriteRecord } from './load';

export interface Check {
  name: string;
  pass: boolean;
  detail: string;
}

export function formatPhase(phase: PhaseResult): string {
  const kinds = Object.entries(phase.byKind)
    .map(([kind, c]) => `${kind} ${c['2xx'] + c['3xx']} ok${c['4xx'] ? `, ${c['4xx']} 4xx` : ''}${c['5xx'] ? `, ${c['5xx']} 5xx` : ''}`)
    .join('; ');
  return [
    `${phase.name}: ${phase.connections} connections, ${phase.seconds} s`,
    `  throughput   ${phase.perSecond} responses/s (${phase.responses} responses)`,
    `  latency      p50 ${phase.latency.p50} ms, p95 ${phase.latency.p95} ms, p99 ${phase.latency.p99} ms`,
    `  statuses     2xx ${phase.classes['2xx']}, 3xx ${phase.classes['3xx']}, 4xx ${phase.classes['4xx']}, 5xx ${phase.classes['5xx']}; errors ${phase.errors} (timeouts ${phase.timeouts})`,
    `  by request   ${kinds}`,
    ...phase.events.map((event) => `  event        ${event}`),
  ].join('\n');
}

/** Every write the service acknowledged must be stored exactly once, and no write twice. */
export async function checkWrites(handle: DatabaseHandle, writes: Map<string, WriteRecord>): Promise<Check[]> {
  const stored = new Map<string, number>();
  const rows = await selectRows<{ marker: string; n: number }>(
    handle.db,
    sql`select marker, count(*)::int as n from (
          select substring(narrative from 'load-[0-9a-f-]{36}') as marker from status_updates where narrative like '%load-%'
          union all
          select substring(body from 'load-[0-9a-f-]{36}') as marker from comments where body like '%load-%'
        ) found group by marker`,
  );
  for (const row of rows) stored.set(row.marker, row.n);
  const acknowledged = [...writes].filter(([, w]) => w.status === 201);
  const lost = acknowledged.filter(([marker]) => !stored.has(marker));
  const twice = [...stored].filter(([, n]) => n > 1);
  const unknown = [...stored.keys()].filter((marker) => !writes.has(marker));
  const unanswered = [...writes].filter(([, w]) => w.status === undefined);
  const storedUnanswered = unanswered.filter(([marker]) => stored.has(marker)).length;
  return [
    { name: 'every acknowledged write is stored', pass: lost.length === 0, detail: `${acknowledged.length} acknowledged (201), ${lost.length} missing` },
    { name: 'no write is stored twice', pass: twice.length === 0, detail: `${twice.length} stored more than once` },
    { name: 'nothing stored that was not sent', pass: unknown.length === 0, detail: `${unknown.length} unknown markers` },
    {
      name: 'writes without an answer (broken connections) are at most once',
      pass: true,
      detail: `${unanswered.length} sent without an answer, ${storedUnanswered} of them stored (once each)`,
    },
  ];
}

export function formatChecks(checks: Check[]): string {
  return checks.map((check) => `${check.pass ? 'PASS' : 'FAIL'}  ${check.name}: ${check.detail}`).join('\n');
}
