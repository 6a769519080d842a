import type { ReactNode } from 'react';
import { forbidden } from 'next/navigation';
import { roleAllows } from '@/lib/domain/permissions';
import { requirePageContext } from '@/lib/server/page-guard';

// Refused here, before anything streams, so that a role that may not import gets a 403.
export default async function ImportLayout({ children }: { children: ReactNode }) {
  const ctx = await requirePageContext('/import', 'commitment.read');
  if (!roleAllows(ctx.viewer, 'commitment.import')) forbidden();
  return children;
}
