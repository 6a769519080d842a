import 'server-only';
import { agendaHasDemoData, getAgendaBySlug, listAgendas } from '@/db/queries/agendas';
import {
  briefingCommitments, briefingEvidence, briefingHeadline, briefingOpenThreads, briefingReadings, briefingStageCounts,
  type BriefingCommitmentRow, type BriefingScope,
} from '@/db/queries/briefing';
import { weeklyStageCounts } from '@/db/queries/dashboard';
import { databaseToday } from '@/db/queries/database';
import { latestHeldReview } from '@/db/queries/reviews';
import { listSectors } from '@/db/queries/sectors';
import type { Database } from '@/db/connect';
import type { Agenda } from '@/db/schema';
import { type Briefing, type BriefingCommitment, type BriefingParams, BRIEFING_THREADS_SHOWN, parseBriefingParams } from '@/lib/domain/briefing';
import { buildStageSeries, planWeeks } from '@/lib/domain/dashboard-series';
import { DAY_MS, isoDateToMs } from '@/lib/domain/dates';
import type { QueryInput } from '@/lib/domain/query-params';
import { buildStageMatrix } from '@/lib/domain/stage-matrix';
import { groupBy } from '@/lib/group-by';
import type { RequestContext } from './context';
import { AppError } from './errors';
import { authorize } from './guard';

export interface ResolvedBriefingScope {
  agenda: Agenda;
  sector: { id: string; slug: string; name: string; colour: string } | undefined;
  from: string;
  to: string;
  since: Briefing['since'];
}

function refused(fields: Record<string, { key: string; values?: Record<string, string | number> }[]>): AppError {
  return new AppError('invalid', { key: 'problem.invalidBriefing' }, fields);
}

/**
 * The agenda, sector and days a briefing covers: the given ones, or the defaults (the only or
 * latest agenda; to today; from the latest review held by then, else the signing). Bad dates, `from`
 * after `to`, unknown agendas or sectors are a 422 naming the parameter.
 */
export async function resolveBriefingScope(db: Database, params: BriefingParams, options: { defaultTo?: string } = {}): Promise<ResolvedBriefingScope> {
  const [agendas, sectors] = await Promise.all([
    params.agenda ? getAgendaBySlug({ db, slug: params.agenda }).then((a) => (a ? [a] : [])) : listAgendas({ db }),
    listSectors({ db }),
  ]);
  const agenda = agendas[0];
  if (!agenda) {
    if (params.agenda) throw refused({ agenda: [{ key: 'validation.query.oneOf', values: { parameter: 'agenda', values: '…' } }] });
    throw new AppError('not_found', { key: 'problem.noAgenda', values: { slug: '' } });
  }
  const sector = params.sector ? sectors.find((s) => s.slug === params.sector) : undefined;
  if (params.sector && !sector) throw refused({ sector: [{ key: 'validation.query.noSector', values: { parameter: 'sector' } }] });
  const to = params.to ?? options.defaultTo ?? (await databaseToday({ db }));
  let from = params.from;
  let since: Briefing['since'] = { kind: 'date' };
  if (!from) {
    const held = await latestHeldReview({ db, agendaId: agenda.id, onOrBefore: to });
    from = held?.reviewOn ?? agenda.signedOn;
    since = held ? { kind: 'review', name: held.name } : { kind: 'signing' };
  } else if (from === agenda.signedOn) {
    since = { kind: 'signing' };
  }
  if (from > to) throw refused({ from: [{ key: 'validation.query.notAfter', values: { parameter: 'from', other: 'to' } }] });
  return { agenda, sector, from, to, since };
}

/** Parses a briefing's query (the page's and the API's), answering a 422 with field messages for bad input. */
export function briefingParams(query: QueryInput): BriefingParams {
  const parsed = parseBriefingParams(query);
  if (!parsed.ok) throw refused(parsed.fields);
  return parsed.params;
}

const toIso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/** Every figure of the briefing for a resolved scope, counted in SQL as at the end of each day. */
export async function computeBriefing(db: Database, scope: ResolvedBriefingScope, now: Date = new Date()): Promise<Briefing> {
  const { agenda, sector, from, to } = scope;
  const q: BriefingScope = { db, agendaId: agenda.id, sectorId: sector?.id, from, to };
  const sectorList = await listSectors({ db });
  const scopeSectors = sector ? [sector] : sectorList;
  // The movement chart: weekly points from the end of `from` to the end of `to`.
  const weeks = planWeeks({ signedOn: from, now: new Date(isoDateToMs(to) + DAY_MS - 1) });
  const [headline, stageRows, rows, readings, evidence, threads, movementRows, demo] = await Promise.all([
    briefingHeadline(q),
    briefingStageCounts(q),
    briefingCommitments(q),
    briefingReadings(q),
    briefingEvidence(q),
    briefingOpenThreads(q, BRIEFING_THREADS_SHOWN),
    weeklyStageCounts({ db, agendaId: agenda.id, sectorId: sector?.id, from: weeks.from, to: weeks.to, stepDays: weeks.stepDays }),
    agendaHasDemoData({ db, agendaId: agenda.id }),
  ]);
  const sectorById = new Map(sectorList.map((s) => [s.id, s]));
  const readingsOf = groupBy(readings, (x) => x.commitmentId);
  const evidenceOf = groupBy(evidence, (e) => e.commitmentId);
  const toCommitment = (r: BriefingCommitmentRow): BriefingCommitment => ({
    id: r.id,
    reference: r.reference,
    title: r.title,
    sectorSlug: sectorById.get(r.sectorId)?.slug ?? '',
    stageThen: r.stageThen,
    stageNow: r.stageNow,
    healthThen: r.healthThen,
    healthNow: r.healthNow,
    overdue: r.overdue,
    stale: r.stale,
    dueDate: r.dueDate,
    leads: [r.leadA, r.leadB],
    lastUpdateAt: toIso(r.lastUpdateAt),
    narrative: r.narrative,
    nextStep: r.nextStep,
    demo: r.demo,
    changed: r.changed,
    stuck: r.stuck,
    decision: r.decision,
    readings: (readingsOf.get(r.id) ?? []).map((x) => ({
        indicator: x.indicator, unit: x.unit, direction: x.direction, baseline: x.baseline, target: x.target,
        then: x.valueThen === null ? null : { value: x.valueThen, asOf: x.asOfThen! },
        now: x.valueNow === null ? null : { value: x.valueNow, asOf: x.asOfNow! },
      })),
    evidence: (evidenceOf.get(r.id) ?? []).map((e) => e.url),
  });
  const commitments = rows.map(toCommitment);
  return {
    agenda: { slug: agenda.slug, title: agenda.title, partyA: agenda.partyA, partyB: agenda.partyB, signedOn: agenda.signedOn },
    sector: sector ? { slug: sector.slug, name: sector.name } : null,
    from,
    to,
    since: scope.since,
    generatedAt: now.toISOString(),
    demo,
    headline,
    sectors: scopeSectors
      .map((s) => ({ slug: s.slug, name: s.name, colour: s.colour, commitments: commitments.filter((c) => c.changed && c.sectorSlug === s.slug) }))
      .filter((s) => s.commitments.length > 0),
    stuck: commitments.filter((c) => c.stuck),
    decisions: commitments.filter((c) => c.decision),
    threads: threads.map(({ open: _open, ...t }) => ({ ...t, createdAt: toIso(t.createdAt)! })),
    threadsOpen: threads[0]?.open ?? 0,
    pipeline: buildStageMatrix(scopeSectors, stageRows),
    movement: buildStageSeries(weeks, movementRows),
  };
}

/** The briefing for a URL's query (the page, the API and the PDF), for any signed-in role. */
export async function getBriefing(ctx: RequestContext, query: QueryInput): Promise<Briefing> {
  const { db } = authorize(ctx, 'briefing.read');
  const scope = await resolveBriefingScope(db, briefingParams(query));
  return computeBriefing(db, scope);
}
