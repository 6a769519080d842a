// What a spreadsheet cell written by the exports holds. Pure rules, shared by the exports and the
// imports that read the same files back.

export type CellType = 'text' | 'integer' | 'number' | 'date' | 'datetime' | 'boolean';
export type CellValue = string | number | boolean | null;

/** One column of an export: its name in the header row (the same in every language), its type, its value. */
export interface ExportColumn<Row> {
  key: string;
  type: CellType;
  value(row: Row): CellValue;
  /** Width in characters, for XLSX. */
  width?: number;
}

// A cell that starts with one of these is read as a formula by Excel, LibreOffice and Sheets.
const FORMULA_START = /^[=+\-@\t\r]/;
// Text that already looks neutralised ("'=x" as typed) gets its own apostrophe too, so that reading
// a file back can take exactly one off.
const MARKED = /^'+[=+\-@\t\r]/;

/**
 * Text a spreadsheet would read as a formula (`=HYPERLINK(…)`, `+1`, `@SUM`, a leading tab or carriage
 * return), made inert with a leading apostrophe, as spreadsheets themselves mark literal text.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) || MARKED.test(text) ? `'${text}` : text;
}

/** A cell as CSV text: numbers as written, dates as YYYY-MM-DD, times in ISO 8601 UTC, text neutralised. */
export function csvCell(type: CellType, value: CellValue): string {
  if (value === null) return '';
  if (type === 'text') return neutraliseFormula(String(value));
  if (type === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

/** Text read back from a cell the export wrote: the apostrophe neutraliseFormula added is taken off again. */
export function restoreNeutralised(text: string): string {
  return MARKED.test(text) ? text.slice(1) : text;
}

/**
 * A value read from an XLSX cell as the text its CSV twin holds, for the column's type: dates as
 * YYYY-MM-DD (at UTC, as the export writes them), times in ISO 8601 UTC, true/false, numbers as written.
 */
export function cellText(type: CellType, value: string | number | boolean | Date | null): string {
  if (value === null) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return type === 'date' ? iso.slice(0, 10) : `${iso.slice(0, 19)}Z`;
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return type === 'text' ? restoreNeutralised(String(value)) : String(value);
}
