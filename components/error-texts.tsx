'use client';

import { createContext, type ReactNode, useContext } from 'react';

// The error page is the only client component every route carries. It gets its few texts, already
// translated on the server, through this context instead of the message catalogue's client runtime,
// which pages without translated client components (the dashboard among them) then never load.

export interface ErrorTexts {
  title: string;
  body: string;
  retry: string;
}

const ErrorTextsContext = createContext<ErrorTexts | null>(null);

export function ErrorTextsProvider({ texts, children }: { texts: ErrorTexts; children: ReactNode }) {
  return <ErrorTextsContext value={texts}>{children}</ErrorTextsContext>;
}

export function useErrorTexts(): ErrorTexts {
  const texts = useContext(ErrorTextsContext);
  if (!texts) throw new Error('useErrorTexts needs an ErrorTextsProvider above it (app/layout.tsx)');
  return texts;
}
