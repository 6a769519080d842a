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

// How PostgreSQL writes a timestamptz as text: `2026-11-05 11:51:00+00`, `…:00.822051+05:30`.
const DATABASE_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}(?::?\d{2})?)$/;

/**
 * Every time in an API answer as ISO 8601 in UTC (`2026-11-05T11:51:00.000Z`), as the README
 * promises: the fields named `…At`, which rows read with raw SQL carry as the database's text.
 * Dates (`dueDate`, `asOf`, …) stay `YYYY-MM-DD`. Applied once, to every answer's JSON.
 */
export function withIsoTimes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withIsoTimes);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, key.endsWith('At') ? isoTime(field) : withIsoTimes(field)]));
}

function isoTime(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const match = DATABASE_TIME.exec(value);
  if (!match) return value;
  const [, day, time, zone] = match;
  const offset = zone === 'Z' ? 'Z' : zone!.length === 3 ? `${zone}:00` : zone!.includes(':') ? zone : `${zone!.slice(0, 3)}:${zone!.slice(3)}`;
  const parsed = new Date(`${day}T${time}${offset}`);
  return Number.isNaN(parsed.getTime()) ? value : parsed.toISOString();
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
