// A separate OS process that makes sign-in attempts on one account, for tests of limits that must
// hold across app instances sharing one PostgreSQL. Run with tsx --conditions=react-server.
//
// Settings come from the environment: WORKER_DATABASE_URL, WORKER_EMAIL, WORKER_PASSWORD,
// WORKER_ATTEMPTS, WORKER_ADDRESS_PREFIX. The worker connects, prints "ready", waits for "go" on
// stdin (so two workers start together), makes every attempt at once, and prints one JSON line:
// {"outcomes": ["invalid" | "locked" | "ok", ...]}.
import readline from 'node:readline';
import { sql } from 'drizzle-orm';
import { openPostgres } from '../../db/connect';
import { signIn } from '../../lib/server/sign-in';

async function main(): Promise<void> {
  const url = required('WORKER_DATABASE_URL');
  const email = required('WORKER_EMAIL');
  const password = required('WORKER_PASSWORD');
  const attempts = Number(required('WORKER_ATTEMPTS'));
  const prefix = required('WORKER_ADDRESS_PREFIX');
  // One connection per attempt, so the attempts really are concurrent within this process too.
  const handle = openPostgres(url, { max: attempts });
  try {
    await Promise.all(Array.from({ length: attempts }, () => handle.db.execute(sql`select 1`)));
    process.stdout.write('ready\n');
    await waitForGo();
    const results = await Promise.all(
      Array.from({ length: attempts }, (_, i) =>
        // A different address per attempt, so only the per-account limit is in play.
        signIn(handle.db, { email, password, sourceAddress: `${prefix}.${i + 1}`, userAgent: 'sign-in-worker' }),
      ),
    );
    const outcomes = results.map((result) => (result.ok ? 'ok' : result.reason));
    process.stdout.write(`${JSON.stringify({ outcomes })}\n`);
  } finally {
    await handle.close();
  }
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

function waitForGo(): Promise<void> {
  return new Promise((resolve) => {
    const lines = readline.createInterface({ input: process.stdin });
    lines.on('line', (line) => {
      if (line.trim() === 'go') {
        // Let go of stdin, or the open pipe keeps this process alive after its work.
        lines.close();
        process.stdin.destroy();
        resolve();
      }
    });
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
