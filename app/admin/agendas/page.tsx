import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { listAgendasForAdmin } from '@/lib/server/admin/agendas';
import { parseIsoDate } from '@/lib/domain/dates';
import { requirePageContext } from '@/lib/server/page-guard';
import { ActionButton } from '../_components/action-button';
import { AdminNav } from '../_components/admin-nav';
import { AgendaForm } from '../_components/agenda-form';
import { RenameForm } from '../_components/rename-form';
import { renameAgendaAction, setAgendaArchivedAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.agendas');
  return { title: t('title') };
}

type Search = Promise<{ edit?: string | string[] }>;

export default async function AgendasPage({ searchParams }: { searchParams: Search }) {
  const { edit } = await searchParams;
  const editId = typeof edit === 'string' ? edit : undefined;
  const ctx = await requirePageContext(editId ? `/admin/agendas?edit=${encodeURIComponent(editId)}` : '/admin/agendas', 'admin.agendas');
  const [t, format, agendaList] = await Promise.all([getTranslations('admin.agendas'), getFormatter(), listAgendasForAdmin(ctx)]);
  const editing = editId ? agendaList.find((a) => a.id === editId) : undefined;
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lede">{t('intro')}</p>
      <AdminNav current="agendas" />
      <p className="notice notice--info">{t('archiveHelp')}</p>
      {editId && !editing && <p className="notice" role="status">{t('edit.missing')}</p>}
      {editing && (
        <section aria-labelledby="edit-agenda-title" id="edit">
          <h2 id="edit-agenda-title">{t('edit.title', { name: editing.title })}</h2>
          <RenameForm
            key={editing.id} action={renameAgendaAction} recordId={editing.id} field="title" label={t('fields.title')} value={editing.title}
            maxLength={300} submit={t('edit.submit')} cancel={t('edit.cancel')} cancelHref="/admin/agendas"
          />
          <ActionButton
            key={`${editing.id}-${editing.archivedAt ? 'archived' : 'active'}`}
            id="agenda-archive" action={setAgendaArchivedAction} recordId={editing.id} danger={!editing.archivedAt}
            hidden={{ archive: editing.archivedAt ? 'false' : 'true', name: editing.title }}
            label={t(editing.archivedAt ? 'restore' : 'archive')} hint={t('archiveHelp')}
          />
        </section>
      )}
      <section aria-labelledby="all-agendas">
        <h2 id="all-agendas">{t('all')}</h2>
        <div className="table-wrap">
          <table>
            <caption>{t('caption', { count: agendaList.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('fields.title')}</th>
                <th scope="col">{t('fields.slug')}</th>
                <th scope="col">{t('fields.parties')}</th>
                <th scope="col">{t('fields.signedOn')}</th>
                <th scope="col" className="num">{t('fields.commitments')}</th>
                <th scope="col">{t('fields.status')}</th>
                <th scope="col"><span className="visually-hidden">{t('fields.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {agendaList.map((a) => (
                <tr key={a.id} aria-current={a.id === editing?.id ? 'true' : undefined}>
                  <th scope="row">{a.title}</th>
                  <td><code>{a.slug}</code></td>
                  <td>{`${a.partyA}–${a.partyB}`}</td>
                  <td>{format.dateTime(parseIsoDate(a.signedOn), { dateStyle: 'medium', timeZone: 'UTC' })}</td>
                  <td className="num">{format.number(a.commitmentCount)}</td>
                  <td>
                    {a.archivedAt
                      ? <span className="status status--disabled">{t('archivedSince', { date: format.dateTime(a.archivedAt, { dateStyle: 'medium' }) })}</span>
                      : <span className="status status--active">{t('active')}</span>}
                  </td>
                  <td>
                    <Link href={`/admin/agendas?edit=${a.id}#edit`} aria-label={t('renameLabel', { name: a.title })}>{t('renameLink')}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="add-agenda">
        <h2 id="add-agenda">{t('create.title')}</h2>
        <AgendaForm />
      </section>
    </>
  );
}
