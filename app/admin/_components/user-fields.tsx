'use client';

import { useTranslations } from 'next-intl';
import { describedBy } from '@/components/forms/described-by';
import { FieldError } from '@/components/forms/field-error';
import type { FieldMessages } from '@/lib/domain/messages';
import { ROLES } from '@/lib/domain/roles';

export interface OrganisationChoice {
  id: string;
  name: string;
  shortName: string | null;
  country: string;
}

/** Name, role and organisation: shared by "add a user" and "edit a user". */
export function AccessFields({ prefix, fields, organisations, defaults }: {
  prefix: string;
  fields: FieldMessages;
  organisations: OrganisationChoice[];
  defaults: { name?: string; role?: string; organisationId?: string | null };
}) {
  const t = useTranslations();
  const id = (name: string) => `${prefix}-${name}`;
  return (
    <>
      <div className="field">
        <label htmlFor={id('name')}>{t('admin.users.fields.name')}</label>
        <input
          id={id('name')} name="name" type="text" autoComplete="off" required maxLength={200} defaultValue={defaults.name ?? ''}
          aria-invalid={fields.name ? true : undefined} aria-describedby={describedBy(fields.name && id('name-error'))}
        />
        <FieldError id={id('name-error')} messages={fields.name} />
      </div>
      <div className="field">
        <label htmlFor={id('role')}>{t('admin.users.fields.role')}</label>
        <select
          id={id('role')} name="role" required defaultValue={defaults.role ?? 'reviewer'}
          aria-invalid={fields.role ? true : undefined} aria-describedby={describedBy(id('role-hint'), fields.role && id('role-error'))}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>{t(`user.role.${role}`)}</option>
          ))}
        </select>
        <p className="field__hint" id={id('role-hint')}>{t('admin.users.fields.roleHint')}</p>
        <FieldError id={id('role-error')} messages={fields.role} />
      </div>
      <div className="field">
        <label htmlFor={id('organisationId')}>{t('admin.users.fields.organisation')}</label>
        <select
          id={id('organisationId')} name="organisationId" defaultValue={defaults.organisationId ?? ''}
          aria-invalid={fields.organisationId ? true : undefined}
          aria-describedby={describedBy(id('organisationId-hint'), fields.organisationId && id('organisationId-error'))}
        >
          <option value="">{t('admin.users.fields.noOrganisation')}</option>
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>{`${o.country} · ${o.name}${o.shortName ? ` (${o.shortName})` : ''}`}</option>
          ))}
        </select>
        <p className="field__hint" id={id('organisationId-hint')}>{t('admin.users.fields.organisationHint')}</p>
        <FieldError id={id('organisationId-error')} messages={fields.organisationId} />
      </div>
    </>
  );
}
