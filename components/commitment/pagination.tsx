import { getTranslations } from 'next-intl/server';
import { type CommitmentFilters, commitmentsHref } from '@/lib/domain/commitment-filters';

/** Previous / next and a window of page numbers, each a shareable link. */
export async function Pagination({ filters, total }: { filters: CommitmentFilters; total: number }) {
  const t = await getTranslations('commitments.pagination');
  const pages = Math.max(1, Math.ceil(total / filters.pageSize));
  if (pages <= 1 && filters.page === 1) return null;
  const href = (page: number) => commitmentsHref({ ...filters, page });
  const from = Math.max(1, Math.min(filters.page - 2, pages - 4));
  const numbers = Array.from({ length: Math.min(5, pages) }, (_, i) => from + i).filter((n) => n <= pages);
  return (
    <nav aria-label={t('label')} className="pagination">
      <ul>
        <li>{filters.page > 1 ? <a href={href(Math.min(filters.page - 1, pages))} rel="prev">{t('previous')}</a> : <span className="muted">{t('previous')}</span>}</li>
        {numbers.map((n) => (
          <li key={n}>
            {n === filters.page ? (
              <span aria-current="page" className="pagination__current" aria-label={t('page', { page: n })}>{n}</span>
            ) : (
              <a href={href(n)} aria-label={t('page', { page: n })}>{n}</a>
            )}
          </li>
        ))}
        <li>{filters.page < pages ? <a href={href(filters.page + 1)} rel="next">{t('next')}</a> : <span className="muted">{t('next')}</span>}</li>
      </ul>
      <p className="field__hint">{t('of', { page: filters.page, pages })}</p>
    </nav>
  );
}
