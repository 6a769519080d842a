'use client';

import type { Message } from '@/lib/domain/messages';
import { useMessage } from './use-message';

/** A field's messages next to it; point the field's aria-describedby at `id`. */
export function FieldError({ id, messages }: { id: string; messages?: Message[] }) {
  const message = useMessage();
  if (!messages?.length) return null;
  return (
    <p className="field__error" id={id}>
      {message.all(messages)}
    </p>
  );
}
