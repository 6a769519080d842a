import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/client-messages';

// The administration forms' messages, with the policy and role names their errors and options use
// and the messages the server may answer a form with (form, problem, validation, field).
export default function AdminLayout({ children }: { children: ReactNode }) {
  return <ClientMessages paths={['admin', 'account.tokens', 'user', 'passwordPolicy', 'errors', 'form', 'problem', 'validation', 'field']}>{children}</ClientMessages>;
}
