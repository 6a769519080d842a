import 'server-only';
import type { CommitmentRow } from '@/db/queries/commitments';
import type { listUpdates } from '@/db/queries/commitment-detail';
import { confirmationStateOf } from '@/lib/domain/confirmation';

type WithAbilities = CommitmentRow & { can: { edit: boolean; update: boolean; comment: boolean; resolve: boolean } };

/** The public shape of a commitment in API version 1: other systems rely on these names. */
export function toApiCommitment(row: WithAbilities) {
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    description: row.description,
    sourcePassage: row.sourcePassage,
    agendaId: row.agendaId,
    agenda: row.agendaSlug,
    sector: row.sectorSlug,
    sectorName: row.sectorName,
    stage: row.stage,
    health: row.health,
    dueDate: row.dueDate,
    version: row.version,
    leadOrganisations: {
      a: { id: row.leadOrgAId, name: row.leadOrgAName, country: row.leadOrgACountry },
      b: { id: row.leadOrgBId, name: row.leadOrgBName, country: row.leadOrgBCountry },
    },
    overdue: row.overdue,
    stale: row.stale,
    confirmedStage: row.confirmedStage,
    confirmedHealth: row.confirmedHealth,
    awaitingConfirmation: row.awaitingConfirmation,
    disputed: row.disputed,
    lastUpdateAt: row.lastUpdateAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    can: { edit: row.can.edit, update: row.can.update, comment: row.can.comment },
  };
}

type UpdateRow = Awaited<ReturnType<typeof listUpdates>>[number];

/** An update's confirmation by the other side, as API version 1 gives it. */
function toApiConfirmation(row: UpdateRow) {
  return {
    state: confirmationStateOf({ exists: row.claims, decision: row.decision }),
    decidedBy: row.decidedById ? { id: row.decidedById, name: row.decidedByName, organisation: row.decidedByOrganisation } : null,
    decidedAt: row.decidedAt,
    note: row.note,
  };
}

/** The public shape of a status update in API version 1. */
export function toApiUpdate<T extends UpdateRow>(row: T) {
  const {
    claims: _claims, decision: _decision, decidedById: _by, decidedByName: _name, decidedByOrganisation: _org, decidedAt: _at, note: _note, ...rest
  } = row;
  return { ...rest, party: row.party, confirmation: toApiConfirmation(row) };
}
