import 'server-only';
import { asc, eq, ne, sql } from 'drizzle-orm';
import type { Database } from '../connect';
import { sectors } from '../schema';

/** Every sector in display order, archived ones included: the dashboard, the filters and the forms' choices. */
export function listSectors({ db }: { db: Database }) {
  return db.select().from(sectors).orderBy(asc(sectors.position), asc(sectors.name));
}

/** Every sector in display order with how many commitments it holds: the administrators' table. */
export function listSectorsWithCounts({ db }: { db: Database }) {
  return db
    .select({
      id: sectors.id, slug: sectors.slug, name: sectors.name, colour: sectors.colour, archivedAt: sectors.archivedAt,
      commitmentCount: sql<number>`(select count(*)::int from commitments c where c.sector_id = sectors.id)`,
    })
    .from(sectors)
    .orderBy(asc(sectors.position), asc(sectors.name));
}

/** The sector's name and archived mark, locked until the transaction ends. */
export async function lockSector({ db, id }: { db: Database; id: string }) {
  const [row] = await db
    .select({ slug: sectors.slug, name: sectors.name, archivedAt: sectors.archivedAt })
    .from(sectors)
    .where(eq(sectors.id, id))
    .for('update');
  return row;
}

/** A sector (archived or not, other than `exceptId`) named `name`, case and surrounding spaces aside. */
export async function findSectorByName({ db, name, exceptId }: { db: Database; name: string; exceptId?: string }) {
  const [row] = await db
    .select({ id: sectors.id })
    .from(sectors)
    .where(sql`lower(btrim(${sectors.name})) = ${name.toLowerCase()} ${exceptId ? sql`and ${ne(sectors.id, exceptId)}` : sql``}`);
  return row;
}

export async function findSectorBySlug({ db, slug }: { db: Database; slug: string }) {
  const [row] = await db.select({ id: sectors.id }).from(sectors).where(eq(sectors.slug, slug));
  return row;
}

/** A new sector, placed after every other. */
export async function insertSector({ db, fields }: { db: Database; fields: { slug: string; name: string; colour: string } }) {
  const [row] = await db
    .insert(sectors)
    .values({ ...fields, position: sql`(select coalesce(max(position), 0) + 1 from sectors)` })
    .returning({ id: sectors.id });
  return row!;
}

export async function renameSectorRow({ db, id, name }: { db: Database; id: string; name: string }): Promise<void> {
  await db.update(sectors).set({ name, updatedAt: sql`now()` }).where(eq(sectors.id, id));
}

/** Archives the sector (now) or, with `archived: false`, takes it out of the archive. */
export async function setSectorArchived({ db, id, archived }: { db: Database; id: string; archived: boolean }): Promise<void> {
  await db.update(sectors).set({ archivedAt: archived ? sql`now()` : null, updatedAt: sql`now()` }).where(eq(sectors.id, id));
}
