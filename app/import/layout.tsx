import type { ReactNode } from 'react';
import { forbidden } from 'next/navigation';
import { ClientMessages } from '@/components/client-messages';
import { roleAllows } from '@/lib/domain/permissions';
import { requirePageContext } from '@/lib/server/page-guard';

// What the upload and apply forms read in the browser, with the messages a refusal may carry: the
// import's own, and those of the single edits each row goes through.
const PATHS = ['imports', 'commitments.rules', 'stage', 'health', 'errors', 'form', 'problem', 'validation', 'field'] as const;

// Refused here, before anything streams, so that a role that may not import gets a 403.
export default async function ImportLayout({ children }: { children: ReactNode }) {
  const ctx = await requirePageContext('/import', 'commitment.read');
  if (!roleAllows(ctx.viewer, 'commitment.import')) forbidden();
  return <ClientMessages paths={PATHS}>{children}</ClientMessages>;
}
