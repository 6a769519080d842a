import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';

/** The frame of every route's loading state: announced once as loading, with its own skeleton inside. */
export async function LoadingFrame({ children }: { children: ReactNode }) {
  const t = await getTranslations();
  return (
    <div aria-busy="true" aria-live="polite">
      <span className="visually-hidden">{t('loading')}</span>
      {children}
    </div>
  );
}

export function Bone({ height, width = '100%', gap = '1rem' }: { height: string; width?: string; gap?: string }) {
  return <div className="skeleton" style={{ height, width, marginBottom: gap }} />;
}
