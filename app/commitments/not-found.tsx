import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function CommitmentNotFound() {
  const t = await getTranslations('commitments.detail');
  return (
    <>
      <h1>{t('notFoundTitle')}</h1>
      <p>{t('notFoundBody')}</p>
      <p>
        <Link href="/commitments">{t('backToList')}</Link>
      </p>
    </>
  );
}
