import 'server-only';
import type { Database } from '@/db/connect';
import {
  type CommitmentChanges, findCommitmentReferences, findCommitmentsWithReference, findReferenceSeries, insertCommitment,
  updateCommitmentFields,
} from '@/db/queries/commitment-writes';
import { getCommitmentRow } from '@/db/queries/commitments';
import { EDITABLE_FIELDS } from '@/lib/domain/commitment-fields';
import { commitmentCreateSchema, commitmentPatchSchema } from '@/lib/domain/inputs';
import type { FieldMessages } from '@/lib/domain/messages';
import { recordAudit } from './audit';
import { commitmentAbilities, loadCommitment } from './commitments';
import type { RequestContext } from './context';
import { AppError, invalid } from './errors';
import { authorize, authorizeRole } from './guard';
import { type InputSource, parseInput, readInput } from './input';

interface References {
  agendaId: string;
  sector?: string;
  leadOrgAId?: string;
  leadOrgBId?: string;
}

/** What a commitment may keep although it is archived: the agenda and sector it is already in (an edit). */
interface Kept {
  agenda: boolean;
  sector?: string;
}

/**
 * Checks that what the input names exists and fits the agenda: lead A is of party A's country, lead B
 * of party B's; and that a commitment does not join an archived agenda or sector.
 */
async function resolveReferences(db: Database, refs: References, kept: Kept = { agenda: false }): Promise<{ sectorId?: string }> {
  const row = await findCommitmentReferences({ db, ...refs });
  const fields: FieldMessages = {};
  if (!row) fields.agendaId = [{ key: 'validation.noAgenda' }];
  else if (row.agendaArchived && !kept.agenda) fields.agendaId = [{ key: 'validation.agendaArchived' }];
  if (refs.sector !== undefined && !row?.sectorId) fields.sector = [{ key: 'validation.noSector' }];
  else if (refs.sector !== undefined && row?.sectorArchived && refs.sector !== kept.sector) fields.sector = [{ key: 'validation.sectorArchived' }];
  if (refs.leadOrgAId !== undefined && row && row.leadACountry !== row.partyA) {
    fields.leadOrgAId = [row.leadACountry ? { key: 'validation.leadOfCountry', values: { side: 'a', country: row.partyA } } : { key: 'validation.noOrganisation' }];
  }
  if (refs.leadOrgBId !== undefined && row && row.leadBCountry !== row.partyB) {
    fields.leadOrgBId = [row.leadBCountry ? { key: 'validation.leadOfCountry', values: { side: 'b', country: row.partyB } } : { key: 'validation.noOrganisation' }];
  }
  if (Object.keys(fields).length) throw invalid(fields);
  return { sectorId: row!.sectorId ?? undefined };
}

/** The next reference in the agenda's usual pattern ("ISB-13" after "ISB-12"), or "C-01" for an agenda without one. */
async function nextReference(db: Database, agendaId: string): Promise<string> {
  const series = await findReferenceSeries({ db, agendaId });
  return `${series?.prefix ?? 'C'}-${String((series?.highest ?? 0) + 1).padStart(2, '0')}`;
}

export async function createCommitment(ctx: RequestContext, input: InputSource) {
  const { viewer } = authorizeRole(ctx, 'commitment.create');
  const data = parseInput(commitmentCreateSchema, await readInput(input));
  authorize(ctx, 'commitment.create', data);
  return ctx.db.transaction(async (tx) => {
    const { sectorId } = await resolveReferences(tx, data);
    const reference = data.reference ?? (await nextReference(tx, data.agendaId));
    const taken = await findCommitmentsWithReference({ db: tx, agendaId: data.agendaId, reference });
    if (taken.length) throw invalid({ reference: [{ key: 'validation.referenceTaken' }] });
    const id = await insertCommitment({
      db: tx,
      commitment: {
        agendaId: data.agendaId, sectorId: sectorId!, reference, title: data.title, description: data.description,
        sourcePassage: data.sourcePassage, leadOrgAId: data.leadOrgAId, leadOrgBId: data.leadOrgBId, dueDate: data.dueDate,
        createdById: viewer.id,
      },
      indicators: data.indicators,
    });
    await recordAudit(tx, {
      actor: { id: viewer.id, label: viewer.email }, action: 'commitment.created', entityType: 'commitment', entityId: id,
      after: { ...data, reference }, sourceAddress: ctx.sourceAddress, userAgent: ctx.userAgent,
    });
    const row = (await getCommitmentRow({ db: tx, id }))!;
    return { ...row, can: commitmentAbilities(viewer, row) };
  });
}

/**
 * Edits a commitment only if nobody saved it since the caller read `version`; otherwise a 409 that
 * carries the current record, so the caller can show what changed and re-apply their edit.
 */
export async function updateCommitment(ctx: RequestContext, id: string, input: InputSource) {
  const seen = await loadCommitment(ctx, id);
  const { viewer } = authorize(ctx, 'commitment.edit', seen);
  const data = parseInput(commitmentPatchSchema, await readInput(input));
  const leads = { leadOrgAId: data.leadOrgAId ?? seen.leadOrgAId, leadOrgBId: data.leadOrgBId ?? seen.leadOrgBId };
  if (leads.leadOrgAId === leads.leadOrgBId) {
    throw invalid({ leadOrgBId: [{ key: 'validation.sameLeads' }] });
  }
  // Staff may not hand a commitment to organisations that leave their own out.
  authorize(ctx, 'commitment.edit', leads);

  return ctx.db.transaction(async (tx) => {
    const { sectorId } = await resolveReferences(
      tx,
      { agendaId: seen.agendaId, sector: data.sector, leadOrgAId: data.leadOrgAId, leadOrgBId: data.leadOrgBId },
      { agenda: true, sector: seen.sectorSlug },
    );
    // The sector is stored by its id, resolved above.
    const editable = EDITABLE_FIELDS.filter((key) => key !== 'sector');
    const changes: CommitmentChanges = { ...given(data, editable), ...(sectorId ? { sectorId } : {}) };
    const updated = await updateCommitmentFields({ db: tx, id, version: data.version, changes });
    const current = (await getCommitmentRow({ db: tx, id }))!;
    if (!updated) {
      throw new AppError(
        'conflict',
        { key: 'problem.editConflict', values: { yours: data.version, current: current.version } },
        {},
        { ...current, can: commitmentAbilities(viewer, current) },
      );
    }
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, (seen as unknown as Record<string, unknown>)[k]]));
    await recordAudit(tx, {
      actor: { id: viewer.id, label: viewer.email }, action: 'commitment.updated', entityType: 'commitment', entityId: id,
      before: { ...before, version: data.version }, after: { ...changes, version: current.version },
      sourceAddress: ctx.sourceAddress, userAgent: ctx.userAgent,
    });
    return { ...current, can: commitmentAbilities(viewer, current) };
  });
}

/** The fields of `data` among `keys` that were given (not undefined). */
function given<T extends object, K extends keyof T>(data: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const picked: Partial<Pick<T, K>> = {};
  for (const key of keys) if (data[key] !== undefined) picked[key] = data[key];
  return picked;
}
