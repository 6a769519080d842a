import 'server-only';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { cellText, type CellType, restoreNeutralised } from '@/lib/domain/spreadsheet-cells';
import { AppError } from '../errors';
import { checkZipBudget } from './zip-budget';

// Reading an uploaded spreadsheet, CSV or XLSX, into rows of text keyed by column: the same text
// whichever format it came in, so that a file exported and imported unchanged compares equal.

const IMPORT_LIMITS = {
  bytes: 10 * 1024 * 1024,
  rows: 20_000,
  /** What an XLSX may expand to: far more than 20,000 rows need, far less than a zip bomb. */
  inflatedBytes: 100 * 1024 * 1024,
};

export interface ImportSheet {
  format: 'csv' | 'xlsx';
  header: string[];
  /** The data rows, with their row number in the file (the header is row 1). */
  rows: { row: number; cells: Record<string, string> }[];
}

function refused(reason: string, values: Record<string, string | number> = {}): AppError {
  return new AppError('bad_request', { key: `imports.refused.${reason}`, values });
}

/** The file as rows, or a 4xx naming what is wrong with it; `types` says how to read each known column. */
export async function readImportFile(bytes: Buffer, types: Record<string, CellType>): Promise<ImportSheet> {
  if (bytes.length === 0) throw refused('empty');
  if (bytes.length > IMPORT_LIMITS.bytes) {
    throw new AppError('payload_too_large', { key: 'imports.refused.tooLarge', values: { megabytes: IMPORT_LIMITS.bytes / 1024 / 1024 } });
  }
  const isZip = bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  const sheet = isZip ? await readXlsx(bytes, types) : readCsv(bytes);
  if (sheet.rows.length > IMPORT_LIMITS.rows) throw refused('tooManyRows', { limit: IMPORT_LIMITS.rows, count: sheet.rows.length });
  return sheet;
}

function readCsv(bytes: Buffer): ImportSheet {
  let text: string;
  try {
    // The byte-order mark the export writes is dropped here; bytes that are not UTF-8 are refused.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refused('notUtf8');
  }
  let records: string[][];
  try {
    records = parse(text, { skip_empty_lines: true, relax_column_count: false }) as string[][];
  } catch (error) {
    throw refused('unreadableCsv', { detail: error instanceof Error ? error.message : '' });
  }
  const [header = [], ...data] = records;
  return {
    format: 'csv',
    header: header.map((name) => name.trim()),
    rows: data.map((values, index) => ({
      row: index + 2,
      cells: Object.fromEntries(header.map((name, i) => [name.trim(), restoreNeutralised(values[i] ?? '')])),
    })),
  };
}

async function readXlsx(bytes: Buffer, types: Record<string, CellType>): Promise<ImportSheet> {
  const verdict = checkZipBudget(bytes, IMPORT_LIMITS.inflatedBytes);
  if (!verdict.ok) {
    throw verdict.reason === 'too_large'
      ? refused('inflatesTooMuch', { megabytes: IMPORT_LIMITS.inflatedBytes / 1024 / 1024 })
      : refused('unreadableXlsx');
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw refused('unreadableXlsx');
  }
  const worksheet = workbook.worksheets[0];
  if (!worksheet) throw refused('empty');
  if (worksheet.actualRowCount > IMPORT_LIMITS.rows + 1) {
    throw refused('tooManyRows', { limit: IMPORT_LIMITS.rows, count: worksheet.actualRowCount - 1 });
  }
  const grid: { row: number; values: (string | number | boolean | Date | null)[] }[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: (string | number | boolean | Date | null)[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      values[column - 1] = plainValue(cell);
    });
    grid.push({ row: rowNumber, values });
  });
  const [head, ...data] = grid;
  const header = (head?.values ?? []).map((value) => (value === null || value === undefined ? '' : String(value).trim()));
  return {
    format: 'xlsx',
    header,
    rows: data
      .filter((line) => line.values.some((value) => value !== null && value !== undefined && value !== ''))
      .map((line) => ({
        row: line.row,
        cells: Object.fromEntries(header.map((name, i) => [name, cellText(types[name] ?? 'text', line.values[i] ?? null)])),
      })),
  };
}

/** A cell's value as a plain value; a formula anywhere refuses the whole file. */
function plainValue(cell: ExcelJS.Cell): string | number | boolean | Date | null {
  if (cell.type === ExcelJS.ValueType.Formula || cell.formula) throw refused('formula', { cell: cell.address });
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('formula' in value || 'sharedFormula' in value) throw refused('formula', { cell: cell.address });
  if ('error' in value) throw refused('cellError', { cell: cell.address });
  return null;
}
