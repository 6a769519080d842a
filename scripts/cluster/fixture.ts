import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/connect';
import { selectRows } from '@/db/rows';
import { users } from '@/db/schema';
import { hashPassword } from '@/lib/passwords';
import type { Fixture } from './load';

const PASSWORD = 'cluster-load-password-2026';

/**
 * Accounts for the load (beside the demo ones): two staff members of every organisation that leads
 * a commitment, who post the status updates on the commitments their organisation leads, and
 * reviewers, who comment. Each signs in through the load balancer, as a browser would.
 */
export async function prepareFixture(handle: DatabaseHandle, baseUrl: string, counts: { staffPerOrganisation: number; reviewers: number }): Promise<Fixture> {
  const commitments = await selectRows<{ id: string; stage: string; lead_a: string; lead_b: string }>(
    handle.db,
    sql`select id, stage, lead_org_a_id as lead_a, lead_org_b_id as lead_b from commitments order by reference`,
  );
  if (commitments.length === 0) throw new Error('The database has no commitments: was it seeded?');
  const leads = [...new Set(commitments.flatMap((c) => [c.lead_a, c.lead_b]))];
  const passwordHash = await hashPassword(PASSWORD);
  const staff = leads.flatMap((organisationId, o) =>
    Array.from({ length: counts.staffPerOrganisation }, (_, i) => ({
      email: `load-staff-${o + 1}-${i + 1}@agenda.test`, name: `Load staff ${o + 1}.${i + 1}`, role: 'staff' as const, organisationId,
    })),
  );
  const reviewers = Array.from({ length: counts.reviewers }, (_, i) => ({
    email: `load-reviewer-${i + 1}@agenda.test`, name: `Load reviewer ${i + 1}`, role: 'reviewer' as const, organisationId: null,
  }));
  await handle.db.insert(users).values([...staff, ...reviewers].map((account) => ({ ...account, passwordHash })));
  const staffCookies = new Map<string, string[]>();
  for (const [i, cookie] of (await Promise.all(staff.map((account) => signIn(baseUrl, account.email)))).entries()) {
    const org = staff[i]!.organisationId;
    staffCookies.set(org, [...(staffCookies.get(org) ?? []), cookie]);
  }
  return {
    staffCookies: [...staffCookies.values()].flat(),
    reviewerCookies: await Promise.all(reviewers.map((account) => signIn(baseUrl, account.email))),
    commitmentIds: commitments.map((c) => c.id),
    updatable: commitments
      .filter((c) => c.stage !== 'dropped')
      .map((c) => ({ id: c.id, stage: c.stage, cookies: [...(staffCookies.get(c.lead_a) ?? []), ...(staffCookies.get(c.lead_b) ?? [])] })),
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
