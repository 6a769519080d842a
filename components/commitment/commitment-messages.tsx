import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/client-messages';

// What the commitment forms, comment threads and indicator charts read in the browser, with the
// messages the server may answer a form with (form, problem, validation, field). Given to the
// commitment's pages and the new-commitment page only: the list has no client component to read them.
const PATHS = [
  'commitments.newForm', 'commitments.editForm', 'commitments.updateForm', 'commitments.rules',
  'commitments.comments', 'commitments.indicators', 'commitments.confirmation', 'stage', 'health', 'errors', 'form', 'problem', 'validation', 'field',
] as const;

export function CommitmentMessages({ children }: { children: ReactNode }) {
  return <ClientMessages paths={PATHS}>{children}</ClientMessages>;
}
