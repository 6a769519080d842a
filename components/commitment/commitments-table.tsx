import { getTranslations } from 'next-intl/server';
import { swatchedCell } from '@/components/stage-swatch';
import type { CommitmentView } from '@/lib/server/commitments';
import { type CommitmentFilters, commitmentsHref, type Sort } from '@/lib/domain/commitment-filters';
import { dateTexts, DueDateText, LastUpdateText } from './dates';

interface Props {
  items: CommitmentView[];
  filters: CommitmentFilters;
  captionId: string;
}

/** The commitments of one page of the list; sortable columns link to the same list sorted. */
export async function CommitmentsTable({ items, filters, captionId }: Props) {
  // Every cell is synchronous: an async component per cell would stream as a segment of its own.
  const [t, tStage, tHealth, texts] = await Promise.all([
    getTranslations('commitments.list'), getTranslations('stage'), getTranslations('health'), dateTexts(),
  ]);

  function sortable(sort: Sort, label: string, className?: string) {
    const active = filters.sort === sort;
    const defaultOrder = sort === 'updated' ? 'desc' : 'asc';
    const order = active ? (filters.order === 'asc' ? 'desc' : 'asc') : defaultOrder;
    return (
      <th scope="col" className={className} aria-sort={active ? (filters.order === 'asc' ? 'ascending' : 'descending') : undefined}>
        <a href={commitmentsHref({ ...filters, sort, order, page: 1 })} className="sort-link">
          {label}
          <span className="visually-hidden">{t(order === 'asc' ? 'sortAsc' : 'sortDesc')}</span>
          {active && <span aria-hidden="true">{filters.order === 'asc' ? ' ▲' : ' ▼'}</span>}
        </a>
      </th>
    );
  }

  return (
    <div className="table-wrap">
      <table className="commitments-table" aria-describedby={captionId}>
        <thead>
          <tr>
            {sortable('reference', t('reference'))}
            {sortable('title', t('titleColumn'))}
            <th scope="col">{t('sector')}</th>
            {sortable('stage', t('stage'))}
            <th scope="col">{t('health')}</th>
            <th scope="col">{t('leads')}</th>
            {sortable('due', t('due'))}
            {sortable('updated', t('updated'))}
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id}>
              <td className="nowrap">{c.reference}</td>
              <th scope="row" className="commitments-table__title">
                <a href={`/commitments/${c.id}`}>{c.title}</a>
              </th>
              <td>{c.sectorName}</td>
              {/* The swatch, the health dot and the second lead's line are drawn by CSS on the cells: a page of rows carries no element for them. */}
              <td {...swatchedCell(c.stage, 'nowrap')}>{tStage(c.stage)}</td>
              <td className={`nowrap health health--${c.health}`}>{tHealth(c.health)}</td>
              <td className="commitments-table__leads">
                {c.leadOrgAName}
                <span>{c.leadOrgBName}</span>
              </td>
              <td>
                <DueDateText dueDate={c.dueDate} overdue={c.overdue} texts={texts} />
              </td>
              <td>
                <LastUpdateText lastUpdateAt={c.lastUpdateAt} stale={c.stale} texts={texts} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
