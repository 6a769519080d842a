import { decidingOrganisations, type Leads, type Party } from './confirmation';
import type { NotificationKind } from './notification-kinds';
import type { Role } from './roles';

// Who is told what: pure rules over the people a change may concern. The caller finds the
// candidates (lead organisations' staff, watchers, thread participants, the update's author); these
// rules pick who hears and under which kind. Nobody is told of their own act, disabled people are
// told nothing, and each person hears of one change once, under its most specific kind.

export interface Person {
  id: string;
  role: Role;
  organisationId: string | null;
  disabled: boolean;
  watching: boolean;
  /** Took part in the thread the change belongs to (wrote a comment in it). */
  inThread: boolean;
}

export type NotificationEvent =
  | { type: 'update_posted'; actorId: string; leads: Leads; authorParty: Party | null; awaitsConfirmation: boolean }
  | { type: 'comment_posted'; actorId: string; leads: Leads; isReply: boolean }
  | { type: 'update_decided'; actorId: string; updateAuthorId: string }
  | { type: 'thread_resolution'; actorId: string }
  | { type: 'reminder'; kind: 'due_soon' | 'overdue' | 'no_update'; leads: Leads }
  | { type: 'weekly_digest' };

export interface Recipient {
  userId: string;
  kind: NotificationKind;
}

function leadsStaff(person: Person, leads: Leads): boolean {
  return person.role === 'staff' && (person.organisationId === leads.leadOrgAId || person.organisationId === leads.leadOrgBId);
}

/** The kind one person hears of the event under, or null: the first rule that matches wins. */
export function kindFor(event: NotificationEvent, person: Person): NotificationKind | null {
  if (person.disabled) return null;
  if ('actorId' in event && event.actorId === person.id) return null;
  switch (event.type) {
    case 'update_posted': {
      const deciders = decidingOrganisations(event.authorParty, event.leads);
      if (event.awaitsConfirmation && person.role === 'staff' && person.organisationId && deciders.includes(person.organisationId)) {
        return 'confirmation_requested';
      }
      if (leadsStaff(person, event.leads)) return 'update_posted';
      return person.watching ? 'watched_activity' : null;
    }
    case 'comment_posted':
      if (event.isReply && person.inThread) return 'thread_reply';
      if (leadsStaff(person, event.leads)) return 'comment_posted';
      return person.watching ? 'watched_activity' : null;
    case 'update_decided':
      return person.id === event.updateAuthorId ? 'update_decided' : null;
    case 'thread_resolution':
      return person.inThread ? 'thread_resolution' : null;
    case 'reminder':
      return leadsStaff(person, event.leads) ? event.kind : null;
    case 'weekly_digest':
      return person.role === 'official' ? 'weekly_digest' : null;
  }
}

export function recipientsOf(event: NotificationEvent, people: readonly Person[]): Recipient[] {
  const seen = new Set<string>();
  const out: Recipient[] = [];
  for (const person of people) {
    if (seen.has(person.id)) continue;
    const kind = kindFor(event, person);
    if (kind) {
      seen.add(person.id);
      out.push({ userId: person.id, kind });
    }
  }
  return out;
}
