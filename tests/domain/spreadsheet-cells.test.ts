import { describe, expect, it } from 'vitest';
import { cellText, csvCell, neutraliseFormula, restoreNeutralised } from '../../lib/domain/spreadsheet-cells';

describe('neutraliseFormula', () => {
  it.each(['=1+1', '+49 30 1234', '-2', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("https://evil.example")'])('makes %j inert with a leading apostrophe', (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });
  it.each(['Trade turnover', '', "'quoted", ' =1', '1-2', 'Қазақстан', 'پاکستان'])('leaves %j as it is', (text) => {
    expect(neutraliseFormula(text)).toBe(text);
  });
});

describe('csvCell', () => {
  it('writes each type as a spreadsheet reads it back', () => {
    expect(csvCell('text', '=cmd')).toBe("'=cmd");
    expect(csvCell('number', -2.5)).toBe('-2.5');
    expect(csvCell('integer', 7)).toBe('7');
    expect(csvCell('boolean', false)).toBe('false');
    expect(csvCell('date', '2026-02-04')).toBe('2026-02-04');
    expect(csvCell('text', null)).toBe('');
  });
});

describe('reading cells back', () => {
  it.each(['=1+1', '+49 30 1234', '-2', '@SUM(A1)', '\t=1', '\r=1', 'Trade turnover', "'quoted", "'=typed so", "''+1", ''])('restores %j as written before neutraliseFormula', (text) => {
    expect(restoreNeutralised(neutraliseFormula(text))).toBe(text);
  });

  it('reads XLSX values as the CSV export writes them', () => {
    expect(cellText('date', new Date('2026-02-04T00:00:00Z'))).toBe('2026-02-04');
    expect(cellText('datetime', new Date('2026-02-04T10:11:12.000Z'))).toBe('2026-02-04T10:11:12Z');
    expect(cellText('integer', 7)).toBe(csvCell('integer', 7));
    expect(cellText('boolean', true)).toBe('true');
    expect(cellText('text', "'=cmd")).toBe('=cmd');
    expect(cellText('text', null)).toBe('');
  });
});
