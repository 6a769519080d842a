'use client';

import { useTranslations } from 'next-intl';
import { describedBy } from '@/components/forms/described-by';
import { ErrorSummary } from '@/components/forms/error-summary';
import { FieldError } from '@/components/forms/field-error';
import { SubmitButton } from '@/components/forms/submit-button';
import { useFormAction } from '@/components/forms/use-form-action';
import { previewImportAction } from './actions';

const ID = 'import-file';

export function UploadForm() {
  const t = useTranslations('imports.page');
  const { state, formAction, onSubmit, pending, fields } = useFormAction(previewImportAction);
  return (
    <form action={formAction} onSubmit={onSubmit} className="form admin-form" encType="multipart/form-data" noValidate>
      <ErrorSummary state={{ ...state, fields: {} }} id={`${ID}-errors`} />
      <div className="field">
        <label htmlFor={ID}>{t('fileLabel')}</label>
        <input
          id={ID} name="file" type="file" required
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-invalid={fields.file ? true : undefined}
          aria-describedby={describedBy(`${ID}-hint`, fields.file && `${ID}-error`)}
        />
        <p className="field__hint" id={`${ID}-hint`}>{t('rules')}</p>
        <FieldError id={`${ID}-error`} messages={fields.file} />
      </div>
      <div>
        <SubmitButton label={t('preview')} pendingLabel={t('previewing')} pending={pending} />
      </div>
    </form>
  );
}
