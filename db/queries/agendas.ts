import 'server-only';
import { asc, desc, eq, ne, sql } from 'drizzle-orm';
import type { Database } from '../connect';
import { selectRows } from '../rows';
import { agendaEvents, agendas } from '../schema';

export function listAgendas({ db }: { db: Database }) {
  return db.select().from(agendas).orderBy(desc(agendas.signedOn), asc(agendas.title));
}

export async function getAgendaBySlug({ db, slug }: { db: Database; slug: string }) {
  const [row] = await db.select().from(agendas).where(eq(agendas.slug, slug)).limit(1);
  return row;
}

export function listAgendaEvents({ db, agendaId }: { db: Database; agendaId: string }) {
  return db.select().from(agendaEvents).where(eq(agendaEvents.agendaId, agendaId)).orderBy(asc(agendaEvents.occursOn));
}

/** Whether anything shown for this agenda was invented for the demonstration. */
export async function agendaHasDemoData({ db, agendaId }: { db: Database; agendaId: string }): Promise<boolean> {
  const [row] = await selectRows<{ demo: boolean }>(
    db,
    sql`select exists (select 1 from agenda_events where agenda_id = ${agendaId} and is_demo)
        or exists (select 1 from indicators i join commitments c on c.id = i.commitment_id
                   where c.agenda_id = ${agendaId} and i.is_demo)
        or exists (select 1 from status_updates u join commitments c on c.id = u.commitment_id
                   where c.agenda_id = ${agendaId} and u.is_demo) as demo`,
  );
  return Boolean(row?.demo);
}

/** Every agenda, newest first, with how many commitments it holds: the administrators' table. */
export function listAgendasWithCounts({ db }: { db: Database }) {
  return db
    .select({
      id: agendas.id, slug: agendas.slug, title: agendas.title, partyA: agendas.partyA, partyB: agendas.partyB,
      signedOn: agendas.signedOn, place: agendas.place, archivedAt: agendas.archivedAt,
      commitmentCount: sql<number>`(select count(*)::int from commitments c where c.agenda_id = agendas.id)`,
    })
    .from(agendas)
    .orderBy(desc(agendas.signedOn), asc(agendas.title));
}

/** The agenda's title and archived mark, locked until the transaction ends. */
export async function lockAgenda({ db, id }: { db: Database; id: string }) {
  const [row] = await db
    .select({ slug: agendas.slug, title: agendas.title, archivedAt: agendas.archivedAt })
    .from(agendas)
    .where(eq(agendas.id, id))
    .for('update');
  return row;
}

/** An agenda (archived or not, other than `exceptId`) titled `title`, case and surrounding spaces aside. */
export async function findAgendaByTitle({ db, title, exceptId }: { db: Database; title: string; exceptId?: string }) {
  const [row] = await db
    .select({ id: agendas.id })
    .from(agendas)
    .where(sql`lower(btrim(${agendas.title})) = ${title.toLowerCase()} ${exceptId ? sql`and ${ne(agendas.id, exceptId)}` : sql``}`);
  return row;
}

interface NewAgendaFields {
  slug: string;
  title: string;
  partyA: string;
  partyB: string;
  signedOn: string;
  place: string;
  sourceTitle: string;
  sourceDocument: string;
  summary: string;
}

export async function insertAgenda({ db, fields }: { db: Database; fields: NewAgendaFields }): Promise<{ id: string }> {
  const [row] = await db.insert(agendas).values(fields).returning({ id: agendas.id });
  return row!;
}

export async function renameAgendaRow({ db, id, title }: { db: Database; id: string; title: string }): Promise<void> {
  await db.update(agendas).set({ title, updatedAt: sql`now()` }).where(eq(agendas.id, id));
}

/** Archives the agenda (now) or, with `archived: false`, takes it out of the archive. */
export async function setAgendaArchived({ db, id, archived }: { db: Database; id: string; archived: boolean }): Promise<void> {
  await db.update(agendas).set({ archivedAt: archived ? sql`now()` : null, updatedAt: sql`now()` }).where(eq(agendas.id, id));
}
