import 'server-only';
import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../connect';
import { selectRows } from '../rows';
import { agendaEvents, agendas, sectors } from '../schema';

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

export function listSectors({ db }: { db: Database }) {
  return db.select().from(sectors).orderBy(asc(sectors.position), asc(sectors.name));
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
