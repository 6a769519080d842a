import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePageContext } from '@/lib/server/page-guard';
import { UploadForm } from './upload-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('imports.page');
  return { title: t('title') };
}

export default async function ImportPage() {
  // A role that may not import got its 403 from the layout.
  await requirePageContext('/import', 'commitment.read');
  const [t, tPreview] = await Promise.all([getTranslations('imports.page'), getTranslations('imports.preview')]);
  return (
    <div className="narrow-wide">
      <p className="breadcrumbs">
        <Link href="/commitments">{tPreview('back')}</Link>
      </p>
      <h1>{t('title')}</h1>
      <p className="lede">{t('intro')}</p>
      <UploadForm />
    </div>
  );
}
