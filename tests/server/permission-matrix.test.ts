import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as backupRoute from '../../app/admin/backup/download/route';
import * as commitmentsCsvRoute from '../../app/api/v1/commitments.csv/route';
import * as updatesXlsxRoute from '../../app/api/v1/updates.xlsx/route';
import * as commentsRoute from '../../app/api/v1/commitments/[id]/comments/route';
import * as commitmentRoute from '../../app/api/v1/commitments/[id]/route';
import * as updatesRoute from '../../app/api/v1/commitments/[id]/updates/route';
import * as listRoute from '../../app/api/v1/commitments/route';
import * as resolveRoute from '../../app/api/v1/comments/[id]/resolve/route';
import * as tokenRoute from '../../app/api/v1/tokens/[id]/route';
import * as tokensRoute from '../../app/api/v1/tokens/route';
import * as confirmationRoute from '../../app/api/v1/updates/[id]/confirmation/route';
import * as briefingRoute from '../../app/api/v1/briefing/route';
import * as reviewsRoute from '../../app/api/v1/reviews/route';
import * as reviewRoute from '../../app/api/v1/reviews/[id]/route';
import * as holdRoute from '../../app/api/v1/reviews/[id]/hold/route';
import * as briefingPdfRoute from '../../app/briefing.pdf/route';
import * as watchRoute from '../../app/api/v1/commitments/[id]/watch/route';
import * as preferencesRoute from '../../app/api/v1/me/preferences/route';
import * as notificationsRoute from '../../app/api/v1/notifications/route';
import * as readNotificationsRoute from '../../app/api/v1/notifications/read/route';
import { getNotificationAdmin } from '../../lib/server/admin/notifications';
import * as importsRoute from '../../app/api/v1/imports/route';
import type { DatabaseHandle } from '../../db/connect';
import { selectRows } from '../../db/rows';
import { changeOwnPassword } from '../../lib/server/account';
import { listAuditEvents } from '../../lib/server/admin/audit-log';
import { createAgenda, listAgendasForAdmin, renameAgenda, setAgendaArchive } from '../../lib/server/admin/agendas';
import { backupKind } from '../../lib/server/admin/backup';
import { listTokensForAdmin } from '../../lib/server/api-tokens';
import { createOrganisation, listOrganisations, updateOrganisation } from '../../lib/server/admin/organisations';
import { getAdminOverview } from '../../lib/server/admin/overview';
import { disableUser, enableUser, resetPassword, signOutEverywhere, updateUser } from '../../lib/server/admin/user-access';
import { createSector, listSectorsForAdmin, renameSector, setSectorArchive } from '../../lib/server/admin/sectors';
import { createUser, getUser, listOrganisationChoices, listUsers } from '../../lib/server/admin/users';
import { commitmentPageOf, loadCommitment } from '../../lib/server/commitments';
import type { RequestContext } from '../../lib/server/context';
import { contextFromHeaders } from '../../lib/server/context';
import { getDashboard, sectorExists } from '../../lib/server/dashboard';
import { isAppError } from '../../lib/server/errors';
import { getCommitmentFormOptions } from '../../lib/server/forms/reference-data';
import { call, commitmentId } from '../support/api';
import { sessionCookieFor, useDatabase } from '../support/app';
import { FAKE_HASH } from '../support/fixtures';
import { fingerprint } from '../support/fingerprint';
import { openSeeded, testEngines } from '../support/seeded';

type Who = 'anonymous' | 'official' | 'reviewer' | 'staff' | 'admin';
const EVERYONE: Who[] = ['anonymous', 'official', 'reviewer', 'staff', 'admin'];

interface World {
  handle: DatabaseHandle;
  cookie: Record<Who, string | undefined>;
  password: Record<Who, string>;
  own: string; // a commitment the staff user's ministry leads
  other: string; // one it does not
  comment: string; // a comment to resolve
  agenda: string;
  ownOrg: string;
  pk: string;
  target: string; // a user the admin actions act on
  organisation: string; // an organisation the admin actions edit
  sector: string; // a sector the admin actions rename and archive
  spareAgenda: string; // an agenda the admin actions rename and archive (not the one commitments are created in)
  review: string; // a review the review actions rename
  reviewFor: Record<Who, string>; // a review, dated in the past, for each caller to hold
  token: string; // another user's API token, which only an administrator may revoke
}

let serial = 0;

/** A page's read must show something: an empty answer to a permitted read is a failure too. */
function shown<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('The read returned nothing.');
  return value;
}

/** A data-access call as the admin pages' server actions make it, its AppError turned into the HTTP status. */
async function statusOf(w: World, who: Who, action: (ctx: RequestContext) => Promise<unknown>): Promise<number> {
  const ctx = await contextFromHeaders(new Headers(w.cookie[who] ? { cookie: w.cookie[who]! } : {}), w.handle.db);
  try {
    await action(ctx);
    return 200;
  } catch (error) {
    if (isAppError(error)) return error.status;
    throw error;
  }
}

/**
 * Every action through the function its page, server action or route handler calls (route handlers
 * are called themselves); returns the HTTP status (pages map the errors of theirs to the same).
 */
const ACTIONS: Record<string, (w: World, who: Who) => Promise<number>> = {
  'read the dashboard': (w, who) => statusOf(w, who, async (ctx) => shown(await getDashboard(ctx, {}))),
  'read a sector page': (w, who) =>
    statusOf(w, who, async (ctx) => {
      if (!(await sectorExists(ctx, 'energy'))) throw new Error('The sector page found no sector.');
      return shown(await getDashboard(ctx, { sectorSlug: 'energy' }));
    }),
  'read the choices of the filters and forms': (w, who) => statusOf(w, who, (ctx) => getCommitmentFormOptions(ctx)),
  'read the list': async (w, who) => (await call(listRoute.GET, 'GET', '/api/v1/commitments', { cookie: w.cookie[who] })).status,
  'read a commitment': async (w, who) =>
    (await call(commitmentRoute.GET, 'GET', `/api/v1/commitments/${w.other}`, { cookie: w.cookie[who], params: { id: w.other } })).status,
  'download the list as a spreadsheet': async (w, who) =>
    (await call(commitmentsCsvRoute.GET, 'GET', '/api/v1/commitments.csv?sector=energy', { cookie: w.cookie[who] })).status,
  'download the status updates as a spreadsheet': async (w, who) =>
    (await call(updatesXlsxRoute.GET, 'GET', '/api/v1/updates.xlsx', { cookie: w.cookie[who] })).status,
  'read a commitment’s page': (w, who) => statusOf(w, who, async (ctx) => commitmentPageOf(ctx, await loadCommitment(ctx, w.other), { before: null })),
  'create a commitment for the own ministry': async (w, who) =>
    (await call(listRoute.POST, 'POST', '/api/v1/commitments', {
      cookie: w.cookie[who],
      body: { agendaId: w.agenda, sector: 'industry', title: `Joint industrial park (${who})`, sourcePassage: 'industry', leadOrgAId: w.ownOrg, leadOrgBId: w.pk },
    })).status,
  'edit a commitment of the own ministry': async (w, who) => {
    const [row] = await selectRows<{ version: number }>(w.handle.db, sql`select version from commitments where id = ${w.own}`);
    return (await call(commitmentRoute.PATCH, 'PATCH', `/api/v1/commitments/${w.own}`, {
      cookie: w.cookie[who], params: { id: w.own }, body: { version: row!.version, description: `Edited by ${who}` },
    })).status;
  },
  'edit a commitment of another ministry': async (w, who) => {
    const [row] = await selectRows<{ version: number }>(w.handle.db, sql`select version from commitments where id = ${w.other}`);
    return (await call(commitmentRoute.PATCH, 'PATCH', `/api/v1/commitments/${w.other}`, {
      cookie: w.cookie[who], params: { id: w.other }, body: { version: row!.version, description: `Edited by ${who}` },
    })).status;
  },
  'post an update on a commitment of the own ministry': async (w, who) =>
    (await call(updatesRoute.POST, 'POST', `/api/v1/commitments/${w.own}/updates`, {
      cookie: w.cookie[who], params: { id: w.own }, body: { stage: 'in_progress', health: 'at_risk', narrative: `By ${who}` },
    })).status,
  'post an update on a commitment of another ministry': async (w, who) =>
    (await call(updatesRoute.POST, 'POST', `/api/v1/commitments/${w.other}/updates`, {
      cookie: w.cookie[who], params: { id: w.other }, body: { stage: 'stalled', health: 'off_track', narrative: `Still waiting (${who}).` },
    })).status,
  comment: async (w, who) =>
    (await call(commentsRoute.POST, 'POST', `/api/v1/commitments/${w.other}/comments`, {
      cookie: w.cookie[who], params: { id: w.other }, body: { body: `A question from ${who}` },
    })).status,
  'resolve a comment': async (w, who) =>
    (await call(resolveRoute.POST, 'POST', `/api/v1/comments/${w.comment}/resolve`, { cookie: w.cookie[who], params: { id: w.comment }, body: {} })).status,
  'read the briefing': async (w, who) => (await call(briefingRoute.GET, 'GET', '/api/v1/briefing?sector=energy', { cookie: w.cookie[who] })).status,
  'download the briefing as a PDF': async (w, who) => (await call(briefingPdfRoute.GET, 'GET', '/briefing.pdf?sector=energy', { cookie: w.cookie[who] })).status,
  'list the reviews': async (w, who) => (await call(reviewsRoute.GET, 'GET', '/api/v1/reviews', { cookie: w.cookie[who] })).status,
  'read a review': async (w, who) => (await call(reviewRoute.GET, 'GET', `/api/v1/reviews/${w.review}`, { cookie: w.cookie[who], params: { id: w.review } })).status,
  'create a review': async (w, who) =>
    (await call(reviewsRoute.POST, 'POST', '/api/v1/reviews', { cookie: w.cookie[who], body: { name: `Review by ${who}`, date: '2026-12-20', agendaId: w.agenda } })).status,
  'rename and re-date a review': async (w, who) =>
    (await call(reviewRoute.PATCH, 'PATCH', `/api/v1/reviews/${w.review}`, {
      cookie: w.cookie[who], params: { id: w.review }, body: { name: `Renamed by ${who}`, date: '2026-12-15' },
    })).status,
  'hold a review': async (w, who) =>
    (await call(holdRoute.POST, 'POST', `/api/v1/reviews/${w.reviewFor[who]}/hold`, { cookie: w.cookie[who], params: { id: w.reviewFor[who] }, body: {} })).status,
  'preview a spreadsheet import': async (w, who) => {
    // The list as downloaded, imported unchanged: a preview, stored for its owner, that changes no commitment.
    const download = await call(commitmentsCsvRoute.GET, 'GET', '/api/v1/commitments.csv?sector=energy', { cookie: w.cookie.admin });
    const form = new FormData();
    form.set('file', new Blob([download.text]), 'commitments.csv');
    const headers: Record<string, string> = w.cookie[who] ? { cookie: w.cookie[who]! } : {};
    const request = new Request('http://localhost:3000/api/v1/imports', { method: 'POST', body: form, headers });
    return (await importsRoute.POST(request, { params: Promise.resolve({}) })).status;
  },
  'read the administration overview': (w, who) => statusOf(w, who, (ctx) => getAdminOverview(ctx)),
  'list users': (w, who) => statusOf(w, who, (ctx) => listUsers(ctx)),
  'read a user': (w, who) => statusOf(w, who, (ctx) => getUser(ctx, { id: w.target })),
  'list the organisations a user may belong to': (w, who) => statusOf(w, who, (ctx) => listOrganisationChoices(ctx)),
  'create a user': (w, who) =>
    statusOf(w, who, (ctx) => createUser(ctx, { email: `new-${who}-${(serial += 1)}@agenda.test`, name: 'New reviewer', role: 'reviewer', organisationId: '' })),
  'change a user’s role': (w, who) => statusOf(w, who, (ctx) => updateUser(ctx, { id: w.target, name: 'Target user', role: 'official', organisationId: '' })),
  'disable a user': (w, who) => statusOf(w, who, (ctx) => disableUser(ctx, { id: w.target })),
  're-enable a user': (w, who) => statusOf(w, who, (ctx) => enableUser(ctx, { id: w.target })),
  'sign a user out everywhere': (w, who) => statusOf(w, who, (ctx) => signOutEverywhere(ctx, { id: w.target })),
  'reset a user’s password': (w, who) => statusOf(w, who, (ctx) => resetPassword(ctx, { id: w.target })),
  'list organisations': (w, who) => statusOf(w, who, (ctx) => listOrganisations(ctx)),
  'create an organisation': (w, who) =>
    statusOf(w, who, (ctx) => createOrganisation(ctx, { name: `Agency ${who} ${(serial += 1)}`, shortName: '', country: 'PK' })),
  'rename an organisation': (w, who) =>
    statusOf(w, who, (ctx) => updateOrganisation(ctx, { id: w.organisation, name: `Renamed by ${who}`, shortName: '', country: 'KZ' })),
  'list sectors': (w, who) => statusOf(w, who, (ctx) => listSectorsForAdmin(ctx)),
  'create a sector': (w, who) => statusOf(w, who, (ctx) => createSector(ctx, { name: `Sector ${who} ${(serial += 1)}`, colour: '#336699' })),
  'rename a sector': (w, who) => statusOf(w, who, (ctx) => renameSector(ctx, { id: w.sector, name: `Sector renamed by ${who}` })),
  'archive a sector': (w, who) => statusOf(w, who, (ctx) => setSectorArchive(ctx, { id: w.sector }, true)),
  'take a sector out of the archive': (w, who) => statusOf(w, who, (ctx) => setSectorArchive(ctx, { id: w.sector }, false)),
  'list agendas': (w, who) => statusOf(w, who, (ctx) => listAgendasForAdmin(ctx)),
  'create an agenda': (w, who) =>
    statusOf(w, who, (ctx) => createAgenda(ctx, {
      title: `Agenda ${who} ${(serial += 1)}`, partyA: 'KZ', partyB: 'UZ', signedOn: '2026-03-01', place: 'Tashkent',
      sourceTitle: 'Joint statement', sourceDocument: 'Press release',
    })),
  'rename an agenda': (w, who) => statusOf(w, who, (ctx) => renameAgenda(ctx, { id: w.spareAgenda, title: `Agenda renamed by ${who}` })),
  'archive an agenda': (w, who) => statusOf(w, who, (ctx) => setAgendaArchive(ctx, { id: w.spareAgenda }, true)),
  'take an agenda out of the archive': (w, who) => statusOf(w, who, (ctx) => setAgendaArchive(ctx, { id: w.spareAgenda }, false)),
  'read the audit log': (w, who) => statusOf(w, who, (ctx) => listAuditEvents(ctx, {})),
  'open the backup page': (w, who) => statusOf(w, who, (ctx) => backupKind(ctx)),
  'download a backup of the database': async (w, who) =>
    (await call(backupRoute.GET, 'GET', '/admin/backup/download', { cookie: w.cookie[who] })).status,
  'watch a commitment': async (w, who) =>
    (await call(watchRoute.PUT, 'PUT', `/api/v1/commitments/${w.other}/watch`, { cookie: w.cookie[who], params: { id: w.other } })).status,
  'stop watching a commitment': async (w, who) =>
    (await call(watchRoute.DELETE, 'DELETE', `/api/v1/commitments/${w.other}/watch`, { cookie: w.cookie[who], params: { id: w.other } })).status,
  'read the own notifications': async (w, who) => (await call(notificationsRoute.GET, 'GET', '/api/v1/notifications?unread=1', { cookie: w.cookie[who] })).status,
  'mark the own notifications read': async (w, who) =>
    (await call(readNotificationsRoute.POST, 'POST', '/api/v1/notifications/read', { cookie: w.cookie[who], body: { all: true } })).status,
  'change the own e-mail choices': async (w, who) =>
    (await call(preferencesRoute.PUT, 'PUT', '/api/v1/me/preferences', { cookie: w.cookie[who], body: { notifications: { due_soon: 'off' } } })).status,
  'read the notification delivery administration': (w, who) => statusOf(w, who, (ctx) => getNotificationAdmin(ctx)),
  'make an own API token': async (w, who) =>
    (await call(tokensRoute.POST, 'POST', '/api/v1/tokens', { cookie: w.cookie[who], body: { name: `Token of ${who}`, scope: 'read' } })).status,
  'list the own API tokens': async (w, who) => (await call(tokensRoute.GET, 'GET', '/api/v1/tokens', { cookie: w.cookie[who] })).status,
  'list everyone’s API tokens': (w, who) => statusOf(w, who, (ctx) => listTokensForAdmin(ctx)),
  'revoke another user’s API token': async (w, who) =>
    (await call(tokenRoute.DELETE, 'DELETE', `/api/v1/tokens/${w.token}`, { cookie: w.cookie[who], params: { id: w.token } })).status,
  'change the own password': async (w, who) => {
    const newPassword = `A new passphrase for ${who} ${(serial += 1)}`;
    const status = await statusOf(w, who, (ctx) =>
      changeOwnPassword(ctx, { currentPassword: w.password[who], newPassword, confirmPassword: newPassword }),
    );
    if (status === 200) {
      // The change ended every session of the user: sign in again, with the new password, for the next rows.
      w.password[who] = newPassword;
      w.cookie[who] = await sessionCookieFor(w.handle, `${who}@agenda.test`, newPassword);
    }
    return status;
  },
};

// Who may do what, written out by hand from the roles: officials read; reviewers read, comment and
// resolve; staff do that and create, edit and post updates for their own ministry's commitments;
// administrators do everything. Not derived from the code under test.
const ALLOWED: Record<string, Who[]> = {
  'read the dashboard': ['official', 'reviewer', 'staff', 'admin'],
  'read a sector page': ['official', 'reviewer', 'staff', 'admin'],
  'read the choices of the filters and forms': ['official', 'reviewer', 'staff', 'admin'],
  'read the list': ['official', 'reviewer', 'staff', 'admin'],
  'read a commitment': ['official', 'reviewer', 'staff', 'admin'],
  'download the list as a spreadsheet': ['official', 'reviewer', 'staff', 'admin'],
  'download the status updates as a spreadsheet': ['official', 'reviewer', 'staff', 'admin'],
  'read a commitment’s page': ['official', 'reviewer', 'staff', 'admin'],
  'create a commitment for the own ministry': ['staff', 'admin'],
  'edit a commitment of the own ministry': ['staff', 'admin'],
  'edit a commitment of another ministry': ['admin'],
  'post an update on a commitment of the own ministry': ['staff', 'admin'],
  'post an update on a commitment of another ministry': ['admin'],
  comment: ['reviewer', 'staff', 'admin'],
  'resolve a comment': ['reviewer', 'staff', 'admin'],
  'read the briefing': ['official', 'reviewer', 'staff', 'admin'],
  'download the briefing as a PDF': ['official', 'admin'],
  'list the reviews': ['official', 'reviewer', 'staff', 'admin'],
  'read a review': ['official', 'reviewer', 'staff', 'admin'],
  'create a review': ['official', 'admin'],
  'rename and re-date a review': ['official', 'admin'],
  'hold a review': ['official', 'admin'],
  'preview a spreadsheet import': ['staff', 'admin'],
  'read the administration overview': ['admin'],
  'list users': ['admin'],
  'read a user': ['admin'],
  'list the organisations a user may belong to': ['admin'],
  'create a user': ['admin'],
  'change a user’s role': ['admin'],
  'disable a user': ['admin'],
  're-enable a user': ['admin'],
  'sign a user out everywhere': ['admin'],
  'reset a user’s password': ['admin'],
  'list organisations': ['admin'],
  'create an organisation': ['admin'],
  'rename an organisation': ['admin'],
  'list sectors': ['admin'],
  'create a sector': ['admin'],
  'rename a sector': ['admin'],
  'archive a sector': ['admin'],
  'take a sector out of the archive': ['admin'],
  'list agendas': ['admin'],
  'create an agenda': ['admin'],
  'rename an agenda': ['admin'],
  'archive an agenda': ['admin'],
  'take an agenda out of the archive': ['admin'],
  'read the audit log': ['admin'],
  'watch a commitment': ['official', 'reviewer', 'staff', 'admin'],
  'stop watching a commitment': ['official', 'reviewer', 'staff', 'admin'],
  'read the own notifications': ['official', 'reviewer', 'staff', 'admin'],
  'mark the own notifications read': ['official', 'reviewer', 'staff', 'admin'],
  'change the own e-mail choices': ['official', 'reviewer', 'staff', 'admin'],
  'read the notification delivery administration': ['admin'],
  'open the backup page': ['admin'],
  'download a backup of the database': ['admin'],
  'make an own API token': ['official', 'reviewer', 'staff', 'admin'],
  'list the own API tokens': ['official', 'reviewer', 'staff', 'admin'],
  'list everyone’s API tokens': ['admin'],
  'revoke another user’s API token': ['admin'],
  'change the own password': ['official', 'reviewer', 'staff', 'admin'],
};

const SUCCESS = new Set([200, 201]);

describe.each(testEngines())('the permission matrix on $name', (engine) => {
  const world = {} as World;

  beforeAll(async () => {
    world.handle = await openSeeded(engine);
    useDatabase(world.handle);
    world.cookie = { anonymous: undefined } as World['cookie'];
    world.password = Object.fromEntries(EVERYONE.map((who) => [who, 'demo-password-2026'])) as World['password'];
    for (const who of EVERYONE.slice(1)) world.cookie[who] = await sessionCookieFor(world.handle, `${who}@agenda.test`);
    world.own = await commitmentId(world.handle, 'ISB-06');
    world.other = await commitmentId(world.handle, 'ISB-08');
    const [row] = await selectRows<{ comment: string; agenda: string; own_org: string; pk: string }>(
      world.handle.db,
      sql`select (select id from comments where commitment_id = ${world.other} and parent_id is null limit 1) as comment,
                 (select id from agendas limit 1) as agenda,
                 (select organisation_id from users where email = 'staff@agenda.test') as own_org,
                 (select id from organisations where country = 'PK' order by name limit 1) as pk`,
    );
    Object.assign(world, { comment: row!.comment, agenda: row!.agenda, ownOrg: row!.own_org, pk: row!.pk });
    const [target] = await selectRows<{ id: string }>(
      world.handle.db,
      sql`insert into users (email, name, role, password_hash) values ('target@agenda.test', 'Target user', 'reviewer', ${FAKE_HASH}) returning id`,
    );
    const [organisation] = await selectRows<{ id: string }>(
      world.handle.db,
      sql`insert into organisations (name, country) values ('Agency to rename', 'KZ') returning id`,
    );
    const [sector] = await selectRows<{ id: string }>(
      world.handle.db,
      sql`insert into sectors (slug, name, colour) values ('sector-to-rename', 'Sector to rename', '#336699') returning id`,
    );
    const [spareAgenda] = await selectRows<{ id: string }>(
      world.handle.db,
      sql`insert into agendas (slug, title, party_a, party_b, signed_on, place, source_title, source_document)
          values ('agenda-to-rename', 'Agenda to rename', 'KZ', 'UZ', '2026-03-01', 'Tashkent', 'Joint statement', 'Press release')
          returning id`,
    );
    Object.assign(world, { target: target!.id, organisation: organisation!.id, sector: sector!.id, spareAgenda: spareAgenda!.id });
    const reviews = await selectRows<{ id: string }>(
      world.handle.db,
      sql`insert into reviews (agenda_id, name, review_on)
          select ${row!.agenda}, 'Review ' || n, date '2026-06-30' + n from generate_series(0, ${EVERYONE.length}) n returning id`,
    );
    world.review = reviews[0]!.id;
    world.reviewFor = Object.fromEntries(EVERYONE.map((who, i) => [who, reviews[i + 1]!.id])) as World['reviewFor'];
    const [token] = await selectRows<{ id: string }>(
      world.handle.db,
      sql`insert into api_tokens (user_id, name, scope, token_hash, prefix, expires_at)
          values (${target!.id}, 'Target token', 'read', ${'0'.repeat(64)}, 'agt_target', now() + interval '1 day') returning id`,
    );
    Object.assign(world, { target: target!.id, organisation: organisation!.id, sector: sector!.id, spareAgenda: spareAgenda!.id, token: token!.id });
  });
  afterAll(() => world.handle.close());

  // Deciding on an update posted by the Kazakh lead's staff (party a) of ISB-06: only staff of the
  // counterpart lead (Pakistan's Ministry of Commerce) may; not the author's own side, not staff of an
  // unrelated ministry, and no official, reviewer or administrator on a party's behalf.
  const DECIDERS = [...EVERYONE, 'counterpart', 'unrelated staff'] as const;
  for (const who of DECIDERS) {
    const allowed = who === 'counterpart';
    it(`${who} ${allowed ? 'may' : 'may not'} confirm or dispute the other side's update`, async () => {
      const email = who === 'counterpart' ? 'staff.pk@agenda.test' : who === 'unrelated staff' ? 'staff.pk-railways@agenda.test' : undefined;
      const cookie = email ? await sessionCookieFor(world.handle, email) : world.cookie[who as Who];
      const posted = await call(updatesRoute.POST, 'POST', `/api/v1/commitments/${world.own}/updates`, {
        cookie: world.cookie.staff, params: { id: world.own }, body: { stage: 'in_progress', health: (serial += 1) % 2 ? 'off_track' : 'at_risk', narrative: 'Claim.' },
      });
      expect(posted.json.confirmation).toBe('awaiting');
      const before = await fingerprint(world.handle.db);
      const answer = await call(confirmationRoute.POST, 'POST', `/api/v1/updates/${posted.json.id}/confirmation`, {
        cookie, params: { id: posted.json.id }, body: { decision: 'confirm' },
      });
      if (allowed) {
        expect(answer.status).toBe(200);
      } else {
        expect(answer.status).toBe(who === 'anonymous' ? 401 : 403);
        expect(await fingerprint(world.handle.db)).toEqual(before);
      }
    });
  }

  for (const [action, run] of Object.entries(ACTIONS)) {
    for (const who of EVERYONE) {
      const allowed = ALLOWED[action]!.includes(who);
      it(`${who} ${allowed ? 'may' : 'may not'} ${action}`, async () => {
        const before = await fingerprint(world.handle.db);
        const status = await run(world, who);
        if (allowed) {
          expect(SUCCESS.has(status), `status ${status}`).toBe(true);
        } else {
          expect(status).toBe(who === 'anonymous' ? 401 : 403);
          expect(await fingerprint(world.handle.db)).toEqual(before);
        }
      });
    }
  }
});
