import type { FieldMessages, Message } from '../../lib/domain/messages';
import { messageText } from '../../lib/server/catalogue';

/** A message as an English reader sees it. */
export function english(message: Message): string {
  return messageText(message);
}

/** Each field's messages in English, joined as a form or the API shows them. */
export function englishFields(fields: FieldMessages): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([path, messages]) => [path, messages.map(english).join(' ')]));
}

/** Each field's catalogue keys, for tests that check which rule answered rather than its wording. */
export function fieldKeys(fields: FieldMessages): Record<string, string[]> {
  return Object.fromEntries(Object.entries(fields).map(([path, messages]) => [path, messages.map((m) => m.key)]));
}
