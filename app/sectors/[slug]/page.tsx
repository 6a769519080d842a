import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DashboardView } from '@/components/dashboard/dashboard-view';
import { dashboardViewOf } from '@/lib/domain/confirmation';
import { chartTableOf, dashboardHref } from '@/lib/domain/dashboard-links';
import { openDashboard } from '@/lib/server/dashboard';
import { orNotFound } from '@/lib/server/error-answers';
import { requirePageContext } from '@/lib/server/page-guard';

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ agenda?: string | string[]; view?: string | string[]; table?: string | string[] }>;
}

async function load({ params, searchParams }: Props) {
  const [{ slug }, { agenda, view: viewParam, table }] = await Promise.all([params, searchParams]);
  const agendaSlug = typeof agenda === 'string' ? agenda : undefined;
  const view = dashboardViewOf(viewParam);
  const chart = chartTableOf(table);
  const ctx = await requirePageContext(dashboardHref(`/sectors/${encodeURIComponent(slug)}`, { agenda: agendaSlug, view, table: chart }));
  return { shell: await orNotFound(openDashboard(ctx, { agendaSlug, sectorSlug: slug, view })), table: chart };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ slug }, t] = await Promise.all([params, getTranslations('dashboard')]);
  return { title: t('sectorTitle', { sector: slug }) };
}

// One sector's figures (the dashboard's panels narrowed to it) and the table of its commitments.
export default async function SectorPage(props: Props) {
  const [{ shell, table }, t, root] = await Promise.all([load(props), getTranslations('dashboard'), getTranslations()]);
  if (!shell) {
    return (
      <>
        <h1>{root('agenda.noAgenda')}</h1>
        <p className="lede">{root('agenda.noAgendaHelp')}</p>
      </>
    );
  }
  const sector = shell.sector!;
  return (
    <>
      <p className="dash-breadcrumb">
        <a href={dashboardHref('/', { agenda: shell.agenda.slug, view: shell.view })}>{t('backToDashboard')}</a>
      </p>
      <h1>{t('sectorTitle', { sector: sector.name })}</h1>
      <p className="lede">{t('agendaOf', { agenda: shell.agenda.title })}</p>
      {shell.hasDemoData && (
        <p className="notice">
          <span className="badge">{root('app.demoData')}</span> {root('app.demoDataNote')}
        </p>
      )}
      <DashboardView shell={shell} table={table} />
    </>
  );
}
