import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/client-messages';

// What the decision forms read in the browser, with the messages the server may answer them with.
const PATHS = ['commitments.confirmation', 'errors', 'form', 'problem', 'validation', 'field'] as const;

export default function ConfirmationsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages paths={PATHS}>{children}</ClientMessages>;
}
