import 'server-only';
import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { csvCell, type ExportColumn, neutraliseFormula } from '@/lib/domain/spreadsheet-cells';

// Streaming writers for the exports: rows arrive a slice at a time and leave as they are written, so
// memory stays flat however many there are.

export type SpreadsheetFormat = 'csv' | 'xlsx';

export const CONTENT_TYPES: Record<SpreadsheetFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

interface Sheet<Row> {
  name: string;
  columns: readonly ExportColumn<Row>[];
  slices: AsyncIterable<readonly Row[]>;
}

export function spreadsheetStream<Row>(format: SpreadsheetFormat, sheet: Sheet<Row>): ReadableStream<Uint8Array> {
  return Readable.toWeb(format === 'csv' ? csvStream(sheet) : xlsxStream(sheet)) as ReadableStream<Uint8Array>;
}

/** RFC 4180 (CRLF, quotes where needed), UTF-8 with a byte-order mark so that Excel reads Cyrillic and Urdu. */
function csvStream<Row>({ columns, slices }: Sheet<Row>): Readable {
  const stringifier = stringify({ bom: true, record_delimiter: 'windows' });
  async function* records() {
    yield columns.map((column) => column.key);
    for await (const slice of slices) {
      for (const row of slice) yield columns.map((column) => csvCell(column.type, column.value(row)));
    }
  }
  const source = Readable.from(records());
  source.on('error', (error) => stringifier.destroy(error));
  return source.pipe(stringifier);
}

const NUMBER_FORMATS: Partial<Record<ExportColumn<unknown>['type'], string>> = {
  integer: '0',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm:ss',
};

/** One worksheet with a bold, frozen header row and typed cells: numbers as numbers, dates as dates. */
function xlsxStream<Row>({ name, columns, slices }: Sheet<Row>): Readable {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    header: column.key,
    key: column.key,
    width: column.width ?? 16,
    style: NUMBER_FORMATS[column.type] ? { numFmt: NUMBER_FORMATS[column.type] } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  (async () => {
    for await (const slice of slices) {
      for (const row of slice) sheet.addRow(columns.map((column) => xlsxCell(column, row))).commit();
      // Let a slow reader catch up before the next slice is read.
      if (output.writableNeedDrain) await new Promise((resolve) => output.once('drain', resolve));
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => output.destroy(error as Error));
  return output;
}

function xlsxCell<Row>(column: ExportColumn<Row>, row: Row): ExcelJS.CellValue {
  const value = column.value(row);
  if (value === null) return null;
  switch (column.type) {
    case 'text':
      return neutraliseFormula(String(value));
    case 'date':
      return new Date(`${String(value)}T00:00:00Z`);
    case 'datetime':
      return new Date(String(value));
    default:
      return value;
  }
}
