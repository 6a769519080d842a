// Turns the scripted demo history (history-plans*.ts) into status updates, readings, evidence links
// and comments, as of a given day. Deterministic: the same `today` gives the same history, with no
// clock and no Math.random; times of day come from a PRNG seeded by each commitment's reference.
// Every stage change is checked with the production rules (checkTransition), so the demo can never
// show a move the app itself would refuse.
import { addDays, DAY_MS, formatIsoDate, isIsoDate, isoDateToMs, monthStart } from '@/lib/domain/dates';
import { type Health, type IndicatorForRules, type Stage, checkTransition } from '@/lib/domain/stages';
import { STAFF_ORGANISATION_KEY } from './accounts';
import { COMMITMENTS, type CommitmentSeed } from './islamabad-commitments';
import { type CommentAuthor, type CommitmentPlan, PLANS_PART_1 } from './history-plans';
import { PLANS_PART_2 } from './history-plans-2';

export const DEFAULT_TODAY = '2026-11-27';
export const HISTORY_START = '2026-02-10';
/** When the commitments were entered, just after the talks (demo). */
export const COMMITMENTS_CREATED_AT = '2026-02-06T06:00:00.000Z';
/** Evidence URLs point at a reserved test domain so nobody mistakes them for real documents. */
const EVIDENCE_BASE = 'https://demo.agenda.test/evidence';

const PLANS: Readonly<Record<string, CommitmentPlan>> = { ...PLANS_PART_1, ...PLANS_PART_2 };

type UpdateAuthor = 'admin' | 'staff';

interface HistoryReading {
  indicatorKey: string;
  value: number;
  asOf: string;
}

export interface HistoryUpdate {
  reference: string;
  sequence: number;
  author: UpdateAuthor;
  createdAt: string; // ISO timestamp, UTC
  stageBefore: Stage;
  stageAfter: Stage;
  health: Health;
  narrative: string;
  nextStep: string;
  readings: HistoryReading[];
  evidence: string[];
}

interface HistoryComment {
  key: string;
  reference: string;
  updateSequence: number | null;
  parentKey: string | null;
  author: CommentAuthor;
  body: string;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: 'reviewer' | null;
}

interface CommitmentState {
  stage: Stage;
  health: Health;
  lastUpdateAt: string | null;
  version: number;
}

export interface DemoHistory {
  today: string;
  updates: HistoryUpdate[];
  comments: HistoryComment[];
  /** The state each commitment ends in, keyed by reference: what the commitments table must hold. */
  states: Record<string, CommitmentState>;
}

// mulberry32 seeded with an FNV-1a hash of a string: small, fast and stable across platforms.
function prng(seed: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOUR_MS = 3_600_000;

/** A working-hours time (09:00–16:59 in Astana and Islamabad, both UTC+5) on the given day. */
function timeOn(date: string, rand: () => number): number {
  return isoDateToMs(date) + (4 + Math.floor(rand() * 8)) * HOUR_MS + Math.floor(rand() * 60) * 60_000;
}

/** `ms`, or a little after `floor` when `ms` is not later than it (same-day replies and the like). */
function after(ms: number, floor: number, rand: () => number): number {
  return ms > floor ? ms : floor + (30 + Math.floor(rand() * 120)) * 60_000;
}

function lastDayOfPreviousMonth(date: string): string {
  return formatIsoDate(monthStart(isoDateToMs(date)) - DAY_MS);
}

function authorFor(c: CommitmentSeed): UpdateAuthor {
  return c.leadA === STAFF_ORGANISATION_KEY || c.leadB === STAFF_ORGANISATION_KEY ? 'staff' : 'admin';
}

export function indicatorsForRules(c: CommitmentSeed): IndicatorForRules[] {
  return c.indicators.map((i) => ({ id: i.key, baselineValue: i.baselineValue, targetValue: i.targetValue, direction: i.direction }));
}

export function generateHistory(today: string = DEFAULT_TODAY): DemoHistory {
  if (!isIsoDate(today)) throw new RangeError(`today must be a YYYY-MM-DD date, got ${JSON.stringify(today)}`);
  const cutoff = isoDateToMs(today); // nothing on or after the start of `today`
  const updates: HistoryUpdate[] = [];
  const comments: HistoryComment[] = [];
  const states: Record<string, CommitmentState> = {};

  for (const c of COMMITMENTS) {
    const plan = PLANS[c.reference];
    if (!plan) throw new Error(`No demo history planned for ${c.reference}`);
    const rand = prng(`islamabad-demo/${c.reference}`);
    const author = authorFor(c);
    const rules = indicatorsForRules(c);
    const mine: HistoryUpdate[] = [];
    let stage: Stage = 'intent';
    let previous = isoDateToMs(HISTORY_START);

    for (const step of plan.steps) {
      if (step.on < HISTORY_START) throw new Error(`${c.reference}: a demo update before ${HISTORY_START}`);
      const at = after(timeOn(step.on, rand), previous, rand);
      if (at >= cutoff) break;
      const readings = Object.entries(step.readings ?? {}).map(([indicatorKey, value]) => {
        const ind = c.indicators.find((i) => i.key === indicatorKey);
        if (!ind) throw new Error(`${c.reference}: demo reading for unknown indicator ${indicatorKey}`);
        // Statistics are reported for the last full month; counts as of a few days before the update.
        const asOf = ind.decimals > 0 ? lastDayOfPreviousMonth(step.on) : addDays(step.on, -Math.floor(rand() * 4));
        return { indicatorKey, value, asOf };
      });
      const evidence = (step.evidence ?? []).map((slug) => `${EVIDENCE_BASE}/${c.reference}/${step.on}/${slug}`);
      const check = checkTransition({
        from: stage,
        to: step.to,
        narrative: step.narrative,
        evidence,
        readings: readings.map((r) => ({ indicatorId: r.indicatorKey, value: r.value, asOf: r.asOf })),
        indicators: rules,
        mayReopen: author === 'admin',
      });
      if (!check.ok) {
        throw new Error(`${c.reference} ${step.on}: ${check.problems.map((p) => p.code).join(', ')}`);
      }
      mine.push({
        reference: c.reference,
        sequence: mine.length + 1,
        author,
        createdAt: new Date(at).toISOString(),
        stageBefore: stage,
        stageAfter: step.to,
        health: step.health,
        narrative: step.narrative,
        nextStep: step.nextStep,
        readings,
        evidence,
      });
      stage = step.to;
      previous = at;
    }
    updates.push(...mine);
    const last = mine.at(-1);
    states[c.reference] = last
      ? { stage: last.stageAfter, health: last.health, lastUpdateAt: last.createdAt, version: 1 + mine.length }
      : { stage: 'intent', health: 'on_track', lastUpdateAt: null, version: 1 };

    (plan.comments ?? []).forEach((cp, i) => {
      const answered = cp.onUpdate === undefined ? null : mine.find((u) => u.sequence === cp.onUpdate);
      if (answered === undefined) return; // the update it answers is after `today`
      const floor = answered ? Date.parse(answered.createdAt) : Date.parse(COMMITMENTS_CREATED_AT);
      const at = after(timeOn(cp.on, rand), floor, rand);
      if (at >= cutoff) return;
      const key = `${c.reference}/comment-${i + 1}`;
      const thread: HistoryComment[] = [
        {
          key, reference: c.reference, updateSequence: answered ? answered.sequence : null, parentKey: null,
          author: cp.author, body: cp.body, createdAt: new Date(at).toISOString(), resolvedAt: null, resolvedBy: null,
        },
      ];
      let latest = at;
      (cp.replies ?? []).forEach((r, j) => {
        const replyAt = after(timeOn(r.on, rand), latest, rand);
        if (replyAt >= cutoff) return;
        latest = replyAt;
        thread.push({
          key: `${key}/reply-${j + 1}`, reference: c.reference, updateSequence: thread[0]!.updateSequence, parentKey: key,
          author: r.author, body: r.body, createdAt: new Date(replyAt).toISOString(), resolvedAt: null, resolvedBy: null,
        });
      });
      if (cp.resolvedOn) {
        const resolvedAt = after(timeOn(cp.resolvedOn, rand), latest, rand);
        if (resolvedAt < cutoff) Object.assign(thread[0]!, { resolvedAt: new Date(resolvedAt).toISOString(), resolvedBy: 'reviewer' });
      }
      comments.push(...thread);
    });
  }
  return { today, updates, comments, states };
}
