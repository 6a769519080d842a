import type { Metadata } from 'next';
import { Suspense } from 'react';
import { getFormatter, getTranslations } from 'next-intl/server';
import { CommitmentsTable } from '@/components/commitment/commitments-table';
import { ListFilters } from '@/components/commitment/list-filters';
import { Pagination } from '@/components/commitment/pagination';
import { commitmentsExportHref, commitmentsHref, parseCommitmentFilters } from '@/lib/domain/commitment-filters';
import { parseIsoDate } from '@/lib/domain/dates';
import { renderMessages, type Translate } from '@/lib/domain/messages';
import { roleAllows } from '@/lib/domain/permissions';
import { listCommitments } from '@/lib/server/commitments';
import { getCommitmentFormOptions } from '@/lib/server/forms/reference-data';
import type { SignedInContext } from '@/lib/server/guard';
import { requirePageContext } from '@/lib/server/page-guard';
import { ListLoading } from './list-loading';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('commitments.list');
  return { title: t('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function CommitmentsPage({ searchParams }: { searchParams: Search }) {
  const query = await searchParams;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) for (const v of [value ?? []].flat()) params.append(key, v);
  // Checked before anything streams: under a loading boundary, a visitor whose session has ended
  // would get a 200 "Loading…" page instead of the redirect to sign-in.
  const ctx = await requirePageContext(`/commitments${params.size ? `?${params}` : ''}`, 'commitment.read');
  return (
    <Suspense fallback={<ListLoading />}>
      <CommitmentsList ctx={ctx} query={query} />
    </Suspense>
  );
}

async function CommitmentsList({ ctx, query }: { ctx: SignedInContext; query: Awaited<Search> }) {
  const [t, tAll, format] = await Promise.all([getTranslations('commitments.list'), getTranslations(), getFormatter()]);
  const parsed = parseCommitmentFilters(query);
  const header = (
    <div className="page-heading">
      <h1>{t('title')}</h1>
      <div className="actions">
        {roleAllows(ctx.viewer, 'commitment.import') && (
          <a href="/import" className="button button--secondary">{tAll('imports.page.link')}</a>
        )}
        {roleAllows(ctx.viewer, 'commitment.create') && (
          <a href="/commitments/new" className="button">{t('new')}</a>
        )}
      </div>
    </div>
  );

  if (!parsed.ok) {
    return (
      <>
        {header}
        <div className="error-box" role="alert">
          <h2>{t('badFilters')}</h2>
          <ul>
            {Object.entries(parsed.fields).map(([key, messages]) => (
              <li key={key}>{renderMessages(tAll as unknown as Translate, messages)}</li>
            ))}
          </ul>
          <p>
            <a href="/commitments">{t('showAll')}</a>
          </p>
        </div>
      </>
    );
  }

  const { filters } = parsed;
  const [found, options] = await Promise.all([listCommitments(ctx, filters), getCommitmentFormOptions(ctx)]);
  // A confirmed-view figure's list shows the stage and health both sides stand behind.
  const list = filters.view === 'confirmed'
    ? { ...found, items: found.items.map((c) => ({ ...c, stage: c.confirmedStage, health: c.confirmedHealth })) }
    : found;
  const first = (filters.page - 1) * filters.pageSize + 1;
  const last = first + list.items.length - 1;
  return (
    <>
      {header}
      <ListFilters filters={filters} agendas={options.agendas} sectors={options.sectors} organisations={options.organisations} />
      {filters.asOf && (
        <p className="notice notice--info">
          {t('asOf', { date: parseIsoDate(filters.asOf) })}{' '}
          <a href={commitmentsHref({ ...filters, asOf: undefined, page: 1 })}>{t('asOfClear')}</a>
        </p>
      )}
      {filters.view === 'confirmed' && (
        <p className="notice notice--info">
          {t('confirmedView')}{' '}
          <a href={commitmentsHref({ ...filters, view: undefined, page: 1 })}>{t('confirmedViewClear')}</a>
        </p>
      )}
      <p id="results-count" className="results-count">
        {list.items.length > 0
          ? t('count', { from: format.number(first), to: format.number(last), total: list.total })
          : t('countNone', { total: list.total })}
      </p>
      {list.items.length > 0 ? (
        <CommitmentsTable items={list.items} filters={filters} captionId="results-count" />
      ) : (
        <div className="empty-state">
          <p>{list.total > 0 ? t('pastLastPage') : t('empty')}</p>
          <p>
            {list.total > 0 ? <a href={commitmentsHref({ ...filters, page: 1 })}>{t('firstPage')}</a> : <a href="/commitments">{t('showAll')}</a>}
          </p>
        </div>
      )}
      <Pagination filters={filters} total={list.total} />
      {list.total > 0 && (
        <p className="downloads">
          {t('download', { total: list.total })}{' '}
          <a href={commitmentsExportHref(filters, 'csv')} download>{t('downloadCsv')}</a>{' · '}
          <a href={commitmentsExportHref(filters, 'xlsx')} download>{t('downloadXlsx')}</a>
        </p>
      )}
    </>
  );
}

