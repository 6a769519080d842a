import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/client-messages';

// The administration forms' messages, with the policy and role names their errors and options use.
export default function AdminLayout({ children }: { children: ReactNode }) {
  return <ClientMessages paths={['admin', 'user', 'passwordPolicy', 'errors']}>{children}</ClientMessages>;
}
