'use client';

import { useTranslations } from 'next-intl';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  return (
    <div className="error-box" role="alert">
      <h1>{t('title')}</h1>
      <p>{t('databaseDown')}</p>
      <button type="button" className="button" onClick={reset}>
        {t('retry')}
      </button>
    </div>
  );
}
