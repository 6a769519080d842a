import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { backupKind } from '@/lib/server/admin/backup';
import { requirePageContext } from '@/lib/server/page-guard';
import { AdminNav } from '../_components/admin-nav';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.backup');
  return { title: t('title') };
}

export default async function BackupPage() {
  const ctx = await requirePageContext('/admin/backup', 'admin.backup');
  const [t, kind] = await Promise.all([getTranslations('admin.backup'), backupKind(ctx)]);
  const embedded = kind === 'pglite';
  return (
    <>
      <h1>{t('title')}</h1>
      <AdminNav current="backup" />
      <p className="lede">{embedded ? t('introEmbedded') : t('introPostgres')}</p>
      <p>{t('sensitive')}</p>
      <p>
        <a className="button" href="/admin/backup/download" download>{t('download')}</a>
      </p>
      <h2>{t('restoreTitle')}</h2>
      <p>{embedded ? t('restoreEmbedded') : t('restorePostgres')}</p>
      <pre><code>{embedded ? 'DATA_DIR=/srv/agenda/restored npm run db:restore -- agenda-backup.tar.gz' : 'DATABASE_URL=postgres://…/agenda_restored npm run db:restore -- agenda-backup.dump'}</code></pre>
    </>
  );
}
