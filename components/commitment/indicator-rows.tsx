'use client';

import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { FieldError } from '@/components/forms/field-error';
import type { FieldMessages } from '@/lib/domain/messages';

const INPUTS = [
  ['name', 'text'], ['unit', 'text'], ['baselineValue', 'decimal'], ['baselineDate', 'date'], ['targetValue', 'decimal'], ['targetDate', 'date'],
] as const;

/** The new commitment's indicators: one row to start with, more with "Add indicator". A blank row is ignored. */
export function IndicatorRows({ fields, errorId }: { fields: FieldMessages; errorId: (key: string) => string }) {
  const t = useTranslations('commitments.newForm');
  const [rows, setRows] = useState([0]);
  const next = useRef(1);
  const [added, setAdded] = useState<number | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  // A row just added takes the focus on its first input.
  useEffect(() => {
    if (added !== null) document.getElementById(`new-indicators-${added}-name`)?.focus();
  }, [added]);

  function add() {
    const key = next.current++;
    setAdded(key);
    setRows([...rows, key]);
  }

  return (
    <fieldset className="field indicator-rows">
      <legend>{t('indicatorsLegend')}</legend>
      <p className="field__hint">{t('indicatorsHint')}</p>
      {rows.map((row, index) => {
        const name = (f: string) => `indicators.${row}.${f}`;
        const id = (f: string) => `new-indicators-${row}-${f}`;
        return (
          <fieldset key={row} className="indicator-row">
            <legend>{t('indicatorN', { n: index + 1 })}</legend>
            <div className="indicator-row__grid">
              {INPUTS.map(([f, kind]) => (
                <div className="field" key={f}>
                  <label htmlFor={id(f)}>{t(`indicator.${f}`)}</label>
                  <input
                    id={id(f)} name={name(f)} type={kind === 'date' ? 'date' : 'text'} inputMode={kind === 'decimal' ? 'decimal' : undefined}
                    aria-invalid={fields[name(f)] ? true : undefined} aria-describedby={fields[name(f)] && errorId(name(f))}
                  />
                  <FieldError id={errorId(name(f))} messages={fields[name(f)]} />
                </div>
              ))}
              <div className="field">
                <label htmlFor={id('direction')}>{t('indicator.direction')}</label>
                <select id={id('direction')} name={name('direction')} defaultValue="higher_is_better">
                  <option value="higher_is_better">{t('higherIsBetter')}</option>
                  <option value="lower_is_better">{t('lowerIsBetter')}</option>
                </select>
                <FieldError id={errorId(name('direction'))} messages={fields[name('direction')]} />
              </div>
            </div>
            {rows.length > 1 && (
              <button type="button" className="button button--secondary button--small" onClick={() => {
                  setRows(rows.filter((r) => r !== row));
                  addButton.current?.focus();
                }}
              >
                {t('removeIndicator', { n: index + 1 })}
              </button>
            )}
          </fieldset>
        );
      })}
      <div>
        <button type="button" className="button button--secondary" onClick={add} ref={addButton}>{t('addIndicator')}</button>
      </div>
    </fieldset>
  );
}
