import 'server-only';
import {
  agendaHasDemoData, countCommitmentsBySectorAndStage, getAgendaBySlug, listAgendaEvents, listAgendas, listSectors,
} from '@/db/queries/agendas';
import type { RequestContext } from './context';
import { authorize } from './guard';

/** The agenda a page shows: the one asked for by slug, else the most recently signed. */
export async function getAgendaOverview(ctx: RequestContext, { slug }: { slug?: string }) {
  const { db } = authorize(ctx, 'dashboard.read');
  const agendaList = await listAgendas({ db });
  const agenda = (slug ? await getAgendaBySlug({ db, slug }) : undefined) ?? agendaList[0];
  if (!agenda) return { agendas: agendaList, agenda: undefined, events: [], sectors: [], counts: [], hasDemoData: false };
  const [events, sectorList, counts, hasDemoData] = await Promise.all([
    listAgendaEvents({ db, agendaId: agenda.id }),
    listSectors({ db }),
    countCommitmentsBySectorAndStage({ db, agendaId: agenda.id }),
    agendaHasDemoData({ db, agendaId: agenda.id }),
  ]);
  return { agendas: agendaList, agenda, events, sectors: sectorList, counts, hasDemoData };
}
