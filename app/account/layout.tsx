import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/client-messages';

// The password form's texts, and the error and policy messages the server may answer with.
export default function AccountLayout({ children }: { children: ReactNode }) {
  return <ClientMessages paths={['account', 'passwordPolicy', 'form', 'problem', 'validation', 'field']}>{children}</ClientMessages>;
}
