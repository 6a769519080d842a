import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { listSectorsForAdmin } from '@/lib/server/admin/sectors';
import { requirePageContext } from '@/lib/server/page-guard';
import { ActionButton } from '../_components/action-button';
import { AdminNav } from '../_components/admin-nav';
import { RenameForm } from '../_components/rename-form';
import { SectorForm } from '../_components/sector-form';
import { renameSectorAction, setSectorArchivedAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.sectors');
  return { title: t('title') };
}

type Search = Promise<{ edit?: string | string[] }>;

export default async function SectorsPage({ searchParams }: { searchParams: Search }) {
  const { edit } = await searchParams;
  const editId = typeof edit === 'string' ? edit : undefined;
  const ctx = await requirePageContext(editId ? `/admin/sectors?edit=${encodeURIComponent(editId)}` : '/admin/sectors', 'admin.sectors');
  const [t, format, sectorList] = await Promise.all([getTranslations('admin.sectors'), getFormatter(), listSectorsForAdmin(ctx)]);
  const editing = editId ? sectorList.find((s) => s.id === editId) : undefined;
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lede">{t('intro')}</p>
      <AdminNav current="sectors" />
      <p className="notice notice--info">{t('archiveHelp')}</p>
      {editId && !editing && <p className="notice" role="status">{t('edit.missing')}</p>}
      {editing && (
        <section aria-labelledby="edit-sector-title" id="edit">
          <h2 id="edit-sector-title">{t('edit.title', { name: editing.name })}</h2>
          <RenameForm
            key={editing.id} action={renameSectorAction} recordId={editing.id} field="name" label={t('fields.name')} value={editing.name}
            maxLength={100} submit={t('edit.submit')} cancel={t('edit.cancel')} cancelHref="/admin/sectors"
          />
          <ActionButton
            key={`${editing.id}-${editing.archivedAt ? 'archived' : 'active'}`}
            id="sector-archive" action={setSectorArchivedAction} recordId={editing.id} danger={!editing.archivedAt}
            hidden={{ archive: editing.archivedAt ? 'false' : 'true', name: editing.name }}
            label={t(editing.archivedAt ? 'restore' : 'archive')} hint={t('archiveHelp')}
          />
        </section>
      )}
      <section aria-labelledby="all-sectors">
        <h2 id="all-sectors">{t('all')}</h2>
        <div className="table-wrap">
          <table>
            <caption>{t('caption', { count: sectorList.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('fields.name')}</th>
                <th scope="col">{t('fields.slug')}</th>
                <th scope="col" className="num">{t('fields.commitments')}</th>
                <th scope="col">{t('fields.status')}</th>
                <th scope="col"><span className="visually-hidden">{t('fields.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {sectorList.map((s) => (
                <tr key={s.id} aria-current={s.id === editing?.id ? 'true' : undefined}>
                  <th scope="row">
                    <span className="swatch" style={{ background: s.colour }} aria-hidden="true" /> {s.name}
                  </th>
                  <td><code>{s.slug}</code></td>
                  <td className="num">{format.number(s.commitmentCount)}</td>
                  <td>
                    {s.archivedAt
                      ? <span className="status status--disabled">{t('archivedSince', { date: format.dateTime(s.archivedAt, { dateStyle: 'medium' }) })}</span>
                      : <span className="status status--active">{t('active')}</span>}
                  </td>
                  <td>
                    <Link href={`/admin/sectors?edit=${s.id}#edit`} aria-label={t('renameLabel', { name: s.name })}>{t('renameLink')}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="add-sector">
        <h2 id="add-sector">{t('create.title')}</h2>
        <SectorForm />
      </section>
    </>
  );
}
