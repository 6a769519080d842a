import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The real start script, as `npm start` runs it, with configurations an operator might get wrong.
function start(env: Record<string, string>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'agenda-start-'));
  const result = spawnSync(
    process.execPath,
    [require.resolve('tsx/cli'), '--conditions=react-server', 'scripts/start.ts'],
    {
      cwd: process.cwd(),
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', DATA_DIR: dataDir, PORT: '39999', ...env },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  fs.rmSync(dataDir, { recursive: true, force: true });
  const errorLines = result.stderr.split('\n').filter((line) => line.trim() !== '');
  return { status: result.status, errorLines, stdout: result.stdout };
}

const SECRET = 'x'.repeat(40);

describe('npm start with a bad configuration', () => {
  it('stops with one clear line when DATABASE_URL is set without AUTH_SECRET', () => {
    const run = start({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres' });
    expect(run.status).toBe(1);
    expect(run.errorLines).toHaveLength(1);
    expect(run.errorLines[0]).toMatch(/^Error: AUTH_SECRET is not set/);
  });

  it('stops with one clear line when the PostgreSQL server cannot be reached', () => {
    const run = start({ DATABASE_URL: 'postgres://agenda:secret-pass@127.0.0.1:1/agenda', AUTH_SECRET: SECRET });
    expect(run.status).toBe(1);
    expect(run.errorLines).toHaveLength(1);
    expect(run.errorLines[0]).toMatch(/Cannot reach PostgreSQL at postgres:\/\/agenda:\*\*\*@127\.0\.0\.1:1\/agenda: connection refused/);
    expect(run.errorLines[0]).not.toContain('secret-pass');
  });

  it('stops with one clear line on a DATABASE_URL that is not a PostgreSQL address', () => {
    const run = start({ DATABASE_URL: 'mysql://root@127.0.0.1/agenda', AUTH_SECRET: SECRET });
    expect(run.status).toBe(1);
    expect(run.errorLines).toEqual([expect.stringMatching(/^Error: DATABASE_URL must start with postgres:\/\//)]);
  });

  it('stops with one clear line on a port that is not a number', () => {
    const run = start({ PORT: 'eighty' });
    expect(run.status).toBe(1);
    expect(run.errorLines).toEqual(['Error: PORT must be a whole number between 1 and 65535, not "eighty".']);
  });

  // Needs a real server to answer "no such database"; registered only when the tests have one.
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    it('stops with one clear line when the database does not exist on the server', () => {
      const url = new URL(serverUrl);
      url.pathname = '/agenda_no_such_database';
      const run = start({ DATABASE_URL: url.toString(), AUTH_SECRET: SECRET });
      expect(run.status).toBe(1);
      expect(run.errorLines).toEqual([expect.stringMatching(/has no such database: create it/)]);
    });
  }
});
