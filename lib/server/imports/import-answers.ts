import 'server-only';
import { messageText } from '../catalogue';
import type { ImportPreview } from './imports';

/** An import as the API answers it: each problem's message as text, with the column it concerns (null for the whole row). */
export function toApiImport(preview: ImportPreview) {
  return {
    ...preview,
    rows: preview.rows.map((row) => ({
      ...row,
      errors: row.errors.map((problem) => ({ column: problem.column || null, message: messageText(problem.message) })),
    })),
  };
}
