import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/connect';
import { selectRows } from '@/db/rows';
import { users } from '@/db/schema';
import { STAFF_ORGANISATION_KEY } from '@/db/seed/accounts';
import { organisationByKey } from '@/db/seed/islamabad';
import { hashPassword } from '@/lib/server/passwords';
import type { Fixture } from './load';

const PASSWORD = 'cluster-load-password-2026';

/**
 * Accounts for the load (beside the demo ones): staff of the ministry that leads several
 * commitments, who post the status updates, and reviewers, who comment. Each signs in through the
 * load balancer, as a browser would.
 */
export async function prepareFixture(handle: DatabaseHandle, baseUrl: string, counts: { staff: number; reviewers: number }): Promise<Fixture> {
  const [org] = await selectRows<{ id: string }>(handle.db, sql`select id from organisations where name = ${organisationByKey(STAFF_ORGANISATION_KEY).name}`);
  if (!org) throw new Error('The demo data has no staff organisation: was the database seeded?');
  const passwordHash = await hashPassword(PASSWORD);
  const accounts = [
    ...Array.from({ length: counts.staff }, (_, i) => ({ email: `load-staff-${i + 1}@agenda.test`, name: `Load staff ${i + 1}`, role: 'staff' as const, organisationId: org.id })),
    ...Array.from({ length: counts.reviewers }, (_, i) => ({ email: `load-reviewer-${i + 1}@agenda.test`, name: `Load reviewer ${i + 1}`, role: 'reviewer' as const, organisationId: null })),
  ];
  await handle.db.insert(users).values(accounts.map((account) => ({ ...account, passwordHash })));
  const cookies = await Promise.all(accounts.map((account) => signIn(baseUrl, account.email)));
  const commitments = await selectRows<{ id: string; stage: string; led: boolean }>(
    handle.db,
    sql`select id, stage, (lead_org_a_id = ${org.id} or lead_org_b_id = ${org.id}) as led from commitments order by reference`,
  );
  return {
    staffCookies: cookies.slice(0, counts.staff),
    reviewerCookies: cookies.slice(counts.staff),
    commitmentIds: commitments.map((c) => c.id),
    updatable: commitments.filter((c) => c.led && c.stage !== 'dropped').map((c) => ({ id: c.id, stage: c.stage })),
  };
}

async function signIn(baseUrl: string, email: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
  const answer = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: jar, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, callbackUrl: '/' }),
  });
  const session = answer.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!).find((cookie) => /session-token=./.test(cookie));
  if (!session) throw new Error(`Signing in ${email} through the load balancer failed (status ${answer.status}).`);
  return session;
}
