'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { createCommitmentAction } from '@/app/commitments/new/actions';
import { describedBy } from '@/components/forms/described-by';
import { ErrorSummary } from '@/components/forms/error-summary';
import { FieldError } from '@/components/forms/field-error';
import { SubmitButton } from '@/components/forms/submit-button';
import { useFormAction } from '@/components/forms/use-form-action';
import type { AgendaOption, OrganisationOption, SectorOption } from '@/lib/server/forms/reference-data';
import { IndicatorRows } from './indicator-rows';

interface Props {
  agendas: AgendaOption[];
  sectors: SectorOption[];
  organisations: OrganisationOption[];
  /** The viewer's organisation, pre-selected on its country's side. */
  own: { id: string; country: string } | null;
  /** Country names by code, in the reader's language. */
  countryNames: Record<string, string>;
}

const TOP_FIELDS = ['agendaId', 'sector', 'title', 'description', 'sourcePassage', 'leadOrgAId', 'leadOrgBId', 'dueDate'] as const;

export function NewCommitmentForm({ agendas, sectors, organisations, own, countryNames }: Props) {
  const t = useTranslations('commitments.newForm');
  const { state, formAction, onSubmit, pending, fields } = useFormAction(createCommitmentAction);
  const [agendaId, setAgendaId] = useState(agendas[0]?.id ?? '');
  const agenda = agendas.find((a) => a.id === agendaId);
  const pick = (country: string | undefined) => (own && own.country === country ? own.id : '');
  const [leads, setLeads] = useState({ a: pick(agenda?.partyA), b: pick(agenda?.partyB) });

  const errorId = (key: string) => `new-${key.replace(/\./g, '-')}-error`;
  const invalid = (key: string) => (fields[key] ? true : undefined);
  const country = (code: string | undefined) => (code ? countryNames[code] ?? code : '');
  const label = (key: string) => {
    if ((TOP_FIELDS as readonly string[]).includes(key)) return t(`label.${key}` as 'label.title', { partyA: country(agenda?.partyA), partyB: country(agenda?.partyB) });
    const ind = /^indicators\.(\d+)\.(.+)$/.exec(key);
    return ind ? t('indicatorField', { field: t(`indicator.${ind[2]}` as 'indicator.name') }) : undefined;
  };
  const fieldId = (key: string) => ((TOP_FIELDS as readonly string[]).includes(key) ? `new-${key}` : /^indicators\./.test(key) ? `new-${key.replace(/\./g, '-')}` : undefined);

  function chooseAgenda(id: string) {
    setAgendaId(id);
    const next = agendas.find((a) => a.id === id);
    setLeads({ a: pick(next?.partyA), b: pick(next?.partyB) });
  }

  const text = (key: 'title' | 'description' | 'sourcePassage', multiline: boolean, hint?: string) => (
    <div className="field">
      <label htmlFor={`new-${key}`}>{label(key)}</label>
      {hint && <p className="field__hint" id={`new-${key}-hint`}>{hint}</p>}
      {multiline ? (
        <textarea id={`new-${key}`} name={key} rows={4} aria-invalid={invalid(key)} aria-describedby={describedBy(hint && `new-${key}-hint`, fields[key] && errorId(key))} />
      ) : (
        <input id={`new-${key}`} name={key} maxLength={300} aria-invalid={invalid(key)} aria-describedby={describedBy(hint && `new-${key}-hint`, fields[key] && errorId(key))} />
      )}
      <FieldError id={errorId(key)} messages={fields[key]} />
    </div>
  );

  return (
    <form action={formAction} onSubmit={onSubmit} className="form" noValidate>
      <ErrorSummary state={state} id="new-errors" fieldIds={fieldId} labels={label} />
      <div className="field">
        <label htmlFor="new-agendaId">{label('agendaId')}</label>
        <select id="new-agendaId" name="agendaId" value={agendaId} onChange={(e) => chooseAgenda(e.target.value)} aria-invalid={invalid('agendaId')} aria-describedby={fields.agendaId && errorId('agendaId')}>
          {agendas.map((a) => <option key={a.id} value={a.id}>{a.title}</option>)}
        </select>
        <FieldError id={errorId('agendaId')} messages={fields.agendaId} />
      </div>
      <div className="field">
        <label htmlFor="new-sector">{label('sector')}</label>
        <select id="new-sector" name="sector" defaultValue="" aria-invalid={invalid('sector')} aria-describedby={fields.sector && errorId('sector')}>
          <option value="">{t('choose')}</option>
          {sectors.map((s) => <option key={s.slug} value={s.slug}>{s.name}</option>)}
        </select>
        <FieldError id={errorId('sector')} messages={fields.sector} />
      </div>
      {text('title', false)}
      {text('description', true)}
      {text('sourcePassage', true, t('sourcePassageHint'))}
      {([['leadOrgAId', 'a', agenda?.partyA], ['leadOrgBId', 'b', agenda?.partyB]] as const).map(([key, side, code]) => (
        <div className="field" key={key}>
          <label htmlFor={`new-${key}`}>{label(key)}</label>
          <select
            id={`new-${key}`} name={key} value={leads[side]} onChange={(e) => setLeads({ ...leads, [side]: e.target.value })}
            aria-invalid={invalid(key)} aria-describedby={fields[key] && errorId(key)}
          >
            <option value="">{t('choose')}</option>
            {organisations.filter((o) => o.country === code).map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
          </select>
          <FieldError id={errorId(key)} messages={fields[key]} />
        </div>
      ))}
      <div className="field">
        <label htmlFor="new-dueDate">{label('dueDate')}</label>
        <p className="field__hint" id="new-dueDate-hint">{t('dueDateHint')}</p>
        <input id="new-dueDate" name="dueDate" type="date" aria-invalid={invalid('dueDate')} aria-describedby={describedBy('new-dueDate-hint', fields.dueDate && errorId('dueDate'))} />
        <FieldError id={errorId('dueDate')} messages={fields.dueDate} />
      </div>
      <IndicatorRows fields={fields} errorId={errorId} />
      <div>
        <SubmitButton label={t('submit')} pending={pending} />{' '}
        <Link href="/commitments">{t('cancel')}</Link>
      </div>
    </form>
  );
}
