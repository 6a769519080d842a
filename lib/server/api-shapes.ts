import 'server-only';
import type { CommitmentRow } from '@/db/queries/commitments';

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
    lastUpdateAt: row.lastUpdateAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    can: { edit: row.can.edit, update: row.can.update, comment: row.can.comment },
  };
}
