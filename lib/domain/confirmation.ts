import type { Health, Stage } from './stages';

// Both sides keep one record: a status update that claims progress awaits the other party's decision.

export type Party = 'a' | 'b';

export type ConfirmationState = 'awaiting' | 'confirmed' | 'disputed' | 'not_needed';

/** The list's filter: commitments with an update awaiting, with an unsettled dispute, or with neither. */
export const CONFIRMATION_FILTERS = ['awaiting', 'disputed', 'confirmed'] as const;
export type ConfirmationFilter = (typeof CONFIRMATION_FILTERS)[number];

/** Which figures the dashboard shows: every update as posted, or only what the other side confirmed. */
export type DashboardView = 'reported' | 'confirmed';

/** The view a URL asks for (`?view=confirmed`); anything else is the reported view. */
export function dashboardViewOf(value: unknown): DashboardView {
  return value === 'confirmed' ? 'confirmed' : 'reported';
}

/** The lead organisations of a commitment, one per party. */
export interface Leads {
  leadOrgAId: string;
  leadOrgBId: string;
}

/** The party an organisation speaks for on this commitment: the side it leads, or null when it leads neither. */
export function partyOf(organisationId: string | null | undefined, leads: Leads): Party | null {
  if (!organisationId) return null;
  if (organisationId === leads.leadOrgAId) return 'a';
  if (organisationId === leads.leadOrgBId) return 'b';
  return null;
}

/**
 * The lead organisations whose staff may decide an update posted for `party`: the other side's; both
 * when the author spoke for neither (an administrator's update).
 */
export function decidingOrganisations(party: Party | null, leads: Leads): string[] {
  if (party === 'a') return [leads.leadOrgBId];
  if (party === 'b') return [leads.leadOrgAId];
  return [leads.leadOrgAId, leads.leadOrgBId];
}

/** An update claims progress, and so awaits the other side, when it moves the stage or the health or records a reading. */
export function needsConfirmation(update: {
  stageBefore: Stage;
  stageAfter: Stage;
  healthBefore: Health;
  healthAfter: Health;
  readingCount: number;
}): boolean {
  return update.stageAfter !== update.stageBefore || update.healthAfter !== update.healthBefore || update.readingCount > 0;
}

/** The state of an update's confirmation from its row: none (not needed), undecided (awaiting) or its decision. */
export function confirmationStateOf(row: { exists: boolean; decision: string | null }): ConfirmationState {
  if (!row.exists) return 'not_needed';
  if (row.decision === 'confirmed' || row.decision === 'disputed') return row.decision;
  return 'awaiting';
}

/** A dispute says what the counterpart sees instead: at least a sentence (three words, fifteen characters). */
export const DISPUTE_NOTE_MIN_LENGTH = 15;
export function isSentence(note: string): boolean {
  const trimmed = note.trim();
  return trimmed.length >= DISPUTE_NOTE_MIN_LENGTH && trimmed.split(/\s+/).length >= 3;
}
