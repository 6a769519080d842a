import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { textDirection } from '@/i18n/config';
import { ErrorTextsProvider } from '@/components/error-texts';
import { SiteHeader } from '@/components/site-header';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return { title: { default: t('name'), template: `%s · ${t('name')}` }, description: t('tagline') };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0b3d5c' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations('app');
  const errors = await getTranslations('errors');
  return (
    <html lang={locale} dir={textDirection(locale)}>
      <body>
        <a className="skip-link" href="#main">
          {t('skipToContent')}
        </a>
        {/* Client components get their messages from their section's layout; the error page gets its texts here. */}
        <ErrorTextsProvider texts={{ title: errors('title'), body: errors('pageFailed'), retry: errors('retry') }}>
          <SiteHeader />
          <main id="main" tabIndex={-1}>
            {children}
          </main>
        </ErrorTextsProvider>
      </body>
    </html>
  );
}
