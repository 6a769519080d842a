import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { BriefingFilters } from '@/components/briefing/briefing-filters';
import { BriefingView } from '@/components/briefing/briefing-view';
import { PrintButton } from '@/components/briefing/print-button';
import { listedCommitments, PDF_MAX_COMMITMENTS } from '@/lib/domain/briefing';
import { renderMessages, type Translate } from '@/lib/domain/messages';
import { can } from '@/lib/domain/permissions';
import { getBriefing } from '@/lib/server/briefing';
import { isAppError } from '@/lib/server/errors';
import { getCommitmentFormOptions } from '@/lib/server/forms/reference-data';
import { requirePageContext } from '@/lib/server/page-guard';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('briefing');
  return { title: t('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

// The briefing between two days, for every signed-in role: a shareable URL (agenda, from, to,
// sector), printable on A4 (app/globals.css, @media print) and downloadable as a PDF.
export default async function BriefingPage({ searchParams }: { searchParams: Search }) {
  const query = await searchParams;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) for (const v of [value ?? []].flat()) params.append(key, v);
  const ctx = await requirePageContext(`/briefing${params.size ? `?${params}` : ''}`, 'briefing.read');
  const [t, root, options] = await Promise.all([getTranslations('briefing'), getTranslations(), getCommitmentFormOptions(ctx)]);
  let briefing;
  try {
    briefing = await getBriefing(ctx, params);
  } catch (error) {
    if (!isAppError(error) || error.status !== 422) throw error;
    return (
      <>
        <h1>{t('title')}</h1>
        <BriefingFilters agendas={options.agendas} sectors={options.sectors} values={Object.fromEntries(params)} />
        <div className="error-box" role="alert">
          <h2>{renderMessages(root as unknown as Translate, [error.summary])}</h2>
          <ul>
            {Object.entries(error.fields).map(([key, messages]) => <li key={key}>{renderMessages(root as unknown as Translate, messages)}</li>)}
          </ul>
        </div>
      </>
    );
  }
  const scope = new URLSearchParams({ agenda: briefing.agenda.slug, from: briefing.from, to: briefing.to });
  if (briefing.sector) scope.set('sector', briefing.sector.slug);
  const count = listedCommitments(briefing);
  const since = briefing.since.kind === 'review' ? t('sinceReview', { name: briefing.since.name, date: briefing.from })
    : briefing.since.kind === 'signing' ? t('sinceSigning', { date: briefing.from }) : t('sinceDate', { date: briefing.from });
  return (
    <>
      <h1>{t('heading', { agenda: briefing.agenda.title })}</h1>
      <p className="lede">
        {t('period', { from: briefing.from, to: briefing.to })}. {since} {briefing.sector ? t('sectorScope', { sector: briefing.sector.name }) : t('allSectors')}
      </p>
      <p className="muted">{t('generated', { date: briefing.generatedAt.slice(0, 10) })}</p>
      <BriefingFilters agendas={options.agendas} sectors={options.sectors} values={Object.fromEntries(scope)} />
      <div className="briefing-actions no-print">
        <PrintButton label={t('print')} />
        {can(ctx.viewer, 'briefing.export') && count <= PDF_MAX_COMMITMENTS && (
          <a className="button button--secondary" href={`/briefing.pdf?${scope}`} download>{t('downloadPdf')}</a>
        )}
      </div>
      {can(ctx.viewer, 'briefing.export') && count > PDF_MAX_COMMITMENTS && (
        <div className="notice no-print">
          <p>{t('tooLarge', { count, max: PDF_MAX_COMMITMENTS })}</p>
          <ul>
            {briefing.pipeline.rows.filter((r) => r.total > 0).map((r) => {
              const one = new URLSearchParams(scope);
              one.set('sector', r.sector.slug);
              return <li key={r.sector.slug}><a href={`/briefing.pdf?${one}`}>{t('sectorPdf', { sector: r.sector.name })}</a></li>;
            })}
          </ul>
        </div>
      )}
      <BriefingView briefing={briefing} />
    </>
  );
}
