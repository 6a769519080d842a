import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { EditCommitmentForm } from '@/components/commitment/edit-form';
import { editableValues } from '@/lib/server/forms/edit-commitment';
import { getCommitmentFormOptions } from '@/lib/server/forms/reference-data';
import { commitmentForPage } from '@/lib/server/page-guard';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('commitments.editForm');
  return { title: t('title') };
}

export default async function EditCommitmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // The layouts have answered 404 or 403 already (app/commitments/[id]/edit/layout.tsx).
  const { ctx, row } = await commitmentForPage(id);
  const [t, options, locale] = await Promise.all([getTranslations('commitments.editForm'), getCommitmentFormOptions(ctx, { open: true, keepSector: row.sectorSlug }), getLocale()]);
  const agenda = options.agendas.find((a) => a.id === row.agendaId);
  const regions = new Intl.DisplayNames([locale], { type: 'region' });
  const partyA = agenda?.partyA ?? row.leadOrgACountry;
  const partyB = agenda?.partyB ?? row.leadOrgBCountry;
  return (
    <div className="narrow-wide">
      <p className="breadcrumbs">
        <Link href={`/commitments/${row.id}`}>{t('back', { reference: row.reference })}</Link>
      </p>
      <h1>{t('heading', { reference: row.reference })}</h1>
      <p className="lede">{t('intro')}</p>
      <EditCommitmentForm
        commitmentId={row.id} version={row.version} initial={editableValues(row)} sectors={options.sectors}
        leadsA={options.organisations.filter((o) => o.country === partyA)}
        leadsB={options.organisations.filter((o) => o.country === partyB)}
        partyA={regions.of(partyA) ?? partyA} partyB={regions.of(partyB) ?? partyB}
      />
    </div>
  );
}
