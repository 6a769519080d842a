import { z } from 'zod';
import { commitmentsHref, slug } from './commitment-filters';
import type { StagePoint } from './dashboard-series';
import type { FieldMessages } from './messages';
import { parseQuery, type QueryInput } from './query-params';
import type { StageMatrix } from './stage-matrix';
import type { Direction, Health, Stage } from './stages';

// The briefing for a review: what moved between two days, what is stuck and what needs deciding.
// Its parameters as they live in the URL and the API, and the shape of its data (also what a held
// review freezes). The figures are counted in SQL (db/queries/briefing.ts); nothing here counts.

/** The briefing's query parameters (the page's, the API's and the OpenAPI document's). */
export const briefingQuerySchema = z.strictObject({
  agenda: slug.optional(),
  sector: slug.optional(),
  from: z.iso.date({ error: 'validation.query.date' }).optional(),
  to: z.iso.date({ error: 'validation.query.date' }).optional(),
}, { error: 'validation.query.unknown' });

export type BriefingParams = z.output<typeof briefingQuerySchema>;

export function parseBriefingParams(raw: QueryInput): { ok: true; params: BriefingParams } | { ok: false; fields: FieldMessages } {
  const result = parseQuery(briefingQuerySchema, raw);
  if (!result.ok) return result;
  const { from, to } = result.data;
  if (from && to && from > to) {
    return { ok: false, fields: { from: [{ key: 'validation.query.notAfter', values: { parameter: 'from', other: 'to' } }] } };
  }
  return { ok: true, params: result.data };
}

/**
 * A briefing listing more commitments than this (listedCommitments) is not made as one PDF: per
 * sector instead. The document's time and memory grow with it (`npm run bench` measures a sector).
 */
export const PDF_MAX_COMMITMENTS = 600;

/** The open comment threads a briefing lists: the most recently started; the rest are counted. */
export const BRIEFING_THREADS_SHOWN = 50;

interface BriefingReading {
  indicator: string;
  unit: string;
  direction: Direction;
  baseline: number;
  target: number;
  then: { value: number; asOf: string } | null;
  now: { value: number; asOf: string } | null;
}

export interface BriefingCommitment {
  id: string;
  reference: string;
  title: string;
  sectorSlug: string;
  /** Null when it did not exist yet at the end of `from`. */
  stageThen: Stage | null;
  stageNow: Stage;
  healthThen: Health | null;
  healthNow: Health;
  overdue: boolean;
  stale: boolean;
  dueDate: string | null;
  leads: string[];
  lastUpdateAt: string | null;
  narrative: string;
  nextStep: string;
  /** Its latest update (as at `to`) is illustrative demo data. */
  demo: boolean;
  changed: boolean;
  stuck: boolean;
  decision: boolean;
  readings: BriefingReading[];
  evidence: string[];
}

interface BriefingThread {
  id: string;
  commitmentId: string;
  reference: string;
  title: string;
  author: string;
  body: string;
  createdAt: string;
  demo: boolean;
}

export interface BriefingHeadline {
  commitments: number;
  commitmentsThen: number;
  created: number;
  movedForward: number;
  movedBack: number;
  measurableThen: number;
  measurableNow: number;
  overdue: number;
  stale: number;
}

interface BriefingSector {
  slug: string;
  name: string;
  colour: string;
  commitments: BriefingCommitment[];
}

export interface Briefing {
  agenda: { slug: string; title: string; partyA: string; partyB: string; signedOn: string };
  sector: { slug: string; name: string } | null;
  from: string;
  to: string;
  /** What `from` is: the signing, or a held review (by name). */
  since: { kind: 'signing' } | { kind: 'review'; name: string } | { kind: 'date' };
  generatedAt: string;
  demo: boolean;
  headline: BriefingHeadline;
  /** Per sector, the commitments that changed in the period (stage, health or any update). */
  sectors: BriefingSector[];
  stuck: BriefingCommitment[];
  decisions: BriefingCommitment[];
  /** The most recently started open threads, at most BRIEFING_THREADS_SHOWN. */
  threads: BriefingThread[];
  /** How many comment threads were open at the end of `to` in all. */
  threadsOpen: number;
  pipeline: StageMatrix;
  movement: StagePoint[];
}

/**
 * A held review's frozen briefing as stored. Those frozen before open threads were capped listed
 * every open thread and have no `threadsOpen`: their count is the list's length.
 */
export function frozenBriefing(stored: unknown): Briefing {
  const b = stored as Briefing;
  return { ...b, threadsOpen: b.threadsOpen ?? b.threads.length };
}

/** The share of `part` in `whole`, in whole percent (0 for none). */
export function sharePercent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

/** The list of the rows behind each headline figure (the list's filters, as at a day). */
export function headlineHrefs(b: Pick<Briefing, 'agenda' | 'sector' | 'from' | 'to'>) {
  const scope = { agenda: b.agenda.slug, sector: b.sector?.slug };
  const updates = new URLSearchParams({ agenda: b.agenda.slug, from: b.from, to: b.to, ...(b.sector ? { sector: b.sector.slug } : {}) });
  return {
    commitments: commitmentsHref({ ...scope, asOf: b.to }),
    commitmentsThen: commitmentsHref({ ...scope, asOf: b.from }),
    measurableThen: commitmentsHref({ ...scope, stage: ['measurable', 'achieved'], asOf: b.from }),
    measurableNow: commitmentsHref({ ...scope, stage: ['measurable', 'achieved'], asOf: b.to }),
    stalled: commitmentsHref({ ...scope, stage: ['stalled'], asOf: b.to }),
    overdue: commitmentsHref({ ...scope, overdue: true }),
    stale: commitmentsHref({ ...scope, stale: true }),
    updates: `/api/v1/updates.csv?${updates.toString()}`,
  };
}

/** The PDF's file name: `briefing-kz-pk-2026-12-10.pdf`, with the sector when it is one sector's. */
export function briefingFileName(b: Pick<Briefing, 'agenda' | 'sector' | 'to'>): string {
  const parties = `${b.agenda.partyA}-${b.agenda.partyB}`.toLowerCase();
  return `briefing-${parties}${b.sector ? `-${b.sector.slug}` : ''}-${b.to}.pdf`;
}

/**
 * How many commitments the briefing lists: under changes, what is stuck and decisions needed, a
 * commitment counted in each list it is in (each is drawn in each).
 */
export function listedCommitments(b: Pick<Briefing, 'sectors' | 'stuck' | 'decisions'>): number {
  return b.sectors.reduce((n, s) => n + s.commitments.length, 0) + b.stuck.length + b.decisions.length;
}
