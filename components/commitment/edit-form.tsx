'use client';

import { useEffect, useRef, useState } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import { editCommitmentAction } from '@/app/commitments/[id]/actions';
import { describedBy } from '@/components/forms/described-by';
import { ErrorSummary } from '@/components/forms/error-summary';
import { FieldError } from '@/components/forms/field-error';
import { SubmitButton } from '@/components/forms/submit-button';
import { useFormAction } from '@/components/forms/use-form-action';
import { EDITABLE_FIELDS as FIELDS, type EditableField, type EditableValues } from '@/lib/domain/commitment-fields';
import { parseIsoDate } from '@/lib/domain/dates';
import type { OrganisationOption, SectorOption } from '@/lib/server/forms/reference-data';
import { CommentBody } from './comment-body';

interface Props {
  commitmentId: string;
  version: number;
  initial: EditableValues;
  sectors: SectorOption[];
  leadsA: OrganisationOption[];
  leadsB: OrganisationOption[];
  partyA: string;
  partyB: string;
}

interface ConflictRow {
  field: EditableField;
  theirs: string;
  yours: string;
  byThem: boolean;
  byYou: boolean;
}

export function EditCommitmentForm({ commitmentId, version: initialVersion, initial, sectors, leadsA, leadsB, partyA, partyB }: Props) {
  const t = useTranslations('commitments.editForm');
  const format = useFormatter();
  const { state, formAction, onSubmit, pending, fields } = useFormAction(editCommitmentAction);
  const [values, setValues] = useState<EditableValues>(initial);
  // What the form was last loaded from: a field equal to it is one the user has not changed.
  const [base, setBase] = useState<EditableValues>(initial);
  const [version, setVersion] = useState(initialVersion);
  const [conflict, setConflict] = useState<ConflictRow[] | null>(null);
  const conflictBox = useRef<HTMLDivElement>(null);

  // Once per conflict answer from the server (set while rendering, so values and base are the ones
  // the user had when they sent the form).
  const [conflictAt, setConflictAt] = useState(0);
  if (state.status === 'conflict' && state.at !== conflictAt) {
    setConflictAt(state.at);
    const { version: latest, ...current } = state.current;
    const mine: EditableValues = { ...values, ...state.values };
    setConflict(
      FIELDS.filter((f) => current[f] !== base[f] || current[f] !== mine[f]).map((f) => ({
        field: f, theirs: current[f], yours: mine[f], byThem: current[f] !== base[f], byYou: mine[f] !== base[f],
      })),
    );
    // Keep every change the user made; take the latest saved text for the fields they left alone.
    setValues(Object.fromEntries(FIELDS.map((f) => [f, mine[f] !== base[f] ? mine[f] : current[f]])) as EditableValues);
    setBase(current);
    setVersion(latest);
  }
  useEffect(() => {
    if (conflict) conflictBox.current?.focus();
  }, [conflict]);

  const set = (field: EditableField) => (e: { target: { value: string } }) => setValues({ ...values, [field]: e.target.value });
  const ids = (key: string) => `edit-${key}`;
  const errorId = (key: string) => `edit-${key}-error`;
  const invalid = (key: string) => (fields[key] ? true : undefined);
  const label = (key: string) => (FIELDS as readonly string[]).includes(key) ? t(`label.${key}` as 'label.title', { partyA, partyB }) : undefined;
  const orgName = (id: string) => [...leadsA, ...leadsB].find((o) => o.id === id)?.name ?? id;
  const show = (field: EditableField, value: string) => {
    if (field === 'leadOrgAId' || field === 'leadOrgBId') return orgName(value);
    if (field === 'sector') return sectors.find((s) => s.slug === value)?.name ?? value;
    if (field === 'dueDate') return value ? format.dateTime(parseIsoDate(value), { dateStyle: 'long' }) : t('noDueDate');
    return value === '' ? t('empty') : <CommentBody body={value} />;
  };

  return (
    <form action={formAction} onSubmit={onSubmit} className="form" noValidate>
      {conflict && (
        <div className="error-box conflict" role="alert" tabIndex={-1} ref={conflictBox} id="edit-conflict">
          <h2>{t('conflictTitle')}</h2>
          <p>{t('conflictBody')}</p>
          {conflict.length > 0 && (
            <div className="table-wrap">
              <table>
                <caption>{t('conflictCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('field')}</th>
                    <th scope="col">{t('theirs')}</th>
                    <th scope="col">{t('yours')}</th>
                    <th scope="col">{t('outcome')}</th>
                  </tr>
                </thead>
                <tbody>
                  {conflict.map((row) => (
                    <tr key={row.field}>
                      <th scope="row">{label(row.field)}</th>
                      <td>{show(row.field, row.theirs)}</td>
                      <td>{show(row.field, row.yours)}</td>
                      <td>{t(row.byYou ? (row.byThem ? 'outcomeBoth' : 'outcomeYours') : 'outcomeTheirs')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p className="actions">
            <SubmitButton label={t('applyOnTop')} pending={pending} />{' '}
            <a className="button button--secondary" href={`/commitments/${commitmentId}/edit`}>{t('discard')}</a>
          </p>
        </div>
      )}
      <ErrorSummary state={state} id="edit-errors" fieldIds={(key) => ((FIELDS as readonly string[]).includes(key) ? ids(key) : undefined)} labels={label} />
      <input type="hidden" name="commitmentId" value={commitmentId} />
      <input type="hidden" name="version" value={version} />

      <div className="field">
        <label htmlFor={ids('title')}>{label('title')}</label>
        <input
          id={ids('title')} name="title" value={values.title} onChange={set('title')} required maxLength={300}
          aria-invalid={invalid('title')} aria-describedby={fields.title && errorId('title')}
        />
        <FieldError id={errorId('title')} messages={fields.title} />
      </div>
      <div className="field">
        <label htmlFor={ids('description')}>{label('description')}</label>
        <textarea
          id={ids('description')} name="description" rows={4} value={values.description} onChange={set('description')}
          aria-invalid={invalid('description')} aria-describedby={fields.description && errorId('description')}
        />
        <FieldError id={errorId('description')} messages={fields.description} />
      </div>
      <div className="field">
        <label htmlFor={ids('sourcePassage')}>{label('sourcePassage')}</label>
        <p className="field__hint" id="edit-sourcePassage-hint">{t('sourcePassageHint')}</p>
        <textarea
          id={ids('sourcePassage')} name="sourcePassage" rows={4} value={values.sourcePassage} onChange={set('sourcePassage')} required
          aria-invalid={invalid('sourcePassage')} aria-describedby={describedBy('edit-sourcePassage-hint', fields.sourcePassage && errorId('sourcePassage'))}
        />
        <FieldError id={errorId('sourcePassage')} messages={fields.sourcePassage} />
      </div>
      <div className="field">
        <label htmlFor={ids('sector')}>{label('sector')}</label>
        <select id={ids('sector')} name="sector" value={values.sector} onChange={set('sector')} aria-invalid={invalid('sector')} aria-describedby={fields.sector && errorId('sector')}>
          {sectors.map((s) => <option key={s.slug} value={s.slug}>{s.name}</option>)}
        </select>
        <FieldError id={errorId('sector')} messages={fields.sector} />
      </div>
      <div className="field">
        <label htmlFor={ids('dueDate')}>{label('dueDate')}</label>
        <p className="field__hint" id="edit-dueDate-hint">{t('dueDateHint')}</p>
        <input
          id={ids('dueDate')} name="dueDate" type="date" value={values.dueDate} onChange={set('dueDate')}
          aria-invalid={invalid('dueDate')} aria-describedby={describedBy('edit-dueDate-hint', fields.dueDate && errorId('dueDate'))}
        />
        <FieldError id={errorId('dueDate')} messages={fields.dueDate} />
      </div>
      {(['leadOrgAId', 'leadOrgBId'] as const).map((key) => (
        <div className="field" key={key}>
          <label htmlFor={ids(key)}>{label(key)}</label>
          <select id={ids(key)} name={key} value={values[key]} onChange={set(key)} aria-invalid={invalid(key)} aria-describedby={fields[key] && errorId(key)}>
            {(key === 'leadOrgAId' ? leadsA : leadsB).map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
          </select>
          <FieldError id={errorId(key)} messages={fields[key]} />
        </div>
      ))}
      <div>
        <SubmitButton label={t('submit')} pending={pending} />{' '}
        <a href={`/commitments/${commitmentId}`}>{t('cancel')}</a>
      </div>
    </form>
  );
}
