import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { NewCommitmentForm } from '@/components/commitment/new-commitment-form';
import { getCommitmentFormOptions } from '@/lib/server/forms/reference-data';
import { requirePageContext } from '@/lib/server/page-guard';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('commitments.newForm');
  return { title: t('title') };
}

export default async function NewCommitmentPage() {
  // A role that may not create commitments got its 403 from the layout.
  const ctx = await requirePageContext('/commitments/new', 'commitment.read');
  const [t, options, locale] = await Promise.all([getTranslations('commitments.newForm'), getCommitmentFormOptions(ctx, { open: true }), getLocale()]);
  const regions = new Intl.DisplayNames([locale], { type: 'region' });
  const countryNames = Object.fromEntries([...new Set(options.organisations.map((o) => o.country))].map((c) => [c, regions.of(c) ?? c]));
  const { viewer } = ctx;
  return (
    <div className="narrow-wide">
      <p className="breadcrumbs">
        <Link href="/commitments">{t('back')}</Link>
      </p>
      <h1>{t('title')}</h1>
      <p className="lede">{viewer.role === 'staff' ? t('introStaff', { organisation: viewer.organisationName ?? '' }) : t('intro')}</p>
      <NewCommitmentForm
        agendas={options.agendas} sectors={options.sectors} organisations={options.organisations} countryNames={countryNames}
        own={viewer.organisationId && viewer.organisationCountry ? { id: viewer.organisationId, country: viewer.organisationCountry } : null}
      />
    </div>
  );
}
