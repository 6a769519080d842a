import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AgendaHeader } from '@/components/agenda-header';
import { dashboardViewOf } from '@/lib/domain/confirmation';
import { chartTableOf, dashboardHref } from '@/lib/domain/dashboard-links';
import { DashboardView } from '@/components/dashboard/dashboard-view';
import { openDashboard } from '@/lib/server/dashboard';
import { requirePageContext } from '@/lib/server/page-guard';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('nav');
  return { title: t('dashboard') };
}

// The officials' home: where every commitment of the chosen agenda stands, and how it got there.
type Search = Promise<{ agenda?: string | string[]; view?: string | string[]; table?: string | string[] }>;

export default async function HomePage({ searchParams }: { searchParams: Search }) {
  const { agenda: agendaParam, view: viewParam, table: tableParam } = await searchParams;
  const slug = typeof agendaParam === 'string' ? agendaParam : undefined;
  const view = dashboardViewOf(viewParam);
  const table = chartTableOf(tableParam);
  const ctx = await requirePageContext(dashboardHref('/', { agenda: slug, view, table }));
  const [t, shell] = await Promise.all([getTranslations(), openDashboard(ctx, { agendaSlug: slug, view })]);

  if (!shell) {
    return (
      <>
        <h1>{t('agenda.noAgenda')}</h1>
        <p className="lede">{t('agenda.noAgendaHelp')}</p>
      </>
    );
  }
  return (
    <>
      <AgendaHeader agenda={shell.agenda} agendas={shell.agendas} events={shell.events} hasDemoData={shell.hasDemoData} />
      <DashboardView shell={shell} table={table} />
    </>
  );
}
