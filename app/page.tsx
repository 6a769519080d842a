import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { AgendaHeader } from '@/components/agenda-header';
import { StageMatrixTable } from '@/components/stage-matrix-table';
import { StageSwatch } from '@/components/stage-swatch';
import { buildStageMatrix } from '@/lib/domain/stage-matrix';
import { STAGES } from '@/lib/domain/stages';
import { getAgendaOverview } from '@/lib/server/agendas';
import { requirePageContext } from '@/lib/server/page-guard';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('nav');
  return { title: t('dashboard') };
}

export default async function HomePage({ searchParams }: { searchParams: Promise<{ agenda?: string | string[] }> }) {
  const { agenda: agendaParam } = await searchParams;
  const slug = typeof agendaParam === 'string' ? agendaParam : undefined;
  const ctx = await requirePageContext(slug ? `/?agenda=${encodeURIComponent(slug)}` : '/');
  const [t, format, overview] = await Promise.all([getTranslations(), getFormatter(), getAgendaOverview(ctx, { slug })]);

  if (!overview.agenda) {
    return (
      <>
        <h1>{t('agenda.noAgenda')}</h1>
        <p className="lede">{t('agenda.noAgendaHelp')}</p>
      </>
    );
  }
  const matrix = buildStageMatrix(overview.sectors, overview.counts);
  return (
    <>
      <AgendaHeader agenda={overview.agenda} agendas={overview.agendas} events={overview.events} hasDemoData={overview.hasDemoData} />
      <section aria-labelledby="by-stage">
        <h2 id="by-stage">{t('overview.byStage')}</h2>
        <p>{t('overview.total', { count: matrix.total })}</p>
        <ul className="cards">
          {STAGES.map((stage) => (
            <li className="card" key={stage}>
              <span className="card__label">
                <StageSwatch stage={stage} /> {t(`stage.${stage}`)}
              </span>
              <span className="card__value">{format.number(matrix.totals[stage])}</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="by-sector">
        <h2 id="by-sector">{t('overview.bySector')}</h2>
        <StageMatrixTable matrix={matrix} id="by-sector" />
      </section>
    </>
  );
}
