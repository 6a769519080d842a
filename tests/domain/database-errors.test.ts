import { describe, expect, it } from 'vitest';
import { describeDatabaseError } from '../../db/errors';

const pg = { kind: 'postgres' as const, url: 'postgres://agenda:hunter2hunter2@db.example:5432/agenda' };

describe('describeDatabaseError', () => {
  it.each([
    [{ code: 'ECONNREFUSED' }, /connection refused/],
    [{ code: 'ENOTFOUND' }, /host name does not resolve/],
    [{ code: '28P01' }, /refused the credentials: check the user name and password/],
    [{ code: '3D000' }, /has no such database/],
    [{ cause: { code: 'ECONNREFUSED' } }, /connection refused/],
    [new Error('outer', { cause: new Error('middle', { cause: Object.assign(new Error('inner'), { code: '3D000' }) }) }), /has no such database/],
  ])('names the problem and the fix for %o, without the password', (error, expected) => {
    const line = describeDatabaseError(error, pg);
    expect(line).toMatch(expected);
    expect(line).toContain('postgres://agenda:***@db.example:5432/agenda');
    expect(line).not.toContain('hunter2');
    expect(line).not.toContain('\n');
  });

  it('keeps only the first line of an unknown error', () => {
    const line = describeDatabaseError(new Error('first line\n    at stack frame'), { kind: 'pglite', dataDir: '/srv/data' });
    expect(line).toBe('Database error on the embedded database in /srv/data: first line');
  });
});
