import 'server-only';
import { asc } from 'drizzle-orm';
import { listAgendas, listSectors } from '@/db/queries/agendas';
import { organisations } from '@/db/schema';
import type { RequestContext } from '../context';
import { authorize } from '../guard';

export interface AgendaOption {
  id: string;
  slug: string;
  title: string;
  partyA: string;
  partyB: string;
}
export interface SectorOption {
  slug: string;
  name: string;
}
export interface OrganisationOption {
  id: string;
  name: string;
  country: string;
}

/** The choices the commitment filters and forms offer: agendas, sectors and organisations. */
export async function getCommitmentFormOptions(ctx: RequestContext) {
  const { db } = authorize(ctx, 'commitment.read');
  const [agendaRows, sectorRows, organisationRows] = await Promise.all([
    listAgendas({ db }),
    listSectors({ db }),
    db.select({ id: organisations.id, name: organisations.name, country: organisations.country })
      .from(organisations)
      .orderBy(asc(organisations.country), asc(organisations.name)),
  ]);
  return {
    agendas: agendaRows.map(({ id, slug, title, partyA, partyB }): AgendaOption => ({ id, slug, title, partyA, partyB })),
    sectors: sectorRows.map(({ slug, name }): SectorOption => ({ slug, name })),
    organisations: organisationRows as OrganisationOption[],
  };
}
