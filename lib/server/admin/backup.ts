import 'server-only';
import { BackupError, dumpEmbeddedDatabase, streamPostgresBackup } from '@/db/backup';
import { readEnv } from '@/lib/env';
import { recordAudit } from '../audit';
import type { RequestContext } from '../context';
import { getDatabase } from '../db';
import { AppError } from '../errors';
import { authorize } from '../guard';
import { operatorOf } from './operator';

export interface BackupDownload {
  fileName: string;
  contentType: string;
  body: ReadableStream<Uint8Array> | Blob;
}

/** Which kind of backup this deployment makes: the page explains the one it offers. */
export async function backupKind(ctx: RequestContext): Promise<'pglite' | 'postgres'> {
  authorize(ctx, 'admin.backup');
  return (await getDatabase()).kind;
}

/**
 * A backup of the running database for an administrator to download: the embedded database's data
 * folder, or pg_dump's archive of PostgreSQL. The download is recorded before the first byte leaves.
 */
export async function downloadBackup(ctx: RequestContext, now = new Date()): Promise<BackupDownload> {
  const signedIn = authorize(ctx, 'admin.backup');
  const handle = await getDatabase();
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  const fileName = handle.kind === 'pglite' ? `agenda-backup-${stamp}.tar.gz` : `agenda-backup-${stamp}.dump`;
  await signedIn.db.transaction(async (tx) => {
    await recordAudit(tx, {
      ...operatorOf(signedIn), action: 'backup.downloaded', entityType: 'database', after: { kind: handle.kind, fileName },
    });
  });
  try {
    if (handle.kind === 'pglite') {
      return { fileName, contentType: 'application/gzip', body: await dumpEmbeddedDatabase(handle) };
    }
    return { fileName, contentType: 'application/octet-stream', body: await streamPostgresBackup({ url: handle.url ?? readEnv().databaseUrl! }) };
  } catch (error) {
    if (error instanceof BackupError) {
      console.error('[backup] the download failed', error.message);
      throw new AppError('unavailable', { key: 'problem.backupFailed' });
    }
    throw error;
  }
}
