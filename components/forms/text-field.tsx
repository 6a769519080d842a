'use client';

import type { InputHTMLAttributes } from 'react';
import type { Message } from '@/lib/domain/messages';
import { describedBy } from './described-by';
import { FieldError } from './field-error';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'aria-invalid' | 'aria-describedby'>;

/**
 * One labelled input with its hint and its field errors, wired for assistive technology: the
 * input's id is `${formId}-${name}`, its hint and errors are what it is described by.
 */
export function TextField({ formId, name, label, hint, errors, short = false, ...input }: InputProps & {
  formId: string;
  name: string;
  label: string;
  hint?: string;
  errors?: Message[];
  /** A narrow field (a code, a date). */
  short?: boolean;
}) {
  const id = `${formId}-${name}`;
  return (
    <div className={short ? 'field field--short' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id} name={name} type="text" autoComplete="off" {...input}
        aria-invalid={errors ? true : undefined} aria-describedby={describedBy(hint && `${id}-hint`, errors && `${id}-error`)}
      />
      {hint && <p className="field__hint" id={`${id}-hint`}>{hint}</p>}
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}
