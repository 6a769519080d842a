import { getTranslations } from 'next-intl/server';

export default async function Loading() {
  const t = await getTranslations();
  return (
    <div aria-busy="true" aria-live="polite">
      <span className="visually-hidden">{t('loading')}</span>
      <div className="skeleton" style={{ height: '2.2rem', width: '60%', marginBottom: '1rem' }} />
      <div className="skeleton" style={{ height: '1rem', width: '90%', marginBottom: '0.5rem' }} />
      <div className="skeleton" style={{ height: '8rem', width: '100%', marginTop: '1.5rem' }} />
    </div>
  );
}
