import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { currentContext } from '@/lib/server/context';
import { safeCallbackPath } from '@/lib/safe-redirect';
import { ClientMessages } from '@/components/client-messages';
import { SignInForm } from './sign-in-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('signIn');
  return { title: t('title') };
}

type Search = Promise<{ callbackUrl?: string | string[]; signedOut?: string; passwordChanged?: string }>;

export default async function SignInPage({ searchParams }: { searchParams: Search }) {
  const { callbackUrl, signedOut, passwordChanged } = await searchParams;
  const target = safeCallbackPath(Array.isArray(callbackUrl) ? callbackUrl[0] : callbackUrl);
  const { viewer } = await currentContext();
  if (viewer) redirect(target);
  const t = await getTranslations('signIn');
  return (
    <div className="narrow">
      <h1>{t('title')}</h1>
      {signedOut && <p className="notice notice--info" role="status">{t('signedOut')}</p>}
      {passwordChanged && <p className="notice notice--info" role="status">{t('passwordChanged')}</p>}
      <p className="lede">{t('intro')}</p>
      <ClientMessages paths={['signIn', 'form', 'problem']}>
        <SignInForm callbackUrl={target} />
      </ClientMessages>
    </div>
  );
}
