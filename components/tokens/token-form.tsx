'use client';

import { useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import { describedBy } from '@/components/forms/described-by';
import { ErrorSummary } from '@/components/forms/error-summary';
import { FieldError } from '@/components/forms/field-error';
import { SubmitButton } from '@/components/forms/submit-button';
import { SuccessMessage } from '@/components/forms/success-message';
import { TextField } from '@/components/forms/text-field';
import { useFormAction } from '@/components/forms/use-form-action';
import type { FormState } from '@/lib/domain/form-state';

const ID = 'new-token';

/** Makes a personal API token; the answer shows the token this once, with a copy button. */
export function TokenForm({ action }: { action: (state: FormState, form: FormData) => Promise<FormState> }) {
  const t = useTranslations('account.tokens');
  const { state, formAction, onSubmit, pending, fields } = useFormAction(action);
  const labels = { name: t('name'), scope: t('scope'), expiresInDays: t('expiresInDays') };
  const fieldIds = { name: `${ID}-name`, scope: `${ID}-scope-read`, expiresInDays: `${ID}-expiresInDays` };
  return (
    <form action={formAction} onSubmit={onSubmit} className="form admin-form" noValidate>
      <ErrorSummary state={state} fieldIds={fieldIds} labels={labels} id={`${ID}-errors`} />
      <SuccessMessage state={state}>{state.status === 'success' && state.secret && <OneTimeToken token={state.secret} />}</SuccessMessage>
      <TextField formId={ID} name="name" label={labels.name} hint={t('nameHint')} errors={fields.name} required maxLength={100} />
      <fieldset className="field" aria-describedby={describedBy(fields.scope && `${ID}-scope-error`)}>
        <legend>{labels.scope}</legend>
        <div>
          <input type="radio" id={`${ID}-scope-read`} name="scope" value="read" defaultChecked />
          <label htmlFor={`${ID}-scope-read`}>{t('scopeRead')}</label>
        </div>
        <div>
          <input type="radio" id={`${ID}-scope-read-write`} name="scope" value="read-write" />
          <label htmlFor={`${ID}-scope-read-write`}>{t('scopeReadWrite')}</label>
        </div>
        <FieldError id={`${ID}-scope-error`} messages={fields.scope} />
      </fieldset>
      <TextField
        formId={ID} name="expiresInDays" label={labels.expiresInDays} hint={t('expiresHint')} errors={fields.expiresInDays}
        type="number" inputMode="numeric" min={1} max={365} defaultValue={90} required short
      />
      <div>
        <SubmitButton label={t('create')} pending={pending} />
      </div>
    </form>
  );
}

/** The new token, shown once; it lives only in this page's memory. */
function OneTimeToken({ token }: { token: string }) {
  const t = useTranslations('account.tokens');
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const labelId = useId();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="one-time-password">
      <p className="one-time-password__label" id={labelId}>{t('secretLabel')}</p>
      <code className="one-time-password__value" aria-labelledby={labelId} translate="no" data-testid="new-token">{token}</code>
      <p className="field__hint">{t('secretHelp')}</p>
      <button type="button" className="button button--secondary" onClick={copy}>{t('copy')}</button>
      <span aria-live="polite" className="one-time-password__copied">
        {copied === 'yes' ? t('copied') : copied === 'failed' ? t('copyFailed') : ''}
      </span>
    </div>
  );
}
