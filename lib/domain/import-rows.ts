// What an import's rows can do, and the states an import goes through: the server's plan and the
// API's answers (lib/domain/api-responses.ts) both name them from here.

/** A row creates a commitment, changes its fields, posts a status update, leaves it as it is, or cannot be applied. */
export const IMPORT_ROW_ACTIONS = ['create', 'change', 'update', 'unchanged', 'conflict', 'error'] as const;
export type ImportRowAction = (typeof IMPORT_ROW_ACTIONS)[number];

/** A preview until it is applied (once). */
export const IMPORT_STATUSES = ['previewed', 'applied'] as const;
