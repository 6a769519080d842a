import { type ChildProcess, spawn } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { selectRows } from '../../db/rows';
import { users } from '../../db/schema';
import { hashPassword } from '../../lib/passwords';
import { MAX_FAILURES, signIn } from '../../lib/server/sign-in';
import { type TestDatabaseHandle, type TestEngine, testEngines } from '../support/databases';

const EMAIL = 'target@ministry.example';
const PASSWORD = 'Lantern-River-Copper-917';
const PER_CALLER = 6;
const TOTAL = PER_CALLER * 2;

async function openWithAccount(engine: TestEngine): Promise<TestDatabaseHandle> {
  const handle = await engine.open();
  await handle.db.insert(users).values({ email: EMAIL, name: 'Target', role: 'reviewer', passwordHash: await hashPassword(PASSWORD) });
  return handle;
}

async function attemptCounts(handle: TestDatabaseHandle) {
  const rows = await selectRows<{ outcome: string; n: number }>(
    handle.db, sql`select outcome, count(*)::int as n from sign_in_attempts where email = ${EMAIL} group by outcome`,
  );
  return Object.fromEntries(rows.map((r) => [r.outcome, r.n]));
}

/** What the lock-out must guarantee, however the attempts were spread: exactly the limit gets through. */
async function expectExactLockout(handle: TestDatabaseHandle, outcomes: string[]) {
  expect(outcomes).toHaveLength(TOTAL);
  const invalid = outcomes.filter((o) => o === 'invalid').length;
  const locked = outcomes.filter((o) => o === 'locked').length;
  expect({ invalid, locked }).toEqual({ invalid: MAX_FAILURES, locked: TOTAL - MAX_FAILURES });
  // Every attempt made is recorded once: a 'failure' row for each wrong password checked, a 'locked' row for each refused unchecked.
  expect(await attemptCounts(handle)).toEqual({ failure: invalid, locked });

  const right = await signIn(handle.db, { email: EMAIL, password: PASSWORD, sourceAddress: '10.9.9.9', userAgent: 'vitest' });
  expect(right).toEqual({ ok: false, reason: 'locked' });
  expect(await attemptCounts(handle)).toEqual({ failure: MAX_FAILURES, locked: TOTAL - MAX_FAILURES + 1 });
}

describe.each(testEngines())('sign-in lock-out with concurrent callers on $name', (engine) => {
  let handle: TestDatabaseHandle | undefined;
  afterEach(async () => {
    await handle?.close();
    handle = undefined;
  });

  it(`holds exactly at ${MAX_FAILURES} failures when two callers in one process guess at once`, async () => {
    handle = await openWithAccount(engine);
    const db = handle.db;
    const caller = (prefix: string) =>
      Promise.all(
        Array.from({ length: PER_CALLER }, (_, i) =>
          signIn(db, { email: EMAIL, password: `wrong-${prefix}-${i}`, sourceAddress: `${prefix}.${i + 1}`, userAgent: 'vitest' }),
        ),
      );
    const [a, b] = await Promise.all([caller('10.5.1'), caller('10.5.2')]);
    await expectExactLockout(handle, [...a, ...b].map((r) => (r.ok ? 'ok' : r.reason)));
  });
});

// Two OS processes need a server both can reach: PGlite lives inside one process.
if (process.env.TEST_DATABASE_URL) {
  describe('sign-in lock-out across two processes sharing PostgreSQL', () => {
    let handle: TestDatabaseHandle | undefined;
    const children: ChildProcess[] = [];
    afterEach(async () => {
      for (const child of children.splice(0)) if (child.exitCode === null) child.kill();
      await handle?.close();
      handle = undefined;
    });

    // Two tsx start-ups on a busy machine take a while; the attempts themselves take a second.
    it(`holds exactly at ${MAX_FAILURES} failures when two processes guess at once`, { timeout: 120_000 }, async () => {
      const engine = testEngines().find((e) => e.name === 'postgres')!;
      handle = await openWithAccount(engine);
      expect(handle.url).toMatch(/^postgres/);
      const workers = ['10.6.1', '10.6.2'].map((prefix) => startWorker(handle!.url!, prefix));
      children.push(...workers.map((w) => w.child));
      await Promise.all(workers.map((w) => w.ready));
      for (const w of workers) w.child.stdin!.end('go\n');
      const outcomes = (await Promise.all(workers.map((w) => w.done))).flat();
      await expectExactLockout(handle, outcomes);
      // Both processes really took part: each one's attempts are all on record.
      const [row] = await selectRows<{ a: number; b: number }>(
        handle.db,
        sql`select count(*) filter (where source_address like '10.6.1.%')::int as a, count(*) filter (where source_address like '10.6.2.%')::int as b
              from sign_in_attempts where email = ${EMAIL}`,
      );
      expect(row).toEqual({ a: PER_CALLER, b: PER_CALLER });
    });
  });
}

function startWorker(url: string, prefix: string) {
  const child = spawn(process.execPath, [require.resolve('tsx/cli'), '--conditions=react-server', 'tests/support/sign-in-worker.ts'], {
    cwd: process.cwd(),
    env: {
      ...process.env, WORKER_DATABASE_URL: url, WORKER_EMAIL: EMAIL,
      WORKER_PASSWORD: `wrong-password-from-${prefix}`, WORKER_ATTEMPTS: String(PER_CALLER), WORKER_ADDRESS_PREFIX: prefix,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let signalReady: () => void;
  const ready = new Promise<void>((resolve) => (signalReady = resolve));
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.includes('ready\n')) signalReady();
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<string[]>((resolve, reject) => {
    child.on('exit', (code) => {
      const last = stdout.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !last.startsWith('{')) reject(new Error(`sign-in worker ${prefix} exited ${code}: ${stderr || stdout}`));
      else resolve((JSON.parse(last) as { outcomes: string[] }).outcomes);
    });
  });
  // A worker that dies before "ready" must fail the test, not hang it.
  return { child, ready: Promise.race([ready, done.then(() => undefined)]), done };
}
