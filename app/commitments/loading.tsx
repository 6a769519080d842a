import { getTranslations } from 'next-intl/server';

export default async function Loading() {
  const t = await getTranslations();
  return (
    <div aria-busy="true" aria-live="polite">
      <span className="visually-hidden">{t('loading')}</span>
      <div className="skeleton" style={{ height: '2.2rem', width: '40%', marginBottom: '1rem' }} />
      <div className="skeleton" style={{ height: '9rem', width: '100%', marginBottom: '1rem' }} />
      <div className="skeleton" style={{ height: '1rem', width: '30%', marginBottom: '0.75rem' }} />
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className="skeleton" style={{ height: '2.25rem', width: '100%', marginBottom: '0.35rem' }} />
      ))}
    </div>
  );
}
