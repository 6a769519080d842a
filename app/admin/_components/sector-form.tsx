'use client';

import { useTranslations } from 'next-intl';
import { TextField } from '@/components/forms/text-field';
import { createSectorAction } from '../sectors/actions';
import { CreateForm } from './create-form';

const FIELDS = ['name', 'slug', 'colour'] as const;

/** Add a sector: its name, its slug (made from the name when left empty) and its chart colour. */
export function SectorForm() {
  const t = useTranslations('admin.sectors');
  const formId = 'new-sector';
  const labels = Object.fromEntries(FIELDS.map((name) => [name, t(`fields.${name}`)]));
  return (
    <CreateForm action={createSectorAction} formId={formId} labels={labels} submit={t('create.submit')}>
      {(fields) => (
        <>
          <TextField formId={formId} name="name" label={labels.name!} errors={fields.name} required maxLength={100} />
          <TextField formId={formId} name="slug" label={labels.slug!} hint={t('fields.slugHint')} errors={fields.slug} maxLength={60} spellCheck={false} />
          <TextField
            formId={formId} name="colour" type="color" label={labels.colour!} hint={t('fields.colourHint')} errors={fields.colour}
            defaultValue="#56b4e9" short
          />
        </>
      )}
    </CreateForm>
  );
}
