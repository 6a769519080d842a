// A separate OS process playing an app instance for the job-queue tests on a shared PostgreSQL. Run
// with tsx --conditions=react-server. WORKER_DATABASE_URL, WORKER_MODE:
//   enqueue-and-die        tells staff.pk of an update awaiting them (commits the notification and its
//                          e-mail job), then kills itself with SIGKILL before anything is sent;
//   enqueue-drain-and-die  the same, but moves the job into pg-boss first;
//   work                   runs the job queue with the schedules (SMTP_URL, MAIL_FROM) until killed,
//                          printing "ready" once started.
import { sql } from 'drizzle-orm';
import { openPostgres } from '../../db/connect';
import { selectRows } from '../../db/rows';
import { startJobs } from '../../lib/server/jobs/worker';
import { notifyOnCommitment } from '../../lib/server/notifications/produce';

const log = {
  info: (o: object, m?: string) => process.stdout.write(`${JSON.stringify({ ...o, msg: m })}\n`),
  warn: (o: object, m?: string) => process.stderr.write(`${m} ${JSON.stringify(o)}\n`),
  error: (o: object, m?: string) => process.stderr.write(`${m} ${JSON.stringify(o)}\n`),
};

async function main() {
  const url = process.env.WORKER_DATABASE_URL!;
  const mode = process.env.WORKER_MODE!;
  const handle = { ...openPostgres(url, { max: 3 }), url };
  if (mode === 'work') {
    await startJobs({
      handle, env: { smtpUrl: process.env.SMTP_URL, mailFrom: process.env.MAIL_FROM, publicUrl: 'https://agenda.example.gov' },
      secret: 'test-secret-that-is-long-enough-for-auth-0123456789', log, pollMs: 200,
    });
    process.stdout.write('ready\n');
    return;
  }
  const [c] = await selectRows<{ id: string; leadOrgAId: string; leadOrgBId: string; actor: string }>(
    handle.db,
    sql`select c.id, c.lead_org_a_id as "leadOrgAId", c.lead_org_b_id as "leadOrgBId", u.id as actor
          from commitments c, users u where c.reference = 'ISB-06' and u.email = 'staff@agenda.test'`,
  );
  await handle.db.transaction((tx) =>
    notifyOnCommitment(tx, { type: 'update_posted', actorId: c!.actor, leads: c!, authorParty: 'a', awaitsConfirmation: true }, { commitmentId: c!.id, actorId: c!.actor }),
  );
  if (mode === 'enqueue-drain-and-die') {
    const jobs = await startJobs({ handle, env: { smtpUrl: undefined, mailFrom: undefined, publicUrl: '' }, secret: 'x', log, schedule: false, pollMs: 60_000, mailer: null });
    await jobs.boss.offWork('notification-email');
    await jobs.drainNow();
  }
  process.kill(process.pid, 'SIGKILL');
}

void main();
