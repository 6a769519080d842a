import { getFormatter, getTranslations } from 'next-intl/server';
import { getNotificationAdmin } from '@/lib/server/admin/notifications';
import { requirePageContext } from '@/lib/server/page-guard';
import { AdminHeading, adminMetadata } from '../_components/admin-nav';

export const generateMetadata = () => adminMetadata('notifications');

export default async function NotificationAdminPage() {
  const ctx = await requirePageContext('/admin/notifications', 'admin.notifications');
  const [state, t, format] = await Promise.all([getNotificationAdmin(ctx), getTranslations('admin.notifications'), getFormatter()]);
  const when = (d: Date) => format.dateTime(new Date(d), { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <AdminHeading current="notifications" />
      <p className={state.email ? undefined : 'notice'}>
        {state.email ? t('smtpOn', { host: state.email.host ?? '', from: state.email.from }) : t('smtpOff')}
      </p>
      <h2>{t('queue')}</h2>
      <table>
        <thead>
          <tr><th scope="col">{t('queueName')}</th><th scope="col">{t('queued')}</th><th scope="col">{t('active')}</th><th scope="col">{t('failed')}</th></tr>
        </thead>
        <tbody>
          {state.queues.map((q) => (
            <tr key={q.name}><th scope="row"><code>{q.name}</code></th><td>{q.queued}</td><td>{q.active}</td><td>{q.failed}</td></tr>
          ))}
        </tbody>
      </table>
      <p>{t('outbox', { count: state.outbox })}</p>
      <p>{t('emailFailures', { count: state.failedEmails })}</p>
      <h2>{t('schedules')}</h2>
      <table>
        <thead>
          <tr><th scope="col">{t('schedule')}</th><th scope="col">{t('cron')}</th><th scope="col">{t('lastRun')}</th><th scope="col">{t('lastState')}</th></tr>
        </thead>
        <tbody>
          {state.schedules.map((s) => (
            <tr key={s.name}>
              <th scope="row"><code>{s.name}</code></th>
              <td><code>{s.cron}</code></td>
              <td>{s.last ? <time dateTime={new Date(s.last.at).toISOString()}>{when(s.last.at)}</time> : t('never')}</td>
              <td>{s.last?.state ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('failures')}</h2>
      {state.failures.length === 0 ? (
        <p>{t('noFailures')}</p>
      ) : (
        <table>
          <thead>
            <tr><th scope="col">{t('queueName')}</th><th scope="col">{t('failedAt')}</th><th scope="col">{t('error')}</th></tr>
          </thead>
          <tbody>
            {state.failures.map((f) => (
              <tr key={f.id}>
                <th scope="row"><code>{f.name}</code></th>
                <td>{f.completedOn ? when(f.completedOn) : '—'}</td>
                <td>{f.error.slice(0, 300)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
