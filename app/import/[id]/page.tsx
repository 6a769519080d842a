import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { renderMessage, type Translate } from '@/lib/domain/messages';
import { orNotFound } from '@/lib/server/error-answers';
import { getImport } from '@/lib/server/imports/imports';
import { requirePageContext } from '@/lib/server/page-guard';
import { applyImportAction } from '../actions';
import { ApplyForm } from './apply-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('imports.page');
  return { title: t('title') };
}

export default async function ImportPreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requirePageContext(`/import/${encodeURIComponent(id)}`, 'commitment.read');
  const [preview, t, tAll] = await Promise.all([orNotFound(getImport(ctx, id)), getTranslations('imports.preview'), getTranslations()]);
  const { counts } = preview;
  const writes = counts.create + counts.change + counts.update;
  const blocked = counts.conflict + counts.error > 0;
  const shown = preview.rows.filter((row) => row.action !== 'unchanged');
  return (
    <div className="narrow-wide">
      <p className="breadcrumbs">
        <Link href="/commitments">{t('back')}</Link>
      </p>
      <h1>{t('title', { fileName: preview.fileName })}</h1>
      <p className="lede" id="import-summary">{t('summary', counts)}</p>
      {preview.status === 'applied' ? (
        <p className="notice notice--info" role="status">{t('applied', { at: preview.appliedAt! })}</p>
      ) : blocked ? (
        <p className="error-box" role="alert">{t('hasErrors')}</p>
      ) : writes === 0 ? (
        <p>{t('nothing')}</p>
      ) : (
        <>
          <p>{t('expires', { at: preview.expiresAt })}</p>
          <ApplyForm action={applyImportAction.bind(null, preview.id)} count={writes} />
        </>
      )}
      {shown.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="import-caption">
          <table>
            <caption id="import-caption">{t('caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('row')}</th>
                <th scope="col">{t('reference')}</th>
                <th scope="col">{t('titleColumn')}</th>
                <th scope="col">{t('action')}</th>
                <th scope="col">{t('details')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={row.row}>
                  <th scope="row">{row.row}</th>
                  <td>{row.reference}</td>
                  <td>{row.title}</td>
                  <td>{t(`actions.${row.action}`)}</td>
                  <td>
                    <ul className="import-details">
                      {row.changes.map((change) => (
                        <li key={change.column}>{t('change', change)}</li>
                      ))}
                      {row.errors.map((problem, index) => (
                        <li key={index} className="field__error">
                          {problem.column ? `${problem.column}: ` : ''}
                          {renderMessage(tAll as unknown as Translate, problem.message)}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <Link href="/import">{t('another')}</Link>
      </p>
    </div>
  );
}
