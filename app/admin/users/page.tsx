import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { listOrganisationChoices, listUsers } from '@/lib/server/admin/users';
import { requirePageContext } from '@/lib/server/page-guard';
import { AdminHeading, adminMetadata } from '../_components/admin-nav';
import { CreateUserForm } from '../_components/create-user-form';

export const generateMetadata = () => adminMetadata('users');

export default async function UsersPage() {
  const ctx = await requirePageContext('/admin/users', 'admin.users');
  const [t, format, userList, organisations] = await Promise.all([
    getTranslations(), getFormatter(), listUsers(ctx), listOrganisationChoices(ctx),
  ]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <AdminHeading current="users" />
      <section aria-labelledby="all-users">
        <h2 id="all-users">{t('admin.users.all')}</h2>
        <div className="table-wrap">
          <table>
            <caption>{t('admin.users.caption', { count: userList.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.users.fields.name')}</th>
                <th scope="col">{t('admin.users.fields.email')}</th>
                <th scope="col">{t('admin.users.fields.role')}</th>
                <th scope="col">{t('admin.users.fields.organisation')}</th>
                <th scope="col">{t('admin.users.fields.status')}</th>
                <th scope="col">{t('admin.users.fields.lastSignIn')}</th>
              </tr>
            </thead>
            <tbody>
              {userList.map((user) => (
                <tr key={user.id}>
                  <th scope="row"><Link href={`/admin/users/${user.id}`}>{user.name}</Link></th>
                  <td>{user.email}</td>
                  <td>{t(`user.role.${user.role}`)}</td>
                  <td>{user.organisationName ?? t('admin.users.none')}</td>
                  <td>
                    {user.disabledAt
                      ? <span className="status status--disabled">{t('admin.users.disabledSince', { date: when(user.disabledAt) })}</span>
                      : <span className="status status--active">{t('admin.users.active')}</span>}
                  </td>
                  <td>{user.lastSignInAt ? when(user.lastSignInAt) : t('admin.users.never')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="add-user">
        <h2 id="add-user">{t('admin.users.create.title')}</h2>
        <CreateUserForm organisations={organisations} />
      </section>
    </>
  );
}
