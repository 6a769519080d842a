import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/connect';
import { selectRows } from '@/db/rows';
import { type CommitmentFilters, parseCommitmentFilters } from '@/lib/domain/commitment-filters';
import { contextFromHeaders, type RequestContext } from '@/lib/server/context';
import { getDashboard } from '@/lib/server/dashboard';
import { type Figure, measure } from './stats';

// The data-access layer measured in-process, as a page or the API calls it (session check included).

type ListCommitments = (ctx: RequestContext, filters: CommitmentFilters) => Promise<unknown>;
type RecordStatusUpdate = (ctx: RequestContext, commitmentId: string, input: unknown) => Promise<{ id: string; sequence: number }>;

/** Functions written by other engineers, found where they live now (or undefined, reported as skipped). */
export async function findServices(): Promise<{ listCommitments?: ListCommitments; recordStatusUpdate?: RecordStatusUpdate }> {
  const commitments = (await import('@/lib/server/commitments').catch(() => ({}))) as Record<string, unknown>;
  const updates = (await import('@/lib/server/status-updates').catch(() => ({}))) as Record<string, unknown>;
  return {
    listCommitments: commitments.listCommitments as ListCommitments | undefined,
    recordStatusUpdate: (commitments.recordStatusUpdate ?? updates.recordStatusUpdate) as RecordStatusUpdate | undefined,
  };
}

function contextFor(handle: DatabaseHandle, cookie: string): Promise<RequestContext> {
  return contextFromHeaders(new Headers({ cookie, 'x-forwarded-for': '127.0.0.1', 'user-agent': 'agenda-bench' }), handle.db);
}

/**
 * The dashboard's figures computed (a fixed moment is never served from memory), then as most reads
 * find them: kept from an earlier read while nothing was written, after the revision check.
 */
export async function measureDashboardService(handle: DatabaseHandle, cookie: string, runs: number): Promise<Figure[]> {
  // A context per call, as each request resolves its own session.
  return [
    await measure('getDashboard, figures computed (session + every panel)', async () => getDashboard(await contextFor(handle, cookie), { now: new Date() }), { runs }),
    await measure('getDashboard, figures kept (session + revision check)', async () => getDashboard(await contextFor(handle, cookie)), { runs }),
  ];
}

export async function measureList(handle: DatabaseHandle, cookie: string, list: ListCommitments, sectorSlug: string, runs: number): Promise<Figure> {
  const parsed = parseCommitmentFilters({ sector: sectorSlug });
  if (!parsed.ok) throw new Error('bad filters');
  return measure(`listCommitments(ctx, { sector: ${sectorSlug} }) (page 1 of 25)`, async () => list(await contextFor(handle, cookie), parsed.filters), { runs });
}

/**
 * Posts a same-stage status update (a health and narrative report, no stage gate) on the next of the
 * commitments the staff user's organisation leads, one after another, each call with its own context:
 * the session is checked on every request, as the route handler does.
 */
export async function staffPoster(handle: DatabaseHandle, cookie: string, post: RecordStatusUpdate, targets: string[]): Promise<() => Promise<void>> {
  if (targets.length === 0) throw new Error('The staff user leads no commitment');
  const rows = await selectRows<{ id: string; stage: string }>(handle.db, sql`select id, stage from commitments where id in ${targets}`);
  const stages = new Map(rows.map((r) => [r.id, r.stage]));
  let next = 0;
  return async () => {
    const id = targets[next++ % targets.length]!;
    await post(await contextFor(handle, cookie), id, {
      stage: stages.get(id), health: 'at_risk', narrative: 'Bench: progress report.', readings: [], evidence: [], nextStep: 'Bench: next step.',
    });
  };
}

export async function measurePosting(handle: DatabaseHandle, cookie: string, post: RecordStatusUpdate, targets: string[], runs: number): Promise<Figure> {
  return measure('recordStatusUpdate (staff, same stage, narrative)', await staffPoster(handle, cookie, post, targets), { runs });
}
