import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getUser, listOrganisationChoices } from '@/lib/server/admin/users';
import { orNotFound } from '@/lib/server/error-answers';
import { requirePageContext } from '@/lib/server/page-guard';
import { AdminNav } from '../../_components/admin-nav';
import { UserAccessForm } from '../../_components/user-access-form';
import { ActionButton } from '../../_components/action-button';
import { resetPasswordAction, setUserDisabledAction, signOutEverywhereAction } from './actions';

type Params = Promise<{ id: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.user');
  return { title: t('title') };
}

export default async function UserPage({ params }: { params: Params }) {
  const { id } = await params;
  const ctx = await requirePageContext(`/admin/users/${encodeURIComponent(id)}`, 'admin.users');
  const [t, format, organisations] = await Promise.all([getTranslations(), getFormatter(), listOrganisationChoices(ctx)]);
  const user = await orNotFound(getUser(ctx, { id }));
  const isSelf = user.id === ctx.viewer.id;
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' });
  const facts = [
    ['email', user.email],
    ['role', t(`user.role.${user.role}`)],
    ['organisation', user.organisationName ?? t('admin.users.none')],
    ['status', user.disabledAt ? t('admin.users.disabledSince', { date: when(user.disabledAt) }) : t('admin.users.active')],
    ['lastSignIn', user.lastSignInAt ? when(user.lastSignInAt) : t('admin.users.never')],
    ['openSessions', format.number(user.openSessions)],
    ['created', when(user.createdAt)],
  ] as const;
  return (
    <>
      <p className="breadcrumb"><Link href="/admin/users">{t('admin.user.back')}</Link></p>
      <h1>{user.name}{isSelf && <span className="badge admin-you">{t('admin.user.you')}</span>}</h1>
      <AdminNav current="users" />
      <dl className="facts">
        {facts.map(([key, value]) => (
          <div key={key}>
            <dt>{t(`admin.users.fields.${key}`)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>

      <section aria-labelledby="user-access">
        <h2 id="user-access">{t('admin.user.access.title')}</h2>
        <UserAccessForm user={user} organisations={organisations} isSelf={isSelf} />
      </section>

      <section aria-labelledby="user-sessions" className="admin-actions">
        <h2 id="user-sessions">{t('admin.user.security')}</h2>
        <div>
          <h3>{t('admin.user.sessions.title')}</h3>
          <ActionButton
            id="sign-out-everywhere" action={signOutEverywhereAction} recordId={user.id}
            label={t('admin.user.sessions.submit')} hint={t(isSelf ? 'admin.user.sessions.selfHint' : 'admin.user.sessions.hint')}
          />
        </div>
        <div>
          <h3>{t('admin.user.password.title')}</h3>
          <ActionButton
            id="reset-password" action={resetPasswordAction} recordId={user.id}
            label={t('admin.user.password.submit')} hint={t('admin.user.password.hint')}
          />
        </div>
      </section>

      <section aria-labelledby="user-status">
        <h2 id="user-status">{t('admin.user.status.title')}</h2>
        {isSelf ? (
          <p>{t('admin.user.status.selfHint')}</p>
        ) : (
          <ActionButton
            id="user-status-form" action={setUserDisabledAction} recordId={user.id} danger={!user.disabledAt}
            hidden={{ disable: user.disabledAt ? 'false' : 'true' }}
            label={t(user.disabledAt ? 'admin.user.status.enable' : 'admin.user.status.disable')}
            hint={t(user.disabledAt ? 'admin.user.status.enableHint' : 'admin.user.status.disableHint')}
          />
        )}
      </section>
    </>
  );
}
