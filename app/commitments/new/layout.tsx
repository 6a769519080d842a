import type { ReactNode } from 'react';
import { forbidden } from 'next/navigation';
import { roleAllows } from '@/lib/domain/permissions';
import { requirePageContext } from '@/lib/server/page-guard';
import { CommitmentMessages } from '@/components/commitment/commitment-messages';

// Refused here, before anything streams, so that a role that may not create commitments gets a 403.
export default async function NewCommitmentLayout({ children }: { children: ReactNode }) {
  const ctx = await requirePageContext('/commitments/new', 'commitment.read');
  if (!roleAllows(ctx.viewer, 'commitment.create')) forbidden();
  return <CommitmentMessages>{children}</CommitmentMessages>;
}
