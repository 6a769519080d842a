import { getTranslations } from 'next-intl/server';

export default async function Loading() {
  const t = await getTranslations();
  return (
    <div aria-busy="true" aria-live="polite">
      <span className="visually-hidden">{t('loading')}</span>
      <div className="skeleton" style={{ height: '1rem', width: '20%', marginBottom: '1rem' }} />
      <div className="skeleton" style={{ height: '2.2rem', width: '70%', marginBottom: '1rem' }} />
      <div className="skeleton" style={{ height: '5rem', width: '100%', marginBottom: '1.5rem' }} />
      <div className="skeleton" style={{ height: '16rem', width: '100%', marginBottom: '1.5rem' }} />
      <div className="skeleton" style={{ height: '10rem', width: '100%' }} />
    </div>
  );
}
