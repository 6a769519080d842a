'use client';

import { type ReactNode, useEffect, useRef } from 'react';
import type { Message } from '@/lib/domain/messages';
import { useMessage } from './use-message';

/**
 * What a form achieved, in a live region (role=status) that is there before it speaks; focused
 * when it appears, since the busy submit button has dropped the focus. Shows the state's message,
 * then `children`.
 */
export function SuccessMessage({ state, children }: { state: { status: string; message?: Message; at?: number }; children?: ReactNode }) {
  const message = useMessage();
  const box = useRef<HTMLDivElement>(null);
  const at = state.status === 'success' ? state.at : undefined;
  useEffect(() => {
    if (at) box.current?.focus();
  }, [at]);
  return (
    <div role="status">
      {state.status === 'success' && (
        <div className="notice notice--success" tabIndex={-1} ref={box}>
          {state.message && <p>{message.one(state.message)}</p>}
          {children}
        </div>
      )}
    </div>
  );
}
