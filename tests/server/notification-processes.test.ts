import { type ChildProcess, spawn } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../../db/rows';
import type { TestDatabaseHandle } from '../support/databases';
import { openSeeded, testEngines } from '../support/seeded';
import { startSmtpServer } from '../support/smtp';

// The job queue across processes: what a crash or a second instance must not change. Two OS
// processes need a server both reach: PGlite lives inside one process, so PostgreSQL only.
if (process.env.TEST_DATABASE_URL) {
  describe('the notification job queue across processes on PostgreSQL', () => {
    let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
    let handle: TestDatabaseHandle | undefined;
    const children: ChildProcess[] = [];

    beforeAll(async () => {
      smtp = await startSmtpServer();
    });
    afterEach(async () => {
      for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
      await handle?.close();
      handle = undefined;
    });
    afterAll(() => smtp.close());

    async function open() {
      const engine = testEngines().find((e) => e.name === 'postgres')!;
      handle = (await openSeeded(engine)) as TestDatabaseHandle;
      await handle.db.execute(sql`delete from notifications`);
      return handle;
    }

    function run(mode: string) {
      const child = spawn(process.execPath, [require.resolve('tsx/cli'), '--conditions=react-server', 'tests/support/notify-worker.ts'], {
        cwd: process.cwd(),
        env: { ...process.env, WORKER_DATABASE_URL: handle!.url!, WORKER_MODE: mode, SMTP_URL: smtp.url, MAIL_FROM: 'agenda@example.gov', LOG_LEVEL: 'silent' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      let out = '';
      let err = '';
      child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
      const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
      const ready = new Promise<void>((resolve, reject) => {
        const timer = setInterval(() => {
          if (out.includes('ready\n')) resolve();
          if (child.exitCode !== null || child.signalCode) reject(new Error(`worker ${mode} ended: ${err || out}`));
        }, 100);
        void exited.finally(() => setTimeout(() => clearInterval(timer), 200));
      });
      ready.catch(() => undefined); // awaited only by the modes that keep running
      return { child, exited, ready, output: () => out };
    }

    const mailsTo = (address: string) => smtp.received.filter((m) => m.to.includes(address)).length;

    for (const mode of ['enqueue-and-die', 'enqueue-drain-and-die']) {
      it(`sends exactly once after a process is killed between enqueue and send (${mode})`, { timeout: 120_000 }, async () => {
        await open();
        const before = mailsTo('staff.pk@agenda.test');
        const first = run(mode);
        // Killed, not ended: tsx passes the child's SIGKILL on as exit code 137.
        expect([137, 'SIGKILL']).toContain(await first.exited);
        const [queued] = await selectRows<{ n: number }>(handle!.db, sql`select count(*)::int as n from notifications where delivery = 'now' and emailed_at is null`);
        expect(queued!.n).toBe(1);

        const second = run('work');
        await second.ready;
        await smtp.waitFor(smtp.received.length + 1, 30_000);
        second.child.kill('SIGKILL');
        await second.exited;
        // A further restart finds nothing left to send.
        const third = run('work');
        await third.ready;
        await new Promise((r) => setTimeout(r, 3000));
        expect(mailsTo('staff.pk@agenda.test')).toBe(before + 1);
        const [sent] = await selectRows<{ n: number }>(handle!.db, sql`select count(*)::int as n from notifications where emailed_at is not null`);
        expect(sent!.n).toBe(1);
      });
    }

    it('runs a due reminder once when two instances start together', { timeout: 120_000 }, async () => {
      await open();
      await handle!.db.execute(sql`update commitments set due_date = (now() at time zone 'UTC')::date + 5, stage = 'in_progress' where reference = 'ISB-06'`);
      const a = run('work');
      const b = run('work');
      await Promise.all([a.ready, b.ready]);
      const until = Date.now() + 30_000;
      let runs: { n: number }[] = [];
      while (Date.now() < until) {
        runs = await selectRows<{ n: number }>(handle!.db, sql`select count(*)::int as n from pgboss.job where name = 'reminders' and state = 'completed'`);
        if (runs[0]!.n > 0) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      await new Promise((r) => setTimeout(r, 2000));
      const [jobs] = await selectRows<{ n: number }>(handle!.db, sql`select count(*)::int as n from pgboss.job where name = 'reminders'`);
      expect(jobs!.n).toBe(1);
      const told = await selectRows<{ email: string; n: number }>(
        handle!.db,
        sql`select u.email, count(*)::int as n from notifications n join users u on u.id = n.user_id
              join commitments c on c.id = n.commitment_id where n.kind = 'due_soon' and c.reference = 'ISB-06' group by u.email order by u.email`,
      );
      expect(told.map((r) => r.email)).toEqual(['staff.pk@agenda.test', 'staff@agenda.test']);
      expect(told.every((r) => r.n === 1)).toBe(true);
      // Exactly one of the two instances ran it.
      const ran = [a, b].filter((w) => w.output().includes('"job":"reminders"'));
      expect(ran).toHaveLength(1);
    });
  });
}
