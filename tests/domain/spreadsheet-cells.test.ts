import { describe, expect, it } from 'vitest';
import { csvCell, neutraliseFormula } from '../../lib/domain/spreadsheet-cells';

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
