import { getTranslations } from 'next-intl/server';

// The sector page's frame while its agenda and sector are looked up: title, figures, a chart.
export default async function SectorLoading() {
  const t = await getTranslations();
  return (
    <div aria-busy="true" aria-live="polite">
      <span className="visually-hidden">{t('loading')}</span>
      <div className="skeleton" style={{ height: '1rem', width: '8rem', marginBottom: '0.75rem' }} />
      <div className="skeleton" style={{ height: '2.2rem', width: '50%', marginBottom: '1rem' }} />
      <div className="skeleton" style={{ height: '1rem', width: '80%', marginBottom: '1.5rem' }} />
      <div className="dash-skeleton-row">
        {Array.from({ length: 5 }, (_, i) => (
          <div key={i} className="skeleton" style={{ height: '5.5rem' }} />
        ))}
      </div>
      <div className="skeleton" style={{ height: '6rem', width: '100%', marginTop: '1.5rem' }} />
      <div className="skeleton" style={{ height: '20rem', width: '100%', marginTop: '1.5rem' }} />
    </div>
  );
}
