import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePageContext } from '@/lib/server/page-guard';
import { ChangePasswordForm } from './change-password-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account');
  return { title: t('title') };
}

export default async function AccountPage() {
  const { viewer } = await requirePageContext('/account');
  const [t, tRoot] = await Promise.all([getTranslations('account'), getTranslations()]);
  return (
    <div className="narrow">
      <h1>{t('title')}</h1>
      <dl className="facts">
        <div>
          <dt>{t('details.name')}</dt>
          <dd>{viewer.name}</dd>
        </div>
        <div>
          <dt>{t('details.email')}</dt>
          <dd>{viewer.email}</dd>
        </div>
        <div>
          <dt>{t('details.role')}</dt>
          <dd>{tRoot(`user.role.${viewer.role}`)}</dd>
        </div>
        <div>
          <dt>{t('details.organisation')}</dt>
          <dd>{viewer.organisationName ?? t('details.none')}</dd>
        </div>
      </dl>
      <section aria-labelledby="password-heading">
        <h2 id="password-heading">{t('password.heading')}</h2>
        <p>{t('password.intro')}</p>
        <ChangePasswordForm />
      </section>
    </div>
  );
}
