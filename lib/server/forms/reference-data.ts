import 'server-only';
import { listAgendas } from '@/db/queries/agendas';
import { listOrganisations } from '@/db/queries/organisations';
import { listSectors } from '@/db/queries/sectors';
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

/** Which choices a page offers: the filters every one; a form only what a commitment may join. */
interface Purpose {
  /** Leave out archived agendas and sectors (except `keepSector`, the edited commitment's own). */
  open?: boolean;
  keepSector?: string;
}

/** The choices the commitment filters and forms offer: agendas, sectors and organisations. */
export async function getCommitmentFormOptions(ctx: RequestContext, { open = false, keepSector }: Purpose = {}) {
  const { db } = authorize(ctx, 'commitment.read');
  const [agendaRows, sectorRows, organisationRows] = await Promise.all([
    listAgendas({ db }),
    listSectors({ db }),
    listOrganisations({ db }),
  ]);
  const offered = (row: { archivedAt: Date | null }) => !open || row.archivedAt === null;
  return {
    agendas: agendaRows.filter(offered).map(({ id, slug, title, partyA, partyB }): AgendaOption => ({ id, slug, title, partyA, partyB })),
    sectors: sectorRows.filter((s) => offered(s) || s.slug === keepSector).map(({ slug, name }): SectorOption => ({ slug, name })),
    organisations: organisationRows.map(({ id, name, country }): OrganisationOption => ({ id, name, country })),
  };
}
