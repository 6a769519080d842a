// Facts about a commitment's fields that both the server and the browser's forms need; no zod here,
// so the forms do not carry the schemas' code.

/** What an edit may change. The stage is not among them: it moves only with a status update. */
export const EDITABLE_FIELDS = ['title', 'description', 'sourcePassage', 'sector', 'dueDate', 'leadOrgAId', 'leadOrgBId'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];
/** The editable fields as a form holds them: text, with '' for "no due date". */
export type EditableValues = Record<EditableField, string>;

/** An evidence link: a full http:// or https:// address with a host and no spaces. */
export function isHttpUrl(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}
