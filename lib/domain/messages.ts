// What the server and the rules tell a reader is never a sentence but a key of the message catalogue
// (messages/<locale>/*.json) with the values it fills in, so the browser and the API render it in
// the reader's language from one place.

export interface Message {
  key: string;
  values?: Record<string, string | number>;
}

/** Messages about single fields, by the field's path ("readings.0.asOf"); '_' holds those about the whole input. */
export type FieldMessages = Record<string, Message[]>;

/**
 * A value named `label`, or ending in `Label`, names a catalogue entry (a field's label, a stage's
 * name) that is translated before it fills the message: "{label} is required." reads "Title is required."
 */
function isLabelValue(name: string): boolean {
  return name === 'label' || name.endsWith('Label');
}

/** The catalogue entry of the label of the field at `path`: list positions drop out ("indicators.0.name" → field.indicators_name). */
export function fieldLabelKey(path: readonly PropertyKey[]): string {
  const names = path.filter((part) => typeof part === 'string');
  return names.length ? `field.${names.join('_')}` : 'field.input';
}

/** The part of a translator that renders messages; next-intl's `t` from useTranslations() or createTranslator() fits. */
export interface Translate {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

/** Shown for a key the catalogue lacks, which the catalogue tests rule out. */
const UNKNOWN_MESSAGE = 'validation.invalid';

/** One message in the translator's language, its label values translated first. */
export function renderMessage(t: Translate, message: Message): string {
  if (!t.has(message.key)) return t(UNKNOWN_MESSAGE);
  if (!message.values) return t(message.key);
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.values)) {
    values[name] = isLabelValue(name) && typeof value === 'string' && t.has(value) ? t(value) : value;
  }
  return t(message.key, values);
}

/** Several messages about one field, as one text. */
export function renderMessages(t: Translate, messages: readonly Message[]): string {
  return messages.map((m) => renderMessage(t, m)).join(' ');
}
