import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openPglite } from '../../db/connect';
import { selectRows } from '../../db/rows';
import { signIn } from '../../lib/server/sign-in';
import { type TestDatabaseHandle, testEngines } from '../support/databases';

const PASSWORD = 'Steppe-Eagle-Harbour-42';
// Each run starts tsx and, on a fresh folder, PGlite's initdb: tens of seconds on a busy two-core machine.
const SLOW = { timeout: 180_000 };

// The real script, as `npm run user:create` runs it, in a child process with its own environment.
function userCreate(args: string[], env: Record<string, string | undefined>) {
  const result = spawnSync(process.execPath, [require.resolve('tsx/cli'), '--conditions=react-server', 'scripts/user-create.ts', ...args], {
    cwd: process.cwd(),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', ...env },
    encoding: 'utf8',
    timeout: 150_000,
  });
  const errorLines = result.stderr.split('\n').filter((line) => line.trim() !== '');
  return { status: result.status, stdout: result.stdout, errorLines };
}

const signInAs = (handle: DatabaseHandle, email: string, password: string) =>
  signIn(handle.db, { email, password, sourceAddress: '127.0.0.1', userAgent: 'vitest' });

async function accounts(handle: DatabaseHandle) {
  return selectRows<{ email: string; role: string }>(handle.db, sql`select email, role from users order by email`);
}

describe('npm run user:create on the embedded database', () => {
  let dataDir: string;
  // PGlite allows one process per folder: the test opens it only while no script runs.
  const inspect = async <T>(look: (handle: DatabaseHandle) => Promise<T>): Promise<T> => {
    const handle = await openPglite(path.join(dataDir, 'pgdata'));
    try {
      return await look(handle);
    } finally {
      await handle.close();
    }
  };
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'agenda-user-create-'));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('creates an administrator who can sign in, with an audit event by "system" that holds no password', SLOW, async () => {
    const run = userCreate(['--email', 'First.Admin@Ministry.example', '--role', 'admin', '--name', 'First Admin'], {
      DATA_DIR: dataDir, USER_PASSWORD: PASSWORD,
    });
    expect(run.errorLines).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Created admin account first\.admin@ministry\.example \(id [0-9a-f-]{36}\)/);
    expect(run.stdout).not.toContain(PASSWORD);
    await inspect(async (handle) => {
      expect(await accounts(handle)).toEqual([{ email: 'first.admin@ministry.example', role: 'admin' }]);
      expect(await signInAs(handle, 'first.admin@ministry.example', PASSWORD)).toMatchObject({ ok: true, name: 'First Admin' });
      const events = await selectRows<{ actor_id: string | null; actor_label: string; text: string }>(
        handle.db,
        sql`select actor_id, actor_label, coalesce(before::text, '') || coalesce(after::text, '') as text from audit_events where action = 'user.created'`,
      );
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ actor_id: null, actor_label: 'system' });
      expect(events[0]!.text).not.toContain(PASSWORD);
      expect(events[0]!.text).not.toContain('argon2');
    });
  });

  it('refuses a weak password with one line and exit code 1, creating nothing', SLOW, async () => {
    for (const weak of ['password1234', 'short-pw', 'weak.user@ministry.example']) {
      const run = userCreate(['--email', 'weak.user@ministry.example', '--role', 'admin'], { DATA_DIR: dataDir, USER_PASSWORD: weak });
      expect(run.status).toBe(1);
      expect(run.errorLines).toEqual([expect.stringMatching(/^Error: The password is not accepted: /)]);
    }
    await inspect(async (handle) => expect(await accounts(handle)).toHaveLength(1));
  });

  it('refuses an existing email in any case with one line and exit code 1', SLOW, async () => {
    const run = userCreate(['--email', 'FIRST.ADMIN@ministry.example', '--role', 'reviewer'], { DATA_DIR: dataDir, USER_PASSWORD: 'Another-Strong-Pass-77' });
    expect(run.status).toBe(1);
    expect(run.errorLines).toEqual(['Error: Nothing was created: --email: An account with this email address already exists (in any mix of upper and lower case).']);
    await inspect(async (handle) => {
      expect(await accounts(handle)).toEqual([{ email: 'first.admin@ministry.example', role: 'admin' }]);
      expect((await signInAs(handle, 'first.admin@ministry.example', 'Another-Strong-Pass-77')).ok).toBe(false);
    });
  });

  it('refuses bad arguments and a missing password (no terminal) with one line each', SLOW, () => {
    const cases: [string[], Record<string, string>, RegExp][] = [
      [['--role', 'admin'], { USER_PASSWORD: PASSWORD }, /^Error: --email is required\./],
      [['--email', 'a@b.kz', '--role', 'root'], { USER_PASSWORD: PASSWORD }, /^Error: --role must be one of staff, official, reviewer, admin\./],
      [['--email', 'a@b.kz', '--role', 'admin', '--bogus'], { USER_PASSWORD: PASSWORD }, /^Error: Unknown option '--bogus'/],
      [['--email', 'a@b.kz', '--role', 'admin'], {}, /^Error: No password: set USER_PASSWORD/],
    ];
    for (const [args, env, expected] of cases) {
      const run = userCreate(args, { DATA_DIR: dataDir, ...env });
      expect(run.status).toBe(1);
      expect(run.errorLines).toEqual([expect.stringMatching(expected)]);
    }
  });
});

// On a PostgreSQL server, as a real deployment creates its first administrator.
if (process.env.TEST_DATABASE_URL) {
  describe('npm run user:create on PostgreSQL', () => {
    let handle: TestDatabaseHandle;
    beforeAll(async () => {
      handle = await testEngines().find((e) => e.name === 'postgres')!.open();
    });
    afterAll(() => handle.close());

    it('creates staff in an organisation given by id, who can sign in; refuses staff without one', SLOW, async () => {
      const [org] = await selectRows<{ id: string }>(handle.db, sql`insert into organisations (name, country) values ('Ministry of Energy', 'PK') returning id`);
      const env = { DATABASE_URL: handle.url, USER_PASSWORD: PASSWORD };
      const refused = userCreate(['--email', 'staff@energy.gov.pk', '--role', 'staff'], env);
      expect(refused.status).toBe(1);
      expect(refused.errorLines).toEqual([expect.stringMatching(/^Error: Nothing was created: --organisation-id: /)]);
      const run = userCreate(['--email', 'staff@energy.gov.pk', '--role', 'staff', '--organisation-id', org!.id], env);
      expect(run.errorLines).toEqual([]);
      expect(run.status).toBe(0);
      const [user] = await selectRows<{ organisation_id: string }>(handle.db, sql`select organisation_id from users where email = 'staff@energy.gov.pk'`);
      expect(user!.organisation_id).toBe(org!.id);
      expect((await signInAs(handle, 'staff@energy.gov.pk', PASSWORD)).ok).toBe(true);
    });
  });
}
