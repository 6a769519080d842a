'use client';

import { useFormStatus } from 'react-dom';
import { useTranslations } from 'next-intl';

/** The form's submit button; while the form is sent it is disabled and says so. */
export function SubmitButton({ label, pending, pendingLabel, className = 'button' }: {
  label: string;
  pending?: boolean;
  pendingLabel?: string;
  className?: string;
}) {
  const t = useTranslations('form');
  const status = useFormStatus();
  const busy = Boolean(pending || status.pending);
  return (
    <button type="submit" className={className} disabled={busy} aria-disabled={busy}>
      {busy ? (pendingLabel ?? t('working')) : label}
    </button>
  );
}
