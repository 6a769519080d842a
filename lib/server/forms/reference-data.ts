import 'server-only';
import { listAgendas, listSectors } from '@/db/queries/agendas';
import { listOrganisations } from '@/db/queries/organisations';
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
    listOrganisations({ db }),
  ]);
  return {
    agendas: agendaRows.map(({ id, slug, title, partyA, partyB }): AgendaOption => ({ id, slug, title, partyA, partyB })),
    sectors: sectorRows.map(({ slug, name }): SectorOption => ({ slug, name })),
    organisations: organisationRows.map(({ id, name, country }): OrganisationOption => ({ id, name, country })),
  };
}
