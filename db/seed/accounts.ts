// One demo account per role. Pure data, shared by the seed and by tests that sign in as these users.
import type { Role } from '@/lib/domain/roles';
import { organisationByKey } from './islamabad';

export const DEMO_PASSWORD = 'demo-password-2026';

/** The staff account's ministry leads the trade, trade-corridor and measurable-targets commitments. */
export const STAFF_ORGANISATION_KEY = 'kz-mti';
/** The Pakistani counterpart: Pakistan's Ministry of Commerce leads the other side of those commitments. */
const COUNTERPART_ORGANISATION_KEY = 'pk-commerce';
/** The official's home ministry. Officials read everything; the organisation is informational. */
const OFFICIAL_ORGANISATION_KEY = 'kz-mfa';

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  /** Organisation name exactly as seeded (organisations.name). */
  organisation?: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'admin@agenda.test', name: 'Demo Administrator', role: 'admin' },
  {
    email: 'staff@agenda.test',
    name: 'Demo Staff (Ministry of Trade and Integration)',
    role: 'staff',
    organisation: organisationByKey(STAFF_ORGANISATION_KEY).name,
  },
  {
    email: 'staff.pk@agenda.test',
    name: 'Demo Staff (Ministry of Commerce, Pakistan)',
    role: 'staff',
    organisation: organisationByKey(COUNTERPART_ORGANISATION_KEY).name,
  },
  { email: 'official@agenda.test', name: 'Demo Official', role: 'official', organisation: organisationByKey(OFFICIAL_ORGANISATION_KEY).name },
  { email: 'reviewer@agenda.test', name: 'Demo Reviewer', role: 'reviewer' },
];
