// The Islamabad agenda as the public record gives it: parties, date, place, source, the events and
// the organisations that lead the work. Pure data (no database imports), so tests can read it.
// Facts come from source-islamabad-talks.txt (a DKNews.kz report, copied beside this file); anything
// the report does not give is flagged `isDemo` or lives in history.ts, which is all demo data.

export const AGENDA = {
  slug: 'kz-pk-islamabad-2026',
  title: 'Kazakhstan–Pakistan Strategic Partnership (Islamabad talks, 4 February 2026)',
  partyA: 'KZ',
  partyB: 'PK',
  signedOn: '2026-02-04',
  place: 'Islamabad',
  sourceTitle: 'Joint Declaration on the Establishment of a Strategic Partnership',
  sourceDocument: 'DKNews.kz, report of the talks between President Kassym-Jomart Tokayev and Prime Minister Shahbaz Sharif in Islamabad, 4 February 2026',
  summary:
    'On 4 February 2026 President of Kazakhstan Kassym-Jomart Tokayev and Prime Minister of Pakistan Shahbaz Sharif held talks in ' +
    'Islamabad and signed the Joint Declaration on the Establishment of a Strategic Partnership. Kazakhstan brought a package of ' +
    'proposals to expand trade, economic and investment cooperation; the sides discussed transport connectivity and trade corridors, ' +
    'and cooperation in energy, industry, agriculture, digitalisation, the financial sector and defence, and stressed close ' +
    'interaction within the United Nations, the Shanghai Cooperation Organisation and other international bodies. Both sides ' +
    'called for tangible and measurable progress across all areas. President Tokayev invited the Prime Minister of Pakistan to ' +
    'pay a state visit to Kazakhstan later in 2026 to review the implementation of the agreements reached in Islamabad.',
} as const;

type AgendaEventKind = 'talks' | 'signing' | 'review' | 'milestone';

export interface AgendaEventSeed {
  kind: AgendaEventKind;
  title: string;
  occursOn: string;
  planned: boolean;
  isDemo: boolean;
  isNextReview: boolean;
}

/** The follow-up visit's date is not public: 10 December is an estimate, hence demo and "to be confirmed". */
const NEXT_REVIEW_ESTIMATE = '2026-12-10';

/** The review the talks announced, as the briefing and the list of reviews name it. */
export const REVIEW_NAME = 'State visit to review implementation';

export const AGENDA_EVENTS: readonly AgendaEventSeed[] = [
  {
    kind: 'talks',
    title: 'Talks in Islamabad between President Kassym-Jomart Tokayev and Prime Minister Shahbaz Sharif',
    occursOn: '2026-02-04',
    planned: false,
    isDemo: false,
    isNextReview: false,
  },
  {
    kind: 'signing',
    title: 'Signing of the Joint Declaration on the Establishment of a Strategic Partnership',
    occursOn: '2026-02-04',
    planned: false,
    isDemo: false,
    isNextReview: false,
  },
  {
    kind: 'review',
    title: 'State visit of the Prime Minister of Pakistan to Kazakhstan to review implementation (date to be confirmed)',
    occursOn: NEXT_REVIEW_ESTIMATE,
    planned: true,
    isDemo: true,
    isNextReview: true,
  },
];

export interface SectorSeed {
  slug: string;
  name: string;
  colour: string;
  position: number;
}

// Okabe-Ito colours (without yellow, too faint on white) plus Paul Tol's indigo, wine and olive and a
// neutral grey: told apart under the common forms of colour blindness.
export const SECTORS: readonly SectorSeed[] = [
  { slug: 'energy', name: 'Energy', colour: '#e69f00', position: 1 },
  { slug: 'transport-logistics', name: 'Transport and logistics', colour: '#0072b2', position: 2 },
  { slug: 'trade-investment', name: 'Trade and investment', colour: '#009e73', position: 3 },
  { slug: 'industry', name: 'Industry', colour: '#d55e00', position: 4 },
  { slug: 'agriculture', name: 'Agriculture', colour: '#999933', position: 5 },
  { slug: 'digitalisation', name: 'Digitalisation', colour: '#56b4e9', position: 6 },
  { slug: 'finance', name: 'Finance', colour: '#cc79a7', position: 7 },
  { slug: 'defence', name: 'Defence', colour: '#332288', position: 8 },
  { slug: 'multilateral-coordination', name: 'Multilateral coordination', colour: '#882255', position: 9 },
  { slug: 'political-dialogue', name: 'Political dialogue', colour: '#666666', position: 10 },
];

export interface OrganisationSeed {
  key: string;
  name: string;
  shortName: string;
  country: 'KZ' | 'PK';
  isDemo: boolean;
}

// Real ministries and agencies, named as their governments name them. The report does not say which
// of them leads each commitment; that follows from each ministry's remit (see islamabad-commitments.ts).
export const ORGANISATIONS: readonly OrganisationSeed[] = [
  { key: 'kz-mfa', name: 'Ministry of Foreign Affairs of the Republic of Kazakhstan', shortName: 'MFA (KZ)', country: 'KZ', isDemo: false },
  { key: 'kz-mti', name: 'Ministry of Trade and Integration of the Republic of Kazakhstan', shortName: 'MTI (KZ)', country: 'KZ', isDemo: false },
  { key: 'kz-transport', name: 'Ministry of Transport of the Republic of Kazakhstan', shortName: 'MoT (KZ)', country: 'KZ', isDemo: false },
  { key: 'kz-energy', name: 'Ministry of Energy of the Republic of Kazakhstan', shortName: 'MoE (KZ)', country: 'KZ', isDemo: false },
  { key: 'kz-industry', name: 'Ministry of Industry and Construction of the Republic of Kazakhstan', shortName: 'MIC (KZ)', country: 'KZ', isDemo: false },
  { key: 'kz-agriculture', name: 'Ministry of Agriculture of the Republic of Kazakhstan', shortName: 'MoA (KZ)', country: 'KZ', isDemo: false },
  {
    key: 'kz-digital',
    name: 'Ministry of Digital Development, Innovations and Aerospace Industry of the Republic of Kazakhstan',
    shortName: 'MDDIAI (KZ)',
    country: 'KZ',
    isDemo: false,
  },
  { key: 'kz-finance', name: 'Ministry of Finance of the Republic of Kazakhstan', shortName: 'MoF (KZ)', country: 'KZ', isDemo: false },
  { key: 'kz-defence', name: 'Ministry of Defence of the Republic of Kazakhstan', shortName: 'MoD (KZ)', country: 'KZ', isDemo: false },
  { key: 'pk-mofa', name: 'Ministry of Foreign Affairs (Pakistan)', shortName: 'MoFA (PK)', country: 'PK', isDemo: false },
  { key: 'pk-commerce', name: 'Ministry of Commerce', shortName: 'MoC (PK)', country: 'PK', isDemo: false },
  { key: 'pk-communications', name: 'Ministry of Communications', shortName: 'MoComm (PK)', country: 'PK', isDemo: false },
  { key: 'pk-railways', name: 'Ministry of Railways', shortName: 'MoR (PK)', country: 'PK', isDemo: false },
  { key: 'pk-power', name: 'Ministry of Energy (Power Division)', shortName: 'Power Division (PK)', country: 'PK', isDemo: false },
  { key: 'pk-petroleum', name: 'Ministry of Energy (Petroleum Division)', shortName: 'Petroleum Division (PK)', country: 'PK', isDemo: false },
  { key: 'pk-industries', name: 'Ministry of Industries and Production', shortName: 'MoIP (PK)', country: 'PK', isDemo: false },
  { key: 'pk-food', name: 'Ministry of National Food Security and Research', shortName: 'MNFSR (PK)', country: 'PK', isDemo: false },
  { key: 'pk-it', name: 'Ministry of Information Technology and Telecommunication', shortName: 'MoITT (PK)', country: 'PK', isDemo: false },
  { key: 'pk-finance', name: 'Finance Division', shortName: 'Finance Division (PK)', country: 'PK', isDemo: false },
  { key: 'pk-defence', name: 'Ministry of Defence', shortName: 'MoD (PK)', country: 'PK', isDemo: false },
  { key: 'pk-boi', name: 'Board of Investment', shortName: 'BOI (PK)', country: 'PK', isDemo: false },
];

export function organisationByKey(key: string): OrganisationSeed {
  const org = ORGANISATIONS.find((o) => o.key === key);
  if (!org) throw new Error(`Unknown organisation key in the seed data: ${key}`);
  return org;
}
