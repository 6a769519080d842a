import 'server-only';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Database } from '@/db/connect';
import { organisations } from '@/db/schema';
import { recordAudit } from '../audit';
import type { RequestContext } from '../context';
import { AppError, asAppError, invalid } from '../errors';
import { authorize } from '../guard';
import { parseInput } from '../input';
import { operatorOf } from './operator';
import { createOrganisationSchema, updateOrganisationSchema } from './schemas';

export interface OrganisationRow {
  id: string;
  name: string;
  shortName: string | null;
  country: string;
  isDemo: boolean;
  userCount: number;
}

export async function listOrganisations(ctx: RequestContext): Promise<OrganisationRow[]> {
  const { db } = authorize(ctx, 'admin.organisations');
  return db
    .select({
      id: organisations.id, name: organisations.name, shortName: organisations.shortName, country: organisations.country,
      isDemo: organisations.isDemo,
      userCount: sql<number>`(select count(*)::int from users u where u.organisation_id = ${organisations.id})`,
    })
    .from(organisations)
    .orderBy(asc(organisations.country), asc(organisations.name));
}

export async function createOrganisation(ctx: RequestContext, raw: unknown): Promise<{ id: string }> {
  const signedIn = authorize(ctx, 'admin.organisations');
  const input = parseInput(createOrganisationSchema, raw);
  try {
    return await signedIn.db.transaction(async (tx) => {
      await assertNameFree(tx, input);
      const [row] = await tx.insert(organisations).values(input).returning({ id: organisations.id });
      await recordAudit(tx, {
        ...operatorOf(signedIn), action: 'organisation.created', entityType: 'organisation', entityId: row!.id, after: input,
      });
      return row!;
    });
  } catch (error) {
    throw asAppError(error) ?? error;
  }
}

/** Rename or correct an organisation; its users and commitments keep pointing at it. */
export async function updateOrganisation(ctx: RequestContext, raw: unknown): Promise<{ changed: boolean }> {
  const signedIn = authorize(ctx, 'admin.organisations');
  const { id, ...input } = parseInput(updateOrganisationSchema, raw);
  try {
    return await signedIn.db.transaction(async (tx) => {
      const [before] = await tx
        .select({ name: organisations.name, shortName: organisations.shortName, country: organisations.country })
        .from(organisations)
        .where(eq(organisations.id, id))
        .for('update');
      if (!before) throw new AppError('not_found', { key: 'problem.noOrganisation' });
      if (before.name === input.name && before.shortName === input.shortName && before.country === input.country) {
        return { changed: false };
      }
      await assertNameFree(tx, input, id);
      await tx.update(organisations).set({ ...input, updatedAt: sql`now()` }).where(eq(organisations.id, id));
      await recordAudit(tx, {
        ...operatorOf(signedIn), action: 'organisation.updated', entityType: 'organisation', entityId: id, before, after: input,
      });
      return { changed: true };
    });
  } catch (error) {
    throw asAppError(error) ?? error;
  }
}

// Case and surrounding spaces aside, two ministries of one country do not share a name.
async function assertNameFree(tx: Database, input: { name: string; country: string }, exceptId?: string): Promise<void> {
  const [taken] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        eq(organisations.country, input.country),
        sql`lower(btrim(${organisations.name})) = ${input.name.toLowerCase()}`,
        exceptId ? ne(organisations.id, exceptId) : undefined,
      ),
    );
  if (taken) {
    throw invalid({ name: [{ key: 'admin.errors.organisationTaken' }] });
  }
}
