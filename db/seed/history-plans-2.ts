// Demo history, continued: ISB-10 to ISB-18 (see history-plans.ts). Not from the source; all demo.
import { type CommitmentPlan, s } from './history-plans';

export const PLANS_PART_2: Readonly<Record<string, CommitmentPlan>> = {
  'ISB-10': {
    steps: [
      s('2026-02-27', 'agreed', 'on_track', 'Agriculture ministries agreed to work on market access for agri-food products in both directions.', 'Start phytosanitary consultations.'),
      s('2026-04-21', 'in_progress', 'on_track', 'Phytosanitary consultations started; lists of products for priority access exchanged.', 'Compile agri-food trade figures.'),
      s('2026-06-16', 'measurable', 'on_track', 'Agri-food trade over the last twelve months is above the baseline.', 'Agree the first certificates for priority products.', { readings: { agrifood: 134 }, evidence: ['agrifood-trade-may'] }),
      s('2026-11-10', 'in_progress', 'at_risk', 'Moved back: the customs data were revised and part of the increase reported in June turned out to be re-exports through third countries. The June reading no longer holds; the stage stays at In progress until a corrected figure is available.', 'Agree a common method with both statistics services; corrected figures are expected in December.'),
    ],
    comments: [
      { on: '2026-11-12', author: 'reviewer', onUpdate: 4, body: 'Good that the figure was corrected rather than left standing. Please link the revised customs data when it is published.' },
    ],
  },
  'ISB-11': {
    steps: [
      s('2026-03-20', 'intent', 'at_risk', 'Contact points named in both ministries; no meeting has taken place yet.', 'Hold the first meeting of the digital ministries.'),
    ],
    comments: [
      { on: '2026-06-03', author: 'reviewer', body: 'No update since March. Has the first meeting of the digital ministries been scheduled?' },
      { on: '2026-10-05', author: 'reviewer', body: 'Now past its due date of 30 September with no update since March. Please post the current status before the state visit.' },
    ],
  },
  'ISB-12': {
    steps: [
      s('2026-04-09', 'agreed', 'on_track', 'Finance ministries agreed to consult on arrangements that support trade and investment between the two countries.', 'First round of consultations.'),
      s('2026-08-18', 'agreed', 'at_risk', 'The first round of consultations was postponed twice; no new date yet.', 'Agree a date for the first round.'),
    ],
    comments: [
      { on: '2026-08-20', author: 'reviewer', onUpdate: 2, body: 'Postponed twice: is there a new date, and what is holding it up?' },
    ],
  },
  'ISB-13': {
    steps: [
      s('2026-05-12', 'agreed', 'on_track', 'Defence ministries agreed to hold regular consultations on their cooperation.', 'Agree dates for the first round.'),
      s('2026-10-22', 'agreed', 'on_track', 'Dates of the first round of consultations agreed.', 'Hold the first round.'),
    ],
  },
  'ISB-14': {
    steps: [
      s('2026-03-12', 'agreed', 'on_track', 'Foreign ministries agreed to hold consultations on United Nations issues.', 'First round of consultations.'),
      s('2026-06-02', 'in_progress', 'on_track', 'First consultations on the UN agenda held.', 'Consult again before the General Assembly session.'),
      s('2026-10-06', 'achieved', 'on_track', 'Consultations held before the General Assembly session; the ministries set up annual consultations on UN issues.', 'Hold the annual consultations.', { evidence: ['un-consultations-record'] }),
    ],
    comments: [
      { on: '2026-10-08', author: 'reviewer', onUpdate: 3, body: 'Evidence checked: the record of the consultations shows the annual mechanism. Achieved confirmed.', resolvedOn: '2026-10-08' },
    ],
  },
  'ISB-15': {
    steps: [
      s('2026-04-14', 'agreed', 'on_track', 'Foreign ministries agreed to consult ahead of Shanghai Cooperation Organisation meetings.', 'Consult before the next SCO meeting.'),
      s('2026-10-29', 'in_progress', 'on_track', 'Consultations held before an SCO ministerial meeting; positions compared on the agenda items.', 'Make the consultations regular.'),
    ],
  },
  'ISB-16': {
    steps: [
      s('2026-05-28', 'intent', 'on_track', 'The ministries are identifying which other international bodies the coordination should cover.', 'Agree the list of bodies.'),
      s('2026-10-05', 'intent', 'on_track', 'A list of international bodies is under discussion; no decision yet.', 'Agree the list at the state visit.'),
      s('2026-11-16', 'agreed', 'on_track', 'The foreign ministries agreed a short list of international bodies the coordination will cover.', 'Confirm the list at the state visit.'),
    ],
  },
  'ISB-17': {
    steps: [
      s('2026-02-16', 'agreed', 'on_track', 'The invitation to a state visit is being followed up through diplomatic channels; dates to be agreed.', 'Agree the dates of the visit.'),
      s('2026-09-08', 'in_progress', 'on_track', 'Preparations under way: a draft programme and a list of documents for signature are being discussed.', 'Confirm the dates.'),
      s('2026-11-20', 'in_progress', 'at_risk', 'Dates not yet confirmed; December is the working assumption.', 'Confirm the dates and the programme.'),
    ],
    comments: [
      { on: '2026-11-21', author: 'admin', onUpdate: 3, body: 'The dashboard shows 10 December as the estimated date of the visit until the dates are confirmed.' },
    ],
  },
  'ISB-18': {
    steps: [
      s('2026-03-02', 'agreed', 'on_track', 'The sides agreed to set indicators and targets for every area of cooperation.', 'Circulate a draft indicator set to the lead ministries.'),
      s('2026-05-14', 'in_progress', 'on_track', 'Draft indicator set circulated to the lead ministries of both sides.', 'Collect agreement area by area.'),
      s('2026-08-04', 'measurable', 'on_track', 'Targets agreed for four areas.', 'Agree targets for the remaining areas.', { readings: { areas: 4 }, evidence: ['indicator-set-v1'] }),
      s('2026-11-24', 'measurable', 'on_track', 'Targets agreed for seven areas.', 'Agree the last three before the state visit.', { readings: { areas: 7 }, evidence: ['indicator-set-v2'] }),
    ],
    comments: [
      {
        on: '2026-08-06', author: 'reviewer', onUpdate: 3, body: 'Which four areas have agreed targets?',
        replies: [{ on: '2026-08-07', author: 'staff', body: 'Trade, investment, transport and agriculture.' }],
        resolvedOn: '2026-08-10',
      },
      {
        on: '2026-11-25', author: 'reviewer', onUpdate: 4, body: 'Seven of ten: which areas are still missing?',
        replies: [{ on: '2026-11-26', author: 'staff', body: 'Energy, digitalisation and finance. Their lead ministries have the drafts.' }],
      },
    ],
  },
};
