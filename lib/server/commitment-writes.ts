import 'server-only';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/connect';
import { getCommitmentRow } from '@/db/queries/commitments';
import { selectRows } from '@/db/rows';
import { commitments, indicators } from '@/db/schema';
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

/** Checks that what the input names exists and fits the agenda: lead A is of party A's country, lead B of party B's. */
async function resolveReferences(db: Database, refs: References): Promise<{ sectorId?: string }> {
  const [row] = await selectRows<{ party_a: string; party_b: string; sector_id: string | null; a_country: string | null; b_country: string | null }>(
    db,
    sql`select a.party_a, a.party_b,
               (select id from sectors where slug = ${refs.sector ?? ''}) as sector_id,
               (select country from organisations where id = ${refs.leadOrgAId ?? null}::uuid) as a_country,
               (select country from organisations where id = ${refs.leadOrgBId ?? null}::uuid) as b_country
          from agendas a where a.id = ${refs.agendaId}`,
  );
  const fields: FieldMessages = {};
  if (!row) fields.agendaId = [{ key: 'validation.noAgenda' }];
  if (refs.sector !== undefined && !row?.sector_id) fields.sector = [{ key: 'validation.noSector' }];
  if (refs.leadOrgAId !== undefined && row && row.a_country !== row.party_a) {
    fields.leadOrgAId = [row.a_country ? { key: 'validation.leadOfCountry', values: { side: 'a', country: row.party_a } } : { key: 'validation.noOrganisation' }];
  }
  if (refs.leadOrgBId !== undefined && row && row.b_country !== row.party_b) {
    fields.leadOrgBId = [row.b_country ? { key: 'validation.leadOfCountry', values: { side: 'b', country: row.party_b } } : { key: 'validation.noOrganisation' }];
  }
  if (Object.keys(fields).length) throw invalid(fields);
  return { sectorId: row!.sector_id ?? undefined };
}

async function nextReference(db: Database, agendaId: string): Promise<string> {
  const [row] = await selectRows<{ prefix: string | null; n: number | null }>(
    db,
    sql`select substring(reference from '^([A-Za-z]+)-') as prefix, max(substring(reference from '-(\\d+)$')::int) as n
          from commitments where agenda_id = ${agendaId} and reference ~ '^[A-Za-z]+-\\d+$'
         group by 1 order by count(*) desc limit 1`,
  );
  return `${row?.prefix ?? 'C'}-${String((row?.n ?? 0) + 1).padStart(2, '0')}`;
}

export async function createCommitment(ctx: RequestContext, input: InputSource) {
  const { viewer } = authorizeRole(ctx, 'commitment.create');
  const data = parseInput(commitmentCreateSchema, await readInput(input));
  authorize(ctx, 'commitment.create', data);
  return ctx.db.transaction(async (tx) => {
    const { sectorId } = await resolveReferences(tx, data);
    const reference = data.reference ?? (await nextReference(tx, data.agendaId));
    const taken = await selectRows(tx, sql`select 1 from commitments where agenda_id = ${data.agendaId} and reference = ${reference}`);
    if (taken.length) throw invalid({ reference: [{ key: 'validation.referenceTaken' }] });
    const [created] = await tx
      .insert(commitments)
      .values({
        agendaId: data.agendaId, sectorId: sectorId!, reference, title: data.title, description: data.description,
        sourcePassage: data.sourcePassage, leadOrgAId: data.leadOrgAId, leadOrgBId: data.leadOrgBId, dueDate: data.dueDate,
        createdById: viewer.id,
      })
      .returning({ id: commitments.id });
    if (data.indicators.length) {
      await tx.insert(indicators).values(data.indicators.map((ind, position) => ({ commitmentId: created!.id, position, ...ind })));
    }
    await recordAudit(tx, {
      actor: { id: viewer.id, label: viewer.email }, action: 'commitment.created', entityType: 'commitment', entityId: created!.id,
      after: { ...data, reference }, sourceAddress: ctx.sourceAddress, userAgent: ctx.userAgent,
    });
    const row = (await getCommitmentRow({ db: tx, id: created!.id }))!;
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
    const { sectorId } = await resolveReferences(tx, { agendaId: seen.agendaId, sector: data.sector, leadOrgAId: data.leadOrgAId, leadOrgBId: data.leadOrgBId });
    const changes: Record<string, unknown> = {};
    // The sector is stored by its id, resolved above.
    for (const key of EDITABLE_FIELDS) if (key !== 'sector' && data[key] !== undefined) changes[key] = data[key];
    if (sectorId) changes.sectorId = sectorId;
    const assignments = Object.entries(changes).map(([key, value]) => sql`${sql.identifier(COLUMN[key]!)} = ${value}`);
    const updated = await selectRows<{ id: string }>(
      tx,
      sql`update commitments set ${sql.join(assignments, sql`, `)}, version = version + 1, updated_at = now()
           where id = ${id} and version = ${data.version} returning id`,
    );
    const current = (await getCommitmentRow({ db: tx, id }))!;
    if (!updated.length) {
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

const COLUMN: Record<string, string> = {
  title: 'title', description: 'description', sourcePassage: 'source_passage', dueDate: 'due_date',
  leadOrgAId: 'lead_org_a_id', leadOrgBId: 'lead_org_b_id', sectorId: 'sector_id',
};
