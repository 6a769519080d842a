import 'server-only';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Health, Stage } from '@/lib/domain/stages';
import type { Database } from '../connect';
import { selectRows } from '../rows';
import { imports } from '../schema';

/** A commitment as an import compares it with a row of the file: the export's columns, with the ids behind the names. */
export interface ImportTarget {
  id: string;
  agendaId: string;
  agenda: string;
  reference: string;
  version: number;
  sector: string;
  title: string;
  description: string;
  sourcePassage: string;
  leadOrgAId: string;
  leadOrgBId: string;
  dueDate: string | null;
  stage: Stage;
  health: Health;
}

/** Every commitment of the agendas named (by slug), for matching a file's rows by agenda and reference. */
export function listImportTargets({ db, agendas }: { db: Database; agendas: readonly string[] }) {
  if (!agendas.length) return Promise.resolve([]);
  return selectRows<ImportTarget>(
    db,
    sql`select c.id, c.agenda_id as "agendaId", a.slug as agenda, c.reference, c.version, s.slug as sector, c.title, c.description,
               c.source_passage as "sourcePassage", c.lead_org_a_id as "leadOrgAId", c.lead_org_b_id as "leadOrgBId",
               c.due_date::text as "dueDate", c.stage, c.health
          from commitments c join agendas a on a.id = c.agenda_id join sectors s on s.id = c.sector_id
         where a.slug in (${sql.join(agendas.map((slug) => sql`${slug}`), sql`, `)})`,
  );
}

/** The agendas with their parties' countries, and the organisations, to resolve a file's names into ids. */
export async function listImportReferences({ db }: { db: Database }) {
  const [agendas, organisations] = await Promise.all([
    selectRows<{ id: string; slug: string; partyA: string; partyB: string }>(
      db, sql`select id, slug, party_a as "partyA", party_b as "partyB" from agendas`,
    ),
    selectRows<{ id: string; name: string; country: string }>(db, sql`select id, name, country from organisations`),
  ]);
  return { agendas, organisations };
}

export async function insertImport({ db, fields }: {
  db: Database; fields: { ownerId: string; fileName: string; rows: unknown; plan: unknown; hours: number };
}): Promise<{ id: string; expiresAt: Date }> {
  const [row] = await db
    .insert(imports)
    .values({ ownerId: fields.ownerId, fileName: fields.fileName, rows: fields.rows, plan: fields.plan, expiresAt: sql`now() + make_interval(hours => ${fields.hours})` })
    .returning({ id: imports.id, expiresAt: imports.expiresAt });
  return row!;
}

/** The import with this id, if it belongs to the owner; locked when asked, for its application. */
export async function findImport({ db, id, ownerId, forUpdate = false }: { db: Database; id: string; ownerId: string; forUpdate?: boolean }) {
  const query = db
    .select({
      id: imports.id, fileName: imports.fileName, status: imports.status, rows: imports.rows, plan: imports.plan,
      createdAt: imports.createdAt, expiresAt: imports.expiresAt, appliedAt: imports.appliedAt,
      expired: sql<boolean>`${imports.expiresAt} <= now()`,
    })
    .from(imports)
    .where(and(eq(imports.id, id), eq(imports.ownerId, ownerId)));
  const [row] = await (forUpdate ? query.for('update') : query);
  return row;
}

/** Marks the import applied, if it still awaits and has not expired; returns whether it did. */
export async function markImportApplied({ db, id }: { db: Database; id: string }): Promise<boolean> {
  const updated = await db
    .update(imports)
    .set({ status: 'applied', appliedAt: sql`now()` })
    .where(and(eq(imports.id, id), eq(imports.status, 'previewed'), gt(imports.expiresAt, sql`now()`)))
    .returning({ id: imports.id });
  return updated.length > 0;
}

/** The commitments with these references (in any agenda) and their indicators, for a file of new status updates. */
export async function listUpdateTargets({ db, references }: { db: Database; references: readonly string[] }) {
  if (!references.length) return { commitments: [], indicators: [] };
  const list = sql.join(references.map((reference) => sql`${reference}`), sql`, `);
  const [commitments, indicators] = await Promise.all([
    selectRows<{ id: string; reference: string; stage: Stage; health: Health }>(
      db, sql`select id, reference, stage, health from commitments where reference in (${list})`,
    ),
    selectRows<{ id: string; commitmentId: string; name: string }>(
      db, sql`select i.id, i.commitment_id as "commitmentId", i.name from indicators i join commitments c on c.id = i.commitment_id where c.reference in (${list})`,
    ),
  ]);
  return { commitments, indicators };
}
