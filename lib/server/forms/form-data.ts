// Reading a browser form: every value arrives as text (or a file, which no form here sends).

/** The text of one field, or undefined when it is absent or not text. */
export function field(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === 'string' ? value : undefined;
}

/** The text of one field as typed; '' when absent. */
export function text(form: FormData, name: string): string {
  return field(form, name) ?? '';
}

/** The text of one field, trimmed; '' when absent. */
export function trimmed(form: FormData, name: string): string {
  return (field(form, name) ?? '').trim();
}

/**
 * A number typed in a form, handed to the schema as it was typed: '' is "no number" (undefined),
 * anything else goes through Number(), so "NaN", "Infinity" or "abc" reach the schema, which refuses
 * them with its own message.
 */
export function numberField(form: FormData, name: string): number | undefined {
  const raw = trimmed(form, name);
  return raw === '' ? undefined : Number(raw);
}

/** One URL per line (blank lines ignored). */
export function lines(form: FormData, name: string): string[] {
  return trimmed(form, name)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
