'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { postUpdateAction } from '@/app/commitments/[id]/actions';
import { describedBy } from '@/components/forms/described-by';
import { ErrorSummary } from '@/components/forms/error-summary';
import { FieldError } from '@/components/forms/field-error';
import { SubmitButton } from '@/components/forms/submit-button';
import { SuccessMessage } from '@/components/forms/success-message';
import { useFormAction } from '@/components/forms/use-form-action';
import { useMessage } from '@/components/forms/use-message';
import { isHttpUrl } from '@/lib/domain/commitment-fields';
import { checkTransition, type Direction, HEALTHS, type Health, type Stage, STAGES } from '@/lib/domain/stages';
import type { PostUpdateState } from '@/lib/server/forms/post-update';

interface UpdateFormIndicator {
  id: string;
  name: string;
  unit: string;
  baselineValue: number;
  targetValue: number;
  direction: Direction;
}

interface Props {
  commitmentId: string;
  stage: Stage;
  health: Health;
  indicators: UpdateFormIndicator[];
  /** Whether the viewer may move a dropped commitment back (the `commitment.reopen` permission). */
  mayReopen: boolean;
  /** Today in UTC, YYYY-MM-DD: the latest as-of date the server accepts. */
  today: string;
}

export function UpdateForm(props: Props) {
  const t = useTranslations('commitments.updateForm');
  const tStage = useTranslations('stage');
  const tHealth = useTranslations('health');
  const { state, formAction, onSubmit, pending, fields } = useFormAction(postUpdateAction);
  return (
    <>
      {/* The form is replaced after a successful post; focus goes to the confirmation, not to the page's top. */}
      <SuccessMessage state={state}>
        {state.status === 'success' && <p>{t('posted', { sequence: state.sequence, stage: tStage(state.stage), health: tHealth(state.health) })}</p>}
      </SuccessMessage>
      {/* A fresh form after each posted update, starting from the commitment's new stage and health. */}
      <UpdateFields
        key={state.status === 'success' ? state.id : 'form'} {...props} state={state} formAction={formAction} onSubmit={onSubmit} pending={pending} fields={fields}
      />
    </>
  );
}

const ID = {
  stage: 'update-stage', health: 'update-health', narrative: 'update-narrative', evidence: 'update-evidence',
  nextStep: 'update-next-step', readings: 'update-readings', rules: 'update-rules', summary: 'update-errors',
};
const readingId = (indicatorId: string, part: 'value' | 'asOf') => `update-reading-${indicatorId}-${part === 'value' ? 'value' : 'asof'}`;

type FormParts = ReturnType<typeof useFormAction<PostUpdateState>>;

function UpdateFields({
  commitmentId, stage: from, health, indicators, mayReopen, today, state, formAction, onSubmit, pending, fields,
}: Props & Pick<FormParts, 'state' | 'formAction' | 'onSubmit' | 'pending' | 'fields'>) {
  const t = useTranslations('commitments.updateForm');
  const tStage = useTranslations('stage');
  const tHealth = useTranslations('health');
  const message = useMessage();
  const [stage, setStage] = useState<Stage>(from);
  const [narrative, setNarrative] = useState('');
  const [evidence, setEvidence] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});

  // The same pure rules the server applies, run on what the form holds now, to explain up front.
  const readings = indicators.flatMap((ind) => {
    const raw = values[ind.id]?.trim() ?? '';
    const value = Number(raw);
    return raw !== '' && Number.isFinite(value) ? [{ indicatorId: ind.id, value, asOf: today }] : [];
  });
  const verdict = stage === from ? null : checkTransition({
    from, to: stage, narrative, evidence: evidence.split('\n').map((line) => line.trim()).filter(isHttpUrl), readings, indicators, mayReopen,
  });

  const errorId = (key: string) => `update-error-${key.replace(/[^a-zA-Z0-9-]/g, '-')}`;
  const invalid = (key: string) => (fields[key] ? true : undefined);
  const targetOf = (key: string): string | undefined => {
    const reading = /^reading\.(.+)\.(value|asOf)$/.exec(key);
    if (reading) return readingId(reading[1]!, reading[2] as 'value' | 'asOf');
    if (key === 'health') return `${ID.health}-${health}`;
    if (key === 'readings') return indicators[0] ? readingId(indicators[0].id, 'value') : undefined;
    return (ID as Record<string, string>)[key];
  };
  const labelOf = (key: string): string | undefined => {
    const reading = /^reading\.(.+)\.(value|asOf)$/.exec(key);
    if (reading) {
      const name = indicators.find((i) => i.id === reading[1])?.name ?? '';
      return `${name}, ${reading[2] === 'value' ? t('readingValueShort') : t('asOf')}`;
    }
    const known = ['stage', 'health', 'narrative', 'evidence', 'nextStep', 'readings'];
    return known.includes(key) ? t(`label.${key}` as 'label.stage') : undefined;
  };

  return (
    <form action={formAction} onSubmit={onSubmit} className="form update-form" noValidate>
      <ErrorSummary state={state} id={ID.summary} fieldIds={targetOf} labels={labelOf} />
      <input type="hidden" name="commitmentId" value={commitmentId} />

      <div className="field">
        <label htmlFor={ID.stage}>{t('label.stage')}</label>
        <select
          id={ID.stage} name="stage" value={stage} onChange={(e) => setStage(e.target.value as Stage)}
          aria-invalid={invalid('stage')} aria-describedby={describedBy(ID.rules, fields.stage && errorId('stage'))}
        >
          {STAGES.map((s) => (
            <option key={s} value={s}>{s === from ? t('currentStage', { stage: tStage(s) }) : tStage(s)}</option>
          ))}
        </select>
        <FieldError id={errorId('stage')} messages={fields.stage} />
      </div>

      <div id={ID.rules} aria-live="polite" className="rules">
        {verdict && !verdict.ok && (
          <div className="notice">
            <strong>{t('notYet', { from: tStage(from), to: tStage(stage) })}</strong>
            <ul>{verdict.problems.map((p) => <li key={p.code}>{message.one(p.message)}</li>)}</ul>
            <p className="field__hint">{t('serverDecides')}</p>
          </div>
        )}
        {verdict?.ok && <p className="notice notice--info">{t('moveOk', { from: tStage(from), to: tStage(stage) })}</p>}
      </div>

      <fieldset className="field" aria-invalid={invalid('health')} aria-describedby={fields.health && errorId('health')}>
        <legend>{t('label.health')}</legend>
        <div className="choices">
          {HEALTHS.map((h) => (
            <label key={h} className="choice">
              <input type="radio" name="health" value={h} id={`${ID.health}-${h}`} defaultChecked={h === health} /> {tHealth(h)}
            </label>
          ))}
        </div>
        <FieldError id={errorId('health')} messages={fields.health} />
      </fieldset>

      {indicators.length > 0 && (
        <fieldset className="field" id={ID.readings} aria-describedby={describedBy('update-readings-hint', fields.readings && errorId('readings'))}>
          <legend>{t('label.readings')}</legend>
          <p className="field__hint" id="update-readings-hint">{t('readingsHint')}</p>
          {indicators.map((ind) => {
            const valueKey = `reading.${ind.id}.value`;
            const dateKey = `reading.${ind.id}.asOf`;
            const hintId = `update-reading-${ind.id}-hint`;
            return (
              <div key={ind.id} className="reading-row">
                <p className="reading-row__name" id={`update-reading-${ind.id}-name`}>{ind.name}</p>
                <p className="field__hint" id={hintId}>{t('indicatorHint', { baseline: ind.baselineValue, target: ind.targetValue, unit: ind.unit })}</p>
                <div className="reading-row__inputs">
                  <div className="field">
                    <label htmlFor={readingId(ind.id, 'value')}>{t('readingValue', { unit: ind.unit })}</label>
                    <input
                      id={readingId(ind.id, 'value')} name={valueKey} inputMode="decimal" autoComplete="off"
                      value={values[ind.id] ?? ''} onChange={(e) => setValues({ ...values, [ind.id]: e.target.value })}
                      aria-invalid={invalid(valueKey)}
                      aria-describedby={describedBy(`update-reading-${ind.id}-name`, hintId, fields[valueKey] && errorId(valueKey))}
                    />
                    <FieldError id={errorId(valueKey)} messages={fields[valueKey]} />
                  </div>
                  <div className="field">
                    <label htmlFor={readingId(ind.id, 'asOf')}>{t('asOf')}</label>
                    <input
                      id={readingId(ind.id, 'asOf')} name={dateKey} type="date" defaultValue={today} max={today}
                      aria-invalid={invalid(dateKey)} aria-describedby={describedBy(`update-reading-${ind.id}-name`, fields[dateKey] && errorId(dateKey))}
                    />
                    <FieldError id={errorId(dateKey)} messages={fields[dateKey]} />
                  </div>
                </div>
              </div>
            );
          })}
          <FieldError id={errorId('readings')} messages={fields.readings} />
        </fieldset>
      )}

      <div className="field">
        <label htmlFor={ID.narrative}>{t('label.narrative')}</label>
        <p className="field__hint" id="update-narrative-hint">{t('narrativeHint')}</p>
        <textarea
          id={ID.narrative} name="narrative" rows={4} value={narrative} onChange={(e) => setNarrative(e.target.value)}
          aria-invalid={invalid('narrative')} aria-describedby={describedBy('update-narrative-hint', fields.narrative && errorId('narrative'))}
        />
        <FieldError id={errorId('narrative')} messages={fields.narrative} />
      </div>

      <div className="field">
        <label htmlFor={ID.evidence}>{t('label.evidence')}</label>
        <p className="field__hint" id="update-evidence-hint">{t('evidenceHint')}</p>
        <textarea
          id={ID.evidence} name="evidence" rows={3} value={evidence} onChange={(e) => setEvidence(e.target.value)}
          spellCheck={false} autoCapitalize="off"
          aria-invalid={invalid('evidence')} aria-describedby={describedBy('update-evidence-hint', fields.evidence && errorId('evidence'))}
        />
        <FieldError id={errorId('evidence')} messages={fields.evidence} />
      </div>

      <div className="field">
        <label htmlFor={ID.nextStep}>{t('label.nextStep')}</label>
        <input
          id={ID.nextStep} name="nextStep" maxLength={2000}
          aria-invalid={invalid('nextStep')} aria-describedby={fields.nextStep && errorId('nextStep')}
        />
        <FieldError id={errorId('nextStep')} messages={fields.nextStep} />
      </div>

      <div>
        <SubmitButton label={t('submit')} pending={pending} />
      </div>
    </form>
  );
}

