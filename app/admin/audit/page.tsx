import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { AUDIT_PAGE_SIZE, listAuditEvents } from '@/lib/server/admin/audit-log';
import { isAppError } from '@/lib/server/errors';
import { requirePageContext } from '@/lib/server/page-guard';
import { AdminHeading, adminMetadata } from '../_components/admin-nav';

export const generateMetadata = () => adminMetadata('audit');

// Prefixes offered as suggestions; any other prefix can be typed.
const SUGGESTED = ['auth.', 'auth.sign_in', 'user.', 'organisation.', 'commitment.', 'update.', 'comment.'];

type Search = Promise<{ action?: string | string[] }>;

export default async function AuditPage({ searchParams }: { searchParams: Search }) {
  const { action: raw } = await searchParams;
  const action = typeof raw === 'string' ? raw : '';
  const ctx = await requirePageContext(action ? `/admin/audit?action=${encodeURIComponent(action)}` : '/admin/audit', 'audit.read');
  const [t, format] = await Promise.all([getTranslations('admin.audit'), getFormatter()]);
  const result = await listAuditEvents(ctx, { action }).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'invalid') return null;
    throw error;
  });
  const filtered = Boolean(result?.filter.action);
  return (
    <>
      <AdminHeading current="audit" />
      <form method="get" className="admin-filter" role="search" aria-label={t('filterLabel')}>
        <div className="field">
          <label htmlFor="audit-action">{t('filterLabel')}</label>
          <input
            id="audit-action" name="action" type="text" list="audit-actions" defaultValue={action} spellCheck={false} autoComplete="off"
            aria-invalid={result ? undefined : true} aria-describedby={result ? 'audit-action-hint' : 'audit-action-hint audit-action-error'}
          />
          <datalist id="audit-actions">
            {SUGGESTED.map((prefix) => <option key={prefix} value={prefix} />)}
          </datalist>
          <p className="field__hint" id="audit-action-hint">{t('filterHint')}</p>
          {!result && <p className="field__error" id="audit-action-error">{t('filterInvalid')}</p>}
        </div>
        <div className="admin-form__buttons">
          <button type="submit" className="button">{t('filter')}</button>
          {action && <Link href="/admin/audit">{t('clear')}</Link>}
        </div>
      </form>
      {result && (
        <div className="table-wrap">
          <table className="audit-table">
            <caption>
              {filtered
                ? t('captionFiltered', { count: result.events.length, max: AUDIT_PAGE_SIZE, action: result.filter.action })
                : t('caption', { count: result.events.length, max: AUDIT_PAGE_SIZE })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('when')}</th>
                <th scope="col">{t('who')}</th>
                <th scope="col">{t('action')}</th>
                <th scope="col">{t('entity')}</th>
                <th scope="col">{t('from')}</th>
                <th scope="col">{t('details')}</th>
              </tr>
            </thead>
            <tbody>
              {result.events.length === 0 && (
                <tr><td colSpan={6}>{t('empty')}</td></tr>
              )}
              {result.events.map((event) => (
                <tr key={event.id}>
                  <td className="nowrap">{format.dateTime(event.at, { dateStyle: 'medium', timeStyle: 'medium' })}</td>
                  <td>{event.actorLabel}</td>
                  <td><code>{event.action}</code></td>
                  <td>{event.entityType}{event.entityId ? <><br /><code className="audit-id">{event.entityId}</code></> : null}</td>
                  <td>{event.sourceAddress ?? ''}</td>
                  <td>
                    {event.before != null || event.after != null ? (
                      <details>
                        <summary>{t('showDetails')}</summary>
                        {event.before != null && <><p className="audit-label">{t('before')}</p><pre>{JSON.stringify(event.before, null, 2)}</pre></>}
                        {event.after != null && <><p className="audit-label">{t('after')}</p><pre>{JSON.stringify(event.after, null, 2)}</pre></>}
                      </details>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
