import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/client-messages';

// What the commitment forms, comment threads and indicator charts read in the browser.
const PATHS = [
  'commitments.form', 'commitments.newForm', 'commitments.editForm', 'commitments.updateForm', 'commitments.rules',
  'commitments.comments', 'commitments.indicators', 'stage', 'health', 'errors',
] as const;

export default function CommitmentsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages paths={PATHS}>{children}</ClientMessages>;
}
