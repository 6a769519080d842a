import 'server-only';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Database } from '../connect';
import { organisations } from '../schema';

// The counts name the outer table in full: drizzle writes a column of the query's only table without
// its table name, which inside the subquery would be the subquery's own column.

/**
 * Every organisation by country and name, with how many accounts belong to it: the administrators'
 * table, and the choice lists of the user and commitment forms.
 */
export function listOrganisations({ db }: { db: Database }) {
  return db
    .select({
      id: organisations.id, name: organisations.name, shortName: organisations.shortName, country: organisations.country,
      isDemo: organisations.isDemo,
      userCount: sql<number>`(select count(*)::int from users u where u.organisation_id = organisations.id)`,
    })
    .from(organisations)
    .orderBy(asc(organisations.country), asc(organisations.name));
}

export async function findOrganisation({ db, id }: { db: Database; id: string }) {
  const [organisation] = await db
    .select({ id: organisations.id, name: organisations.name, country: organisations.country })
    .from(organisations)
    .where(eq(organisations.id, id));
  return organisation;
}

/** The organisation's editable fields, locked until the transaction ends. */
export async function lockOrganisation({ db, id }: { db: Database; id: string }) {
  const [organisation] = await db
    .select({ name: organisations.name, shortName: organisations.shortName, country: organisations.country })
    .from(organisations)
    .where(eq(organisations.id, id))
    .for('update');
  return organisation;
}

/** An organisation of `country` named `name`, case and surrounding spaces aside (other than `exceptId`). */
export async function findOrganisationByName({
  db, country, name, exceptId,
}: { db: Database; country: string; name: string; exceptId?: string }) {
  const [organisation] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        eq(organisations.country, country),
        sql`lower(btrim(${organisations.name})) = ${name.toLowerCase()}`,
        exceptId ? ne(organisations.id, exceptId) : undefined,
      ),
    );
  return organisation;
}

interface OrganisationFields {
  name: string;
  shortName: string | null;
  country: string;
}

export async function insertOrganisation({ db, fields }: { db: Database; fields: OrganisationFields }): Promise<{ id: string }> {
  const [row] = await db.insert(organisations).values(fields).returning({ id: organisations.id });
  return row!;
}

export async function updateOrganisationFields({ db, id, fields }: { db: Database; id: string; fields: OrganisationFields }): Promise<void> {
  await db.update(organisations).set({ ...fields, updatedAt: sql`now()` }).where(eq(organisations.id, id));
}
