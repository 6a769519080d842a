// The other side's decisions on the demo history (all demo data): most claims confirmed a few days
// after they were posted, the latest ones still awaiting, one dispute settled by a later update
// (ISB-02) and one still open (ISB-06). Deterministic, like the history it follows.
import { addDays, formatIsoDate } from '@/lib/domain/dates';
import { needsConfirmation } from '@/lib/domain/confirmation';
import type { Health } from '@/lib/domain/stages';
import type { HistoryUpdate } from './history';

/** The decision on one demo update that claims progress; null while it awaits the other side. */
export interface DemoDecision {
  reference: string;
  sequence: number;
  requestedAt: string;
  decision: 'confirmed' | 'disputed' | null;
  decidedAt: string | null;
  note: string | null;
}

const DISPUTES: Readonly<Record<string, { sequence: number; note: string }>> = {
  // Settled: the next update (sequence 4) restates the figures and is confirmed.
  'ISB-02': {
    sequence: 3,
    note: 'Our customs data for the same months show a smaller rise in turnover; the claimed figure counts re-exports twice.',
  },
  // Still open: nobody has answered it with a new update yet.
  'ISB-06': {
    sequence: 3,
    note: 'On our side the corridor agreements are with the law ministry and on schedule; we do not see the delay described.',
  },
};

/** A decision `days` after the update, at the same time of day, as an ISO timestamp. */
function later(at: string, days: number): string {
  const date = formatIsoDate(Date.parse(at));
  return `${addDays(date, days)}${at.slice(10)}`;
}

export function planDecisions(updates: readonly HistoryUpdate[], today: string): DemoDecision[] {
  const decisions: DemoDecision[] = [];
  const healthBefore = new Map<string, Health>();
  for (const u of updates) {
    const before = healthBefore.get(u.reference) ?? 'on_track';
    healthBefore.set(u.reference, u.health);
    const claims = needsConfirmation({
      stageBefore: u.stageBefore, stageAfter: u.stageAfter, healthBefore: before, healthAfter: u.health, readingCount: u.readings.length,
    });
    if (!claims) continue;
    // Two to six days to look at the claim: the sequence spreads them without a clock or a PRNG.
    const decidedAt = later(u.createdAt, 2 + ((u.sequence * 7 + u.reference.charCodeAt(5)) % 5));
    const awaiting = decidedAt.slice(0, 10) >= today;
    const dispute = DISPUTES[u.reference]?.sequence === u.sequence ? DISPUTES[u.reference]! : undefined;
    decisions.push({
      reference: u.reference,
      sequence: u.sequence,
      requestedAt: u.createdAt,
      decision: awaiting ? null : dispute ? 'disputed' : 'confirmed',
      decidedAt: awaiting ? null : decidedAt,
      note: awaiting || !dispute ? null : dispute.note,
    });
  }
  return decisions;
}
