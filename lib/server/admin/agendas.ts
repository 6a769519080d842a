import 'server-only';
import {
  findAgendaByTitle, getAgendaBySlug, insertAgenda, listAgendasWithCounts, lockAgenda, renameAgendaRow, setAgendaArchived,
} from '@/db/queries/agendas';
import type { FieldMessages } from '@/lib/domain/messages';
import { recordAudit } from '../audit';
import type { RequestContext } from '../context';
import { AppError, invalid } from '../errors';
import { authorize } from '../guard';
import { parseInput } from '../input';
import { operatorOf } from './operator';
import { createAgendaSchema, idSchema, renameAgendaSchema } from './schemas';
import { adminTransaction } from './transaction';

export type AgendaAdminRow = Awaited<ReturnType<typeof listAgendasWithCounts>>[number];

export async function listAgendasForAdmin(ctx: RequestContext): Promise<AgendaAdminRow[]> {
  const { db } = authorize(ctx, 'admin.agendas');
  return listAgendasWithCounts({ db });
}

/** A new agenda between two parties; its slug (in every link to it) does not change afterwards. */
export async function createAgenda(ctx: RequestContext, raw: unknown): Promise<{ id: string; slug: string }> {
  const signedIn = authorize(ctx, 'admin.agendas');
  const input = parseInput(createAgendaSchema, raw);
  return adminTransaction(signedIn.db, async (tx) => {
    const fields: FieldMessages = {};
    if (await findAgendaByTitle({ db: tx, title: input.title })) fields.title = [{ key: 'admin.errors.agendaTitleTaken' }];
    if (await getAgendaBySlug({ db: tx, slug: input.slug })) fields.slug = [{ key: 'admin.errors.slugTaken' }];
    if (Object.keys(fields).length) throw invalid(fields);
    const row = await insertAgenda({ db: tx, fields: input });
    await recordAudit(tx, { ...operatorOf(signedIn), action: 'agenda.created', entityType: 'agenda', entityId: row.id, after: input });
    return { id: row.id, slug: input.slug };
  });
}

/** A new title; the slug, and so every link and filter naming the agenda, stays. */
export async function renameAgenda(ctx: RequestContext, raw: unknown): Promise<{ changed: boolean }> {
  const signedIn = authorize(ctx, 'admin.agendas');
  const { id, title } = parseInput(renameAgendaSchema, raw);
  return adminTransaction(signedIn.db, async (tx) => {
    const before = await lockAgenda({ db: tx, id });
    if (!before) throw new AppError('not_found', { key: 'problem.noSuchAgenda' });
    if (before.title === title) return { changed: false };
    if (await findAgendaByTitle({ db: tx, title, exceptId: id })) throw invalid({ title: [{ key: 'admin.errors.agendaTitleTaken' }] });
    await renameAgendaRow({ db: tx, id, title });
    await recordAudit(tx, {
      ...operatorOf(signedIn), action: 'agenda.renamed', entityType: 'agenda', entityId: id, before: { title: before.title }, after: { title },
    });
    return { changed: true };
  });
}

/**
 * Archives the agenda (`archived: true`) or takes it out of the archive. No new commitment may join
 * an archived agenda; those it holds, its dashboard and the filters keep it.
 */
export async function setAgendaArchive(ctx: RequestContext, raw: unknown, archived: boolean): Promise<{ changed: boolean }> {
  const signedIn = authorize(ctx, 'admin.agendas');
  const { id } = parseInput(idSchema, raw);
  return adminTransaction(signedIn.db, async (tx) => {
    const before = await lockAgenda({ db: tx, id });
    if (!before) throw new AppError('not_found', { key: 'problem.noSuchAgenda' });
    if ((before.archivedAt !== null) === archived) return { changed: false };
    await setAgendaArchived({ db: tx, id, archived });
    await recordAudit(tx, {
      ...operatorOf(signedIn), action: archived ? 'agenda.archived' : 'agenda.restored', entityType: 'agenda', entityId: id,
      before: { archivedAt: before.archivedAt }, after: { archived },
    });
    return { changed: true };
  });
}
