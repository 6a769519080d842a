'use client';

import { useEffect, useRef } from 'react';
import { useTranslations } from 'next-intl';
import type { FieldMessages, Message } from '@/lib/domain/messages';
import { useMessage } from './use-message';

type ByField = Record<string, string> | ((field: string) => string | undefined);

const lookup = (by: ByField | undefined, field: string) => (typeof by === 'function' ? by(field) : by?.[field]);

/**
 * What the server refused: role=alert, focused when it appears so keyboard and screen-reader users
 * land on it, its summary, then each field's messages linking to the field (`fieldIds`) under the
 * field's label (`labels`).
 */
export function ErrorSummary({ state, id, fieldIds, labels }: {
  state: { status: string; summary?: Message; fields?: FieldMessages; at?: number };
  id: string;
  fieldIds?: ByField;
  labels?: ByField;
}) {
  const t = useTranslations('form');
  const message = useMessage();
  const box = useRef<HTMLDivElement>(null);
  const at = state.status === 'error' ? state.at : undefined;
  useEffect(() => {
    if (at) box.current?.focus();
  }, [at]);
  if (state.status !== 'error') return null;
  const entries = Object.entries(state.fields ?? {});
  return (
    <div className="error-box" role="alert" tabIndex={-1} ref={box} id={id}>
      <strong>{t('errorSummary')}</strong>
      {state.summary && <p>{message.one(state.summary)}</p>}
      {entries.length > 0 && (
        <ul>
          {entries.map(([field, messages]) => {
            const label = lookup(labels, field);
            const target = lookup(fieldIds, field);
            const text = `${label ? `${label}: ` : ''}${message.all(messages)}`;
            return <li key={field}>{target ? <a href={`#${target}`}>{text}</a> : text}</li>;
          })}
        </ul>
      )}
    </div>
  );
}
