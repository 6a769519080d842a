import { decidingOrganisations, type Party } from './confirmation';
import type { Role } from './roles';

// Permissions as data: what each role may do. `can` adds the one rule a table cannot hold, that
// staff change only commitments their organisation leads (on either side).
export const ACTIONS = [
  'dashboard.read',
  'commitment.read',
  // Hearing of a commitment's updates and comments: anyone who reads it.
  'commitment.watch',
  'commitment.create',
  'commitment.edit',
  // Moving a dropped commitment back into the pipeline: dropped is final for everyone else.
  'commitment.reopen',
  'update.post',
  // Importing a spreadsheet of commitments: each row is then checked as the single edit it stands for
  // (create, edit, post an update), so staff change only what their organisation leads.
  'commitment.import',
  // Confirming or disputing the other party's status update: counterpart staff only, never on a
  // party's behalf (so not administrators, although they may do everything else).
  'update.decide',
  'comment.create',
  'comment.resolve',
  // The briefing between two dates: every signed-in role reads it; its PDF is the export.
  'briefing.read',
  'briefing.export',
  // Creating, renaming and dating a review, and holding it (which freezes its briefing).
  'review.manage',
  'review.hold',
  'audit.read',
  'admin.users',
  'admin.organisations',
  'admin.sectors',
  'admin.agendas',
  // A download of the whole database, password hashes included.
  'admin.backup',
  // The job queue's state: depth, failures, the schedules' last runs.
  'admin.notifications',
  // Making, listing and revoking one's own API tokens (a signed-in browser session only).
  'token.manage',
  // Listing everyone's API tokens and revoking any of them.
  'admin.tokens',
] as const;
export type Action = (typeof ACTIONS)[number];

const READ: Action[] = ['dashboard.read', 'commitment.read', 'commitment.watch', 'token.manage', 'briefing.read'];
const REVIEW: Action[] = [...READ, 'comment.create', 'comment.resolve'];

const ROLE_PERMISSIONS: Record<Role, readonly Action[]> = {
  official: [...READ, 'briefing.export', 'review.manage', 'review.hold'],
  reviewer: REVIEW,
  staff: [...REVIEW, 'commitment.create', 'commitment.edit', 'update.post', 'update.decide', 'commitment.import'],
  admin: ACTIONS.filter((a) => a !== 'update.decide'),
};

/** Actions that staff may take only on commitments their organisation leads. */
export const ORGANISATION_SCOPED: readonly Action[] = ['commitment.create', 'commitment.edit', 'update.post', 'update.decide'];

export interface Actor {
  role: Role;
  organisationId: string | null;
  disabled?: boolean;
}

/** The lead organisations of the commitment acted on (for create: the ones the new commitment names). */
export interface CommitmentTarget {
  leadOrgAId: string;
  leadOrgBId: string;
  /** For update.decide: the party the update's author spoke for (null: neither). */
  authorParty?: Party | null;
}

export function can(actor: Actor | null | undefined, action: Action, target?: CommitmentTarget): boolean {
  if (!actor || actor.disabled) return false;
  if (!ROLE_PERMISSIONS[actor.role].includes(action)) return false;
  if (actor.role === 'staff' && ORGANISATION_SCOPED.includes(action)) {
    if (!target || !actor.organisationId) return false;
    if (action === 'update.decide') {
      return target.authorParty !== undefined && decidingOrganisations(target.authorParty, target).includes(actor.organisationId);
    }
    return target.leadOrgAId === actor.organisationId || target.leadOrgBId === actor.organisationId;
  }
  return true;
}

/** Whether the role may take the action on some commitment at all: the check before a target is known. */
export function roleAllows(actor: Actor | null | undefined, action: Action): boolean {
  if (!actor || actor.disabled) return false;
  if (!ROLE_PERMISSIONS[actor.role].includes(action)) return false;
  return actor.role !== 'staff' || !ORGANISATION_SCOPED.includes(action) || actor.organisationId !== null;
}
