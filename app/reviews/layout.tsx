import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/client-messages';

// The review forms' messages: their own notices, the form kit's, and the field and problem texts.
export default function ReviewsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages paths={['reviews', 'form', 'problem', 'validation', 'field']}>{children}</ClientMessages>;
}
