import type { ReactNode } from 'react';
import { CommitmentMessages } from '@/components/commitment/commitment-messages';
import { commitmentForPage } from '@/lib/server/page-guard';

// The commitment is looked up here, above the pages' loading boundaries, so that an unknown or
// malformed id answers 404 before anything streams.
export default async function CommitmentLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  await commitmentForPage((await params).id);
  return <CommitmentMessages>{children}</CommitmentMessages>;
}
