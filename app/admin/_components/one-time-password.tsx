'use client';

import { useId, useState } from 'react';
import { useTranslations } from 'next-intl';

/** A password the server made, shown this once with a copy button; it lives only in this page's memory. */
export function OneTimePassword({ password }: { password: string }) {
  const t = useTranslations('admin.secret');
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const labelId = useId();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(password);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="one-time-password">
      <p className="one-time-password__label" id={labelId}>{t('label')}</p>
      {/* translate="no": a browser translator must not rewrite the characters. */}
      <code className="one-time-password__value" aria-labelledby={labelId} translate="no">
        {password}
      </code>
      <p className="field__hint">{t('help')}</p>
      <button type="button" className="button button--secondary" onClick={copy}>
        {t('copy')}
      </button>
      <span aria-live="polite" className="one-time-password__copied">
        {copied === 'yes' ? t('copied') : copied === 'failed' ? t('copyFailed') : ''}
      </span>
    </div>
  );
}
