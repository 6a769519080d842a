import type { ReactNode } from 'react';
import { forbidden } from 'next/navigation';
import { commitmentAbilities } from '@/lib/server/commitments';
import { commitmentForPage } from '@/lib/server/page-guard';

// Refused here, before anything streams, so that a viewer who may not edit gets a 403.
export default async function EditCommitmentLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  const { ctx, row } = await commitmentForPage((await params).id);
  if (!commitmentAbilities(ctx.viewer, row).edit) forbidden();
  return children;
}
