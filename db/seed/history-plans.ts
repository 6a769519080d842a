// The scripted demo history of the Islamabad commitments, February to November 2026. None of it
// comes from the source: it exists so that charts, timelines and lists have something to show, and
// every row made from it is flagged `isDemo`. history.ts turns it into rows (times of day and the
// wobble of statistical readings come from a seeded PRNG) and checks every move against the rules.
import type { Health, Stage } from '@/lib/domain/stages';

export interface StepPlan {
  on: string; // YYYY-MM-DD
  to: Stage;
  health: Health;
  narrative: string;
  nextStep: string;
  /** Indicator key -> demo value. */
  readings?: Readonly<Record<string, number>>;
  /** Slugs; history.ts makes illustrative URLs of them under demo.agenda.test. */
  evidence?: readonly string[];
}

export type CommentAuthor = 'admin' | 'staff' | 'reviewer';

interface CommentPlan {
  on: string;
  author: CommentAuthor;
  body: string;
  /** Sequence of the status update the comment answers; absent for a comment on the commitment. */
  onUpdate?: number;
  replies?: readonly { on: string; author: CommentAuthor; body: string }[];
  /** Date the reviewer resolved the thread. */
  resolvedOn?: string;
}

export interface CommitmentPlan {
  steps: readonly StepPlan[];
  comments?: readonly CommentPlan[];
}

type Extra = Pick<StepPlan, 'readings' | 'evidence'>;
export function s(on: string, to: Stage, health: Health, narrative: string, nextStep: string, extra: Extra = {}): StepPlan {
  return { on, to, health, narrative, nextStep, ...extra };
}

/** ISB-01 to ISB-09; the rest are in history-plans-2.ts. */
export const PLANS_PART_1: Readonly<Record<string, CommitmentPlan>> = {
  'ISB-01': {
    steps: [
      s('2026-02-12', 'agreed', 'on_track', 'The Joint Declaration signed on 4 February is confirmed by both foreign ministries as the framework for the partnership.', 'Agree an implementation plan covering every area named in Islamabad.'),
      s('2026-04-22', 'in_progress', 'on_track', 'The foreign ministries agreed an implementation plan that lists each commitment and the ministries leading it.', 'First joint progress review by videoconference in July.', { evidence: ['implementation-plan'] }),
      s('2026-07-16', 'in_progress', 'on_track', 'First joint progress review held by videoconference; each lead ministry reported on its area.', 'Second review before the state visit.'),
      s('2026-11-09', 'in_progress', 'at_risk', 'Second review: most areas are moving, but energy and digitalisation are behind and will be flagged in the report to the leaders.', 'Submit the consolidated progress report before the state visit.'),
    ],
    comments: [
      {
        on: '2026-11-11', author: 'reviewer', onUpdate: 4, body: 'Besides energy and digitalisation, should the report also flag trade corridors? Their due date has passed.',
        replies: [{ on: '2026-11-12', author: 'admin', body: 'Yes: trade corridors will be listed as overdue, with the second signed document noted.' }],
      },
    ],
  },
  'ISB-02': {
    steps: [
      s('2026-02-18', 'agreed', 'on_track', 'Trade ministries agreed a trade expansion road map built on the package of proposals presented in Islamabad.', 'Organise the first trade mission.', { evidence: ['trade-roadmap'] }),
      s('2026-04-08', 'in_progress', 'on_track', 'First trade mission held: exporters from Kazakhstan met importers and business associations in Pakistan.', 'Hold a business forum and compile the first turnover figures.', { readings: { missions: 1 }, evidence: ['trade-mission-1'] }),
      s('2026-06-24', 'measurable', 'on_track', 'Turnover over the last twelve months is above the baseline; three missions and forums held so far.', 'Keep the pace through the summer; prepare the autumn business forum.', { readings: { turnover: 452, missions: 3 }, evidence: ['trade-statistics-may'] }),
      s('2026-09-15', 'measurable', 'at_risk', 'Growth slowed over the summer; at this pace the turnover target will not be reached by December.', 'Agree with the Ministry of Commerce which barriers to remove first.', { readings: { turnover: 468, missions: 4 }, evidence: ['trade-statistics-august'] }),
      s('2026-11-12', 'measurable', 'on_track', 'Autumn business forum held; contracts signed there start to show in the turnover figures.', 'Report the year-end figures at the state visit.', { readings: { turnover: 515, missions: 5 }, evidence: ['business-forum-autumn'] }),
    ],
    comments: [
      {
        on: '2026-06-26', author: 'reviewer', onUpdate: 3, body: 'Which statistics are the turnover figures taken from: the customs data of one side or of both?',
        replies: [{ on: '2026-06-29', author: 'staff', body: 'From the customs statistics of Kazakhstan for now; Pakistan’s figures will be added once the Ministry of Commerce shares them.' }],
        resolvedOn: '2026-07-01',
      },
      {
        on: '2026-09-17', author: 'reviewer', onUpdate: 4, body: 'What would bring this back on track before the state visit?',
        replies: [{ on: '2026-09-18', author: 'staff', body: 'The autumn business forum and faster certification for food exports. We will report after the forum.' }],
      },
    ],
  },
  'ISB-03': {
    steps: [
      s('2026-03-03', 'agreed', 'on_track', 'The investment agencies agreed to compile a joint pipeline of investment projects both sides support.', 'Each side submits candidate projects.'),
      s('2026-04-28', 'in_progress', 'on_track', 'Both sides submitted candidate projects; joint screening is under way.', 'Publish the first version of the pipeline.'),
      s('2026-06-10', 'measurable', 'on_track', 'First version of the pipeline agreed with six projects.', 'Complete the pipeline by the end of September.', { readings: { projects: 6 }, evidence: ['investment-pipeline-v1'] }),
      s('2026-09-22', 'achieved', 'on_track', 'Pipeline completed with eleven projects, above the target of ten.', 'Follow the projects individually; report at the state visit.', { readings: { projects: 11 }, evidence: ['investment-pipeline-final'] }),
    ],
    comments: [
      {
        on: '2026-09-24', author: 'reviewer', onUpdate: 4, body: 'Please list the eleven projects in the evidence document with the stage each one has reached.',
        replies: [{ on: '2026-09-28', author: 'admin', body: 'Done: the document now lists each project with its stage and lead agency.' }],
        resolvedOn: '2026-09-29',
      },
    ],
  },
  'ISB-04': {
    steps: [
      s('2026-03-10', 'agreed', 'on_track', 'Transport ministries set up a joint working group on transport connectivity.', 'First meeting of the working group.'),
      s('2026-05-05', 'in_progress', 'on_track', 'The working group agreed its priorities: road freight permits, multimodal routes and border procedures.', 'Collect the first cargo figures.'),
      s('2026-07-28', 'measurable', 'on_track', 'Cargo carried between the two countries rose above the baseline in the first half of the year.', 'Extend the number of road freight permits.', { readings: { cargo: 63.5 }, evidence: ['transport-statistics-h1'] }),
      s('2026-10-01', 'measurable', 'on_track', 'Cargo volumes keep growing after the increase in freight permits.', 'Review border procedures with the customs services.', { readings: { cargo: 78.2 }, evidence: ['transport-statistics-q3'] }),
      s('2026-11-18', 'measurable', 'on_track', 'Growth continues; the target of the year is within reach if the current pace holds.', 'Report the figures at the state visit.', { readings: { cargo: 91 }, evidence: ['transport-statistics-october'] }),
    ],
    comments: [
      {
        on: '2026-11-19', author: 'staff', onUpdate: 5, body: 'For the trade report: does the cargo figure include goods in transit through the Central Asian neighbours?',
        replies: [{ on: '2026-11-20', author: 'admin', body: 'Yes: cargo is counted by country of origin and destination, whatever the route.' }],
        resolvedOn: '2026-11-21',
      },
    ],
  },
  'ISB-05': {
    steps: [
      s('2026-03-18', 'agreed', 'on_track', 'The railways agreed to study through-routes for freight across Kazakhstan to and from Pakistan.', 'Agree a technical protocol and plan trial shipments.'),
      s('2026-05-26', 'in_progress', 'on_track', 'Technical protocol initialled; trial container shipments are being prepared.', 'Run the first trial shipment in July.'),
      s('2026-07-07', 'agreed', 'at_risk', 'Moved back: the trial shipment was postponed because the tariff terms of the technical protocol must be renegotiated. Implementation is paused until both sides sign the revised protocol.', 'Sign the revised protocol.'),
      s('2026-08-25', 'in_progress', 'on_track', 'Revised protocol signed; trial shipments are being prepared again.', 'Run the trial shipments and measure transit times.', { evidence: ['revised-technical-protocol'] }),
      s('2026-10-20', 'measurable', 'at_risk', 'Trial shipments took 22.5 days on average: faster than the baseline, still far from the 15-day target.', 'Agree with the border services how to cut waiting times.', { readings: { transit_days: 22.5 }, evidence: ['trial-shipments-report'] }),
    ],
    comments: [
      {
        on: '2026-07-08', author: 'reviewer', onUpdate: 3, body: 'Thank you for explaining the move back. Is there a date for the revised protocol?',
        replies: [{ on: '2026-07-10', author: 'admin', body: 'Signature is expected in August; we will update when it is signed.' }],
        resolvedOn: '2026-08-26',
      },
    ],
  },
  'ISB-06': {
    steps: [
      s('2026-02-25', 'agreed', 'on_track', 'Trade ministries agreed to prepare the documents that establish trade corridors: a road map and two agreements.', 'Exchange drafts.'),
      s('2026-04-15', 'in_progress', 'on_track', 'Drafts of the road map and the two agreements exchanged and under negotiation.', 'Sign the road map.'),
      s('2026-08-27', 'in_progress', 'at_risk', 'Negotiators still disagree on customs procedures; the 30 June date for the road map was missed.', 'Escalate to deputy ministers.'),
      s('2026-11-05', 'in_progress', 'at_risk', 'Deputy ministers settled the customs questions; the road map text is agreed and awaits signature.', 'Sign the road map and report the first corridor document with evidence.'),
    ],
    comments: [
      {
        on: '2026-07-02', author: 'reviewer', body: 'The due date of 30 June has passed. Should it be revised, or kept to show the delay?',
        replies: [{ on: '2026-07-03', author: 'admin', body: 'Keep the original date: the delay is part of the record the leaders will review.' }],
        resolvedOn: '2026-07-06',
      },
      { on: '2026-11-06', author: 'reviewer', onUpdate: 4, body: 'Please attach the signed road map as evidence once it is signed.' },
    ],
  },
  'ISB-07': {
    steps: [
      s('2026-04-02', 'agreed', 'on_track', 'The transport ministry listed the projects coordinated with Central Asian countries that also serve the routes to Pakistan.', 'Start the first projects.'),
      s('2026-06-30', 'in_progress', 'on_track', 'Two of the listed projects moved into implementation.', 'Coordination meeting with the Central Asian partners in October.'),
      s('2026-10-14', 'in_progress', 'on_track', 'Coordination meeting with the Central Asian partners held; schedules of the projects aligned.', 'Report the projects’ progress with evidence.'),
    ],
  },
  'ISB-08': {
    steps: [
      s('2026-03-05', 'agreed', 'on_track', 'Energy ministries agreed to set up an expert group on energy cooperation.', 'First meeting of the expert group.'),
      s('2026-05-19', 'in_progress', 'at_risk', 'The expert group met once; a draft cooperation agreement is under discussion.', 'Agree the text of the draft agreement.'),
      s('2026-09-10', 'stalled', 'off_track', 'Stalled: no reply on the draft agreement for three months and the expert group has not met since May. Needs attention at political level.', 'Raise at the next review of the foreign ministries.'),
    ],
    comments: [
      {
        on: '2026-09-14', author: 'reviewer', onUpdate: 3, body: 'Flagged for the coordination meeting: energy is stalled and past its due date.',
        replies: [{ on: '2026-09-16', author: 'admin', body: 'Added to the agenda of the next review of the foreign ministries.' }],
      },
    ],
  },
  'ISB-09': {
    steps: [
      s('2026-03-24', 'intent', 'on_track', 'Industry ministries exchanged lists of possible joint projects; nothing agreed yet.', 'Prepare a memorandum on industrial cooperation.'),
      s('2026-07-21', 'agreed', 'on_track', 'Memorandum on industrial cooperation signed.', 'Select the first joint projects.', { evidence: ['industry-memorandum'] }),
      s('2026-10-27', 'agreed', 'at_risk', 'Project selection is slower than planned: the feasibility studies are not finished.', 'Finish the feasibility studies and launch the first project.'),
    ],
  },
};
