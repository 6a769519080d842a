// What was promised in Islamabad, one commitment per area the report names. Each `sourcePassage` is
// a verbatim quote of source-islamabad-talks.txt (a test holds it to that). Titles phrase the passage
// as a commitment; lead organisations follow each ministry's remit, since the report names none.
// Every indicator is demo data: the report gives no figures, so baselines and targets are invented
// for the demonstration and flagged `isDemo`.
import type { Direction } from '@/lib/domain/stages';

interface IndicatorSeed {
  /** Unique within its commitment; history.ts refers to indicators by it. */
  key: string;
  name: string;
  unit: string;
  baselineValue: number;
  baselineDate: string;
  targetValue: number;
  targetDate: string;
  direction: Direction;
  /** Decimal places that demo readings are rounded to (0 for counts). */
  decimals: number;
}

export interface CommitmentSeed {
  reference: string;
  sector: string;
  title: string;
  description: string;
  sourcePassage: string;
  /** Lead organisation of party A (Kazakhstan) and of party B (Pakistan), by key. */
  leadA: string;
  leadB: string;
  dueDate: string;
  indicators: readonly IndicatorSeed[];
}

const BASELINE_DATE = '2025-12-31';

function count(key: string, name: string, target: number, targetDate: string): IndicatorSeed {
  return { key, name, unit: 'count', baselineValue: 0, baselineDate: BASELINE_DATE, targetValue: target, targetDate, direction: 'higher_is_better', decimals: 0 };
}

const SECTORS_PASSAGE =
  'The sides also discussed prospects for cooperation in energy, industry, agriculture, digitalisation and the financial sector.';

export const COMMITMENTS: readonly CommitmentSeed[] = [
  {
    reference: 'ISB-01',
    sector: 'political-dialogue',
    title: 'Implement the Joint Declaration on the Establishment of a Strategic Partnership between Kazakhstan and Pakistan',
    description:
      'The Joint Declaration signed in Islamabad opens a strategic partnership. Both foreign ministries follow its implementation and report to the leaders before the follow-up state visit.',
    sourcePassage:
      'A key political outcome of the talks was the signing of the Joint Declaration on the Establishment of a Strategic Partnership, which Tokayev described as a turning point in bilateral relations.',
    leadA: 'kz-mfa',
    leadB: 'pk-mofa',
    dueDate: '2026-12-31',
    indicators: [],
  },
  {
    reference: 'ISB-02',
    sector: 'trade-investment',
    title: 'Significantly expand bilateral trade between Kazakhstan and Pakistan',
    description:
      'Kazakhstan brought a concrete package of proposals to expand trade. Trade ministries turn it into measures (trade missions, business forums, removal of barriers) and track turnover.',
    sourcePassage:
      'He said he arrived in Pakistan with a large delegation and a concrete package of proposals aimed at significantly expanding trade, economic and investment cooperation, as well as collaboration in other priority areas.',
    leadA: 'kz-mti',
    leadB: 'pk-commerce',
    dueDate: '2026-12-31',
    indicators: [
      {
        key: 'turnover',
        name: 'Bilateral trade turnover, rolling 12 months',
        unit: 'USD million',
        baselineValue: 400,
        baselineDate: BASELINE_DATE,
        targetValue: 600,
        targetDate: '2026-12-31',
        direction: 'higher_is_better',
        decimals: 1,
      },
      count('missions', 'Trade missions and business forums held', 6, '2026-12-31'),
    ],
  },
  {
    reference: 'ISB-03',
    sector: 'trade-investment',
    title: 'Agree a pipeline of joint investment projects to expand investment cooperation',
    description:
      'Expanding investment cooperation was part of the package of proposals. The investment agencies of both sides list the projects both are ready to support and follow each one.',
    sourcePassage: 'significantly expanding trade, economic and investment cooperation',
    leadA: 'kz-mfa',
    leadB: 'pk-boi',
    dueDate: '2026-09-30',
    indicators: [count('projects', 'Joint investment projects in the agreed pipeline', 10, '2026-09-30')],
  },
  {
    reference: 'ISB-04',
    sector: 'transport-logistics',
    title: 'Improve transport connectivity between Kazakhstan and Pakistan',
    description:
      'Transport connectivity was a special focus of the talks. Transport ministries agree routes, tariffs and border procedures that let cargo move between the two countries.',
    sourcePassage:
      'A special focus of the discussions was placed on transport connectivity, identified as one of Kazakhstan’s strategic priorities.',
    leadA: 'kz-transport',
    leadB: 'pk-communications',
    dueDate: '2026-12-31',
    indicators: [
      {
        key: 'cargo',
        name: 'Cargo carried between Kazakhstan and Pakistan, rolling 12 months',
        unit: 'thousand tonnes',
        baselineValue: 50,
        baselineDate: BASELINE_DATE,
        targetValue: 150,
        targetDate: '2026-12-31',
        direction: 'higher_is_better',
        decimals: 1,
      },
    ],
  },
  {
    reference: 'ISB-05',
    sector: 'transport-logistics',
    title: 'Use Kazakhstan’s East–West and North–South routes as a transit hub for freight to and from Pakistan',
    description:
      'Kazakhstan seeks to strengthen its role as a transit hub. Railways and transport ministries work on through-routes for freight and on shorter transit times.',
    sourcePassage:
      'Located at the crossroads of major East–West and North–South routes, Kazakhstan seeks to strengthen its role as a key transit hub.',
    leadA: 'kz-transport',
    leadB: 'pk-railways',
    dueDate: '2027-06-30',
    indicators: [
      {
        key: 'transit_days',
        name: 'Average freight transit time between the two countries',
        unit: 'days',
        baselineValue: 25,
        baselineDate: BASELINE_DATE,
        targetValue: 15,
        targetDate: '2027-06-30',
        direction: 'lower_is_better',
        decimals: 1,
      },
    ],
  },
  {
    reference: 'ISB-06',
    sector: 'trade-investment',
    title: 'Establish trade corridors between Kazakhstan and Pakistan',
    description:
      'Prime Minister Shahbaz Sharif named the establishment of trade corridors among the areas of partnership. Trade ministries agree the corridors and the documents that open them.',
    sourcePassage:
      'build a reliable partnership in various areas of economic cooperation, politics, defence, as well as in establishing trade corridors',
    leadA: 'kz-mti',
    leadB: 'pk-commerce',
    dueDate: '2026-06-30',
    indicators: [count('corridor_documents', 'Trade corridor agreements and road maps signed', 3, '2026-06-30')],
  },
  {
    reference: 'ISB-07',
    sector: 'transport-logistics',
    title: 'Implement concrete transport and logistics projects in close coordination with the countries of Central Asia',
    description:
      'President Tokayev said Kazakhstan will continue concrete transport and logistics projects, coordinated with Central Asian neighbours, that also serve the routes to Pakistan.',
    sourcePassage:
      '“In this regard, Kazakhstan will continue implementing concrete projects in the field of transport and logistics, including in close coordination with the countries of Central Asia,” President Tokayev noted.',
    leadA: 'kz-transport',
    leadB: 'pk-communications',
    dueDate: '2027-06-30',
    indicators: [count('projects', 'Joint transport and logistics projects under implementation', 5, '2027-06-30')],
  },
  {
    reference: 'ISB-08',
    sector: 'energy',
    title: 'Develop cooperation in energy',
    description: 'The sides discussed prospects for energy cooperation. Energy ministries identify projects and sign the agreements that launch them.',
    sourcePassage: SECTORS_PASSAGE,
    leadA: 'kz-energy',
    leadB: 'pk-power',
    dueDate: '2026-09-30',
    indicators: [count('agreements', 'Energy cooperation agreements signed', 2, '2026-09-30')],
  },
  {
    reference: 'ISB-09',
    sector: 'industry',
    title: 'Develop industrial cooperation',
    description: 'The sides discussed prospects for cooperation in industry. Industry ministries agree joint industrial projects and follow their launch.',
    sourcePassage: SECTORS_PASSAGE,
    leadA: 'kz-industry',
    leadB: 'pk-industries',
    dueDate: '2026-12-31',
    indicators: [count('projects', 'Joint industrial cooperation projects launched', 4, '2026-12-31')],
  },
  {
    reference: 'ISB-10',
    sector: 'agriculture',
    title: 'Develop cooperation in agriculture, including agri-food trade',
    description:
      'Both sides see untapped potential in agriculture. Agriculture ministries work on market access and phytosanitary procedures and follow agri-food trade.',
    sourcePassage:
      'According to Shahbaz Sharif, Kazakhstan and Pakistan have significant untapped potential for trade and economic cooperation, particularly in energy, industry, agriculture, transport and digitalisation.',
    leadA: 'kz-agriculture',
    leadB: 'pk-food',
    dueDate: '2026-12-31',
    indicators: [
      {
        key: 'agrifood',
        name: 'Agri-food trade between the two countries, rolling 12 months',
        unit: 'thousand tonnes',
        baselineValue: 120,
        baselineDate: BASELINE_DATE,
        targetValue: 200,
        targetDate: '2026-12-31',
        direction: 'higher_is_better',
        decimals: 1,
      },
    ],
  },
  {
    reference: 'ISB-11',
    sector: 'digitalisation',
    title: 'Develop cooperation in digitalisation',
    description: 'The sides discussed prospects for cooperation in digitalisation. The digital ministries agree areas of work and sign cooperation documents.',
    sourcePassage: SECTORS_PASSAGE,
    leadA: 'kz-digital',
    leadB: 'pk-it',
    dueDate: '2026-09-30',
    indicators: [count('agreements', 'Digital cooperation agreements signed', 2, '2026-09-30')],
  },
  {
    reference: 'ISB-12',
    sector: 'finance',
    title: 'Develop cooperation in the financial sector',
    description: 'The sides discussed prospects for cooperation in the financial sector. Finance ministries agree the arrangements that support trade and investment.',
    sourcePassage: SECTORS_PASSAGE,
    leadA: 'kz-finance',
    leadB: 'pk-finance',
    dueDate: '2027-03-31',
    indicators: [count('arrangements', 'Financial sector cooperation arrangements in force', 2, '2027-03-31')],
  },
  {
    reference: 'ISB-13',
    sector: 'defence',
    title: 'Build a reliable partnership in defence',
    description: 'Prime Minister Shahbaz Sharif named defence among the areas of partnership. Defence ministries agree the format of their cooperation.',
    sourcePassage:
      '“You can be assured that we sincerely wish to work with your Government to strengthen the bonds of friendship and build a reliable partnership in various areas of economic cooperation, politics, defence, as well as in establishing trade corridors,” the Prime Minister added.',
    leadA: 'kz-defence',
    leadB: 'pk-defence',
    dueDate: '2026-12-31',
    indicators: [],
  },
  {
    reference: 'ISB-14',
    sector: 'multilateral-coordination',
    title: 'Coordinate closely within the United Nations',
    description: 'The leaders highlighted close interaction within the United Nations. Foreign ministries consult on the UN agenda and align positions where they can.',
    sourcePassage:
      'The leaders highlighted the importance of close interaction within multilateral frameworks, including the United Nations, the Shanghai Cooperation Organisation, and other international bodies.',
    leadA: 'kz-mfa',
    leadB: 'pk-mofa',
    dueDate: '2026-09-30',
    indicators: [],
  },
  {
    reference: 'ISB-15',
    sector: 'multilateral-coordination',
    title: 'Coordinate closely within the Shanghai Cooperation Organisation',
    description: 'Both countries are members of the SCO. Foreign ministries consult ahead of SCO meetings and align positions where they can.',
    sourcePassage: 'including the United Nations, the Shanghai Cooperation Organisation, and other international bodies',
    leadA: 'kz-mfa',
    leadB: 'pk-mofa',
    dueDate: '2026-12-31',
    indicators: [],
  },
  {
    reference: 'ISB-16',
    sector: 'multilateral-coordination',
    title: 'Coordinate positions in other international bodies to support regional stability',
    description: 'Beyond the UN and the SCO, the leaders agreed that coordination in other international bodies enhances regional stability and helps align positions on global issues.',
    sourcePassage:
      'Such coordination, they agreed, enhances regional stability and helps align positions on global issues.',
    leadA: 'kz-mfa',
    leadB: 'pk-mofa',
    dueDate: '2027-03-31',
    indicators: [],
  },
  {
    reference: 'ISB-17',
    sector: 'political-dialogue',
    title: 'Prepare the state visit of the Prime Minister of Pakistan to Kazakhstan to review implementation of the Islamabad agreements',
    description:
      'President Tokayev invited the Prime Minister of Pakistan to a state visit to Kazakhstan later this year, to review the implementation of the agreements reached in Islamabad and decide further steps.',
    sourcePassage:
      'At the conclusion of the talks, President Tokayev invited the Prime Minister of Pakistan to pay a state visit to Kazakhstan later this year. Such a visit, he noted, would allow both sides to review the implementation of the agreements reached in Islamabad and determine further steps to strengthen the strategic partnership.',
    leadA: 'kz-mfa',
    leadB: 'pk-mofa',
    dueDate: '2026-12-31',
    indicators: [],
  },
  {
    reference: 'ISB-18',
    sector: 'trade-investment',
    title: 'Agree measurable targets for every area of bilateral engagement and report progress against them',
    description:
      'Prime Minister Shahbaz Sharif stressed the need for tangible and measurable progress across all areas. The sides agree indicators and targets for each area and report against them.',
    sourcePassage: 'He stressed the need to achieve tangible and measurable progress across all areas of bilateral engagement.',
    leadA: 'kz-mti',
    leadB: 'pk-commerce',
    dueDate: '2026-12-31',
    indicators: [count('areas', 'Areas of cooperation with agreed measurable targets', 10, '2026-12-31')],
  },
];
