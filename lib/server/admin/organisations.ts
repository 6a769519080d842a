import 'server-only';
import type { Database } from '@/db/connect';
import {
  findOrganisationByName, insertOrganisation, listOrganisations as queryOrganisations, lockOrganisation, updateOrganisationFields,
} from '@/db/queries/organisations';
import { recordAudit } from '../audit';
import type { RequestContext } from '../context';
import { AppError, invalid } from '../errors';
import { authorize } from '../guard';
import { parseInput } from '../input';
import { operatorOf } from './operator';
import { createOrganisationSchema, updateOrganisationSchema } from './schemas';
import { adminTransaction } from './transaction';

export type OrganisationRow = Awaited<ReturnType<typeof queryOrganisations>>[number];

export async function listOrganisations(ctx: RequestContext): Promise<OrganisationRow[]> {
  const { db } = authorize(ctx, 'admin.organisations');
  return queryOrganisations({ db });
}

export async function createOrganisation(ctx: RequestContext, raw: unknown): Promise<{ id: string }> {
  const signedIn = authorize(ctx, 'admin.organisations');
  const input = parseInput(createOrganisationSchema, raw);
  return adminTransaction(signedIn.db, async (tx) => {
    await assertNameFree(tx, input);
    const row = await insertOrganisation({ db: tx, fields: input });
    await recordAudit(tx, {
      ...operatorOf(signedIn), action: 'organisation.created', entityType: 'organisation', entityId: row.id, after: input,
    });
    return row;
  });
}

/** Rename or correct an organisation; its users and commitments keep pointing at it. */
export async function updateOrganisation(ctx: RequestContext, raw: unknown): Promise<{ changed: boolean }> {
  const signedIn = authorize(ctx, 'admin.organisations');
  const { id, ...input } = parseInput(updateOrganisationSchema, raw);
  return adminTransaction(signedIn.db, async (tx) => {
    const before = await lockOrganisation({ db: tx, id });
    if (!before) throw new AppError('not_found', { key: 'problem.noOrganisation' });
    if (before.name === input.name && before.shortName === input.shortName && before.country === input.country) {
      return { changed: false };
    }
    await assertNameFree(tx, input, id);
    await updateOrganisationFields({ db: tx, id, fields: input });
    await recordAudit(tx, {
      ...operatorOf(signedIn), action: 'organisation.updated', entityType: 'organisation', entityId: id, before, after: input,
    });
    return { changed: true };
  });
}

// Case and surrounding spaces aside, two ministries of one country do not share a name.
async function assertNameFree(tx: Database, input: { name: string; country: string }, exceptId?: string): Promise<void> {
  const taken = await findOrganisationByName({ db: tx, country: input.country, name: input.name, exceptId });
  if (taken) {
    throw invalid({ name: [{ key: 'admin.errors.organisationTaken' }] });
  }
}
