import 'server-only';
import {
  findSectorByName, findSectorBySlug, insertSector, listSectorsWithCounts, lockSector, renameSectorRow, setSectorArchived,
} from '@/db/queries/sectors';
import type { FieldMessages } from '@/lib/domain/messages';
import { recordAudit } from '../audit';
import type { RequestContext } from '../context';
import { AppError, invalid } from '../errors';
import { authorize } from '../guard';
import { parseInput } from '../input';
import { operatorOf } from './operator';
import { createSectorSchema, idSchema, renameSectorSchema } from './schemas';
import { adminTransaction } from './transaction';

export type SectorAdminRow = Awaited<ReturnType<typeof listSectorsWithCounts>>[number];

export async function listSectorsForAdmin(ctx: RequestContext): Promise<SectorAdminRow[]> {
  const { db } = authorize(ctx, 'admin.sectors');
  return listSectorsWithCounts({ db });
}

/** A new sector, after every other; its slug (in every link to it) does not change afterwards. */
export async function createSector(ctx: RequestContext, raw: unknown): Promise<{ id: string; slug: string }> {
  const signedIn = authorize(ctx, 'admin.sectors');
  const input = parseInput(createSectorSchema, raw);
  return adminTransaction(signedIn.db, async (tx) => {
    const fields: FieldMessages = {};
    if (await findSectorByName({ db: tx, name: input.name })) fields.name = [{ key: 'admin.errors.sectorNameTaken' }];
    if (await findSectorBySlug({ db: tx, slug: input.slug })) fields.slug = [{ key: 'admin.errors.slugTaken' }];
    if (Object.keys(fields).length) throw invalid(fields);
    const row = await insertSector({ db: tx, fields: input });
    await recordAudit(tx, { ...operatorOf(signedIn), action: 'sector.created', entityType: 'sector', entityId: row.id, after: input });
    return { id: row.id, slug: input.slug };
  });
}

/** A new name; the slug, and so every link and filter naming the sector, stays. */
export async function renameSector(ctx: RequestContext, raw: unknown): Promise<{ changed: boolean }> {
  const signedIn = authorize(ctx, 'admin.sectors');
  const { id, name } = parseInput(renameSectorSchema, raw);
  return adminTransaction(signedIn.db, async (tx) => {
    const before = await lockSector({ db: tx, id });
    if (!before) throw new AppError('not_found', { key: 'problem.noSuchSector' });
    if (before.name === name) return { changed: false };
    if (await findSectorByName({ db: tx, name, exceptId: id })) throw invalid({ name: [{ key: 'admin.errors.sectorNameTaken' }] });
    await renameSectorRow({ db: tx, id, name });
    await recordAudit(tx, {
      ...operatorOf(signedIn), action: 'sector.renamed', entityType: 'sector', entityId: id, before: { name: before.name }, after: { name },
    });
    return { changed: true };
  });
}

/**
 * Archives the sector (`archived: true`) or takes it out of the archive. An archived sector is no
 * longer offered to new commitments; those it holds, the dashboard and the filters keep it.
 */
export async function setSectorArchive(ctx: RequestContext, raw: unknown, archived: boolean): Promise<{ changed: boolean }> {
  const signedIn = authorize(ctx, 'admin.sectors');
  const { id } = parseInput(idSchema, raw);
  return adminTransaction(signedIn.db, async (tx) => {
    const before = await lockSector({ db: tx, id });
    if (!before) throw new AppError('not_found', { key: 'problem.noSuchSector' });
    if ((before.archivedAt !== null) === archived) return { changed: false };
    await setSectorArchived({ db: tx, id, archived });
    await recordAudit(tx, {
      ...operatorOf(signedIn), action: archived ? 'sector.archived' : 'sector.restored', entityType: 'sector', entityId: id,
      before: { archivedAt: before.archivedAt }, after: { archived },
    });
    return { changed: true };
  });
}
