import { describe, expect, it } from 'vitest';
import { ACTIONS, type Action, can, roleAllows } from '../../lib/domain/permissions';
import type { Role } from '../../lib/domain/roles';

const OWN = 'org-own';
const own = { leadOrgAId: 'org-other-side', leadOrgBId: OWN };
const foreign = { leadOrgAId: 'org-x', leadOrgBId: 'org-y' };

// Written out by hand from what each role is for, not derived from the table under test: officials
// read, chart and brief; reviewers read, comment and resolve threads; staff do what reviewers do and
// also create commitments and post updates where their organisation leads (either side); admins do
// everything, including users, organisations, sectors and agendas.
// role -> action -> [own organisation's commitment, another's].
const EXPECTED: Record<Role, Record<Action, [boolean, boolean]>> = {
  official: {
    'dashboard.read': [true, true], 'commitment.read': [true, true], 'commitment.watch': [true, true], 'commitment.create': [false, false],
    'commitment.edit': [false, false], 'commitment.reopen': [false, false], 'update.post': [false, false], 'commitment.import': [false, false], 'update.decide': [false, false], 'comment.create': [false, false],
    'comment.resolve': [false, false], 'briefing.read': [true, true], 'review.manage': [true, true], 'review.hold': [true, true], 'briefing.export': [true, true], 'audit.read': [false, false],
    'admin.users': [false, false], 'admin.organisations': [false, false], 'admin.sectors': [false, false],
    'admin.agendas': [false, false], 'admin.backup': [false, false], 'admin.notifications': [false, false], 'token.manage': [true, true], 'admin.tokens': [false, false],
  },
  reviewer: {
    'dashboard.read': [true, true], 'commitment.read': [true, true], 'commitment.watch': [true, true], 'commitment.create': [false, false],
    'commitment.edit': [false, false], 'commitment.reopen': [false, false], 'update.post': [false, false], 'commitment.import': [false, false], 'update.decide': [false, false], 'comment.create': [true, true],
    'comment.resolve': [true, true], 'briefing.read': [true, true], 'review.manage': [false, false], 'review.hold': [false, false], 'briefing.export': [false, false], 'audit.read': [false, false],
    'admin.users': [false, false], 'admin.organisations': [false, false], 'admin.sectors': [false, false],
    'admin.agendas': [false, false], 'admin.backup': [false, false], 'admin.notifications': [false, false], 'token.manage': [true, true], 'admin.tokens': [false, false],
  },
  staff: {
    'dashboard.read': [true, true], 'commitment.read': [true, true], 'commitment.watch': [true, true], 'commitment.create': [true, false],
    'commitment.edit': [true, false], 'commitment.reopen': [false, false], 'update.post': [true, false], 'commitment.import': [true, true], 'update.decide': [false, false], 'comment.create': [true, true],
    'comment.resolve': [true, true], 'briefing.read': [true, true], 'review.manage': [false, false], 'review.hold': [false, false], 'briefing.export': [false, false], 'audit.read': [false, false],
    'admin.users': [false, false], 'admin.organisations': [false, false], 'admin.sectors': [false, false],
    'admin.agendas': [false, false], 'admin.backup': [false, false], 'admin.notifications': [false, false], 'token.manage': [true, true], 'admin.tokens': [false, false],
  },
  // Administrators do everything but decide on a party's behalf.
  admin: Object.fromEntries(ACTIONS.map((a) => [a, a === 'update.decide' ? [false, false] : [true, true]])) as Record<Action, [boolean, boolean]>,
};

describe('can', () => {
  for (const role of Object.keys(EXPECTED) as Role[]) {
    for (const action of ACTIONS) {
      const [onOwn, onForeign] = EXPECTED[role][action];
      it(`${role} ${onOwn ? 'may' : 'may not'} ${action} on its own organisation's commitment, ${onForeign ? 'may' : 'may not'} on another's`, () => {
        const actor = { role, organisationId: OWN };
        expect(can(actor, action, own)).toBe(onOwn);
        expect(can(actor, action, foreign)).toBe(onForeign);
      });
    }
  }

  it('lets only staff of the other side\'s lead organisation decide an update', () => {
    const leads = { leadOrgAId: 'org-kz', leadOrgBId: 'org-pk' };
    const kzUpdate = { ...leads, authorParty: 'a' as const };
    const pkUpdate = { ...leads, authorParty: 'b' as const };
    const adminUpdate = { ...leads, authorParty: null };
    const kzStaff = { role: 'staff' as const, organisationId: 'org-kz' };
    const pkStaff = { role: 'staff' as const, organisationId: 'org-pk' };
    const unrelated = { role: 'staff' as const, organisationId: 'org-elsewhere' };
    expect(can(pkStaff, 'update.decide', kzUpdate)).toBe(true);
    expect(can(kzStaff, 'update.decide', kzUpdate)).toBe(false);
    expect(can(kzStaff, 'update.decide', pkUpdate)).toBe(true);
    expect(can(pkStaff, 'update.decide', pkUpdate)).toBe(false);
    expect(can(unrelated, 'update.decide', kzUpdate)).toBe(false);
    expect(can(kzStaff, 'update.decide', adminUpdate)).toBe(true);
    expect(can(pkStaff, 'update.decide', adminUpdate)).toBe(true);
    expect(can(unrelated, 'update.decide', adminUpdate)).toBe(false);
    for (const role of ['official', 'reviewer', 'admin'] as const) {
      expect(can({ role, organisationId: 'org-pk' }, 'update.decide', kzUpdate)).toBe(false);
    }
  });

  it('refuses everything to nobody and to a disabled user', () => {
    for (const action of ACTIONS) {
      expect(can(null, action, own)).toBe(false);
      expect(can({ role: 'admin', organisationId: null, disabled: true }, action, own)).toBe(false);
    }
  });

  it('refuses an organisation-scoped action to staff when no commitment is named, or staff without an organisation', () => {
    expect(can({ role: 'staff', organisationId: OWN }, 'update.post')).toBe(false);
    expect(can({ role: 'staff', organisationId: null }, 'update.post', own)).toBe(false);
    expect(can({ role: 'staff', organisationId: OWN }, 'comment.create')).toBe(true);
  });
});

describe('roleAllows', () => {
  it('answers for the role before a commitment is known', () => {
    expect(roleAllows({ role: 'staff', organisationId: OWN }, 'commitment.create')).toBe(true);
    expect(roleAllows({ role: 'staff', organisationId: null }, 'commitment.create')).toBe(false);
    expect(roleAllows({ role: 'reviewer', organisationId: OWN }, 'commitment.create')).toBe(false);
    expect(roleAllows({ role: 'official', organisationId: null }, 'comment.create')).toBe(false);
    expect(roleAllows({ role: 'admin', organisationId: null }, 'update.post')).toBe(true);
    expect(roleAllows(null, 'dashboard.read')).toBe(false);
  });
});
