import { z } from 'zod';
import { BRIEFING_THREADS_SHOWN } from './briefing';
import { IMPORT_ROW_ACTIONS, IMPORT_STATUSES } from './import-rows';
import { TOKEN_SCOPES } from './inputs';
import { deliveryModesSchema } from './notification-inputs';
import { NOTIFICATION_KINDS } from './notification-kinds';
import { ROLES } from './roles';
import { DIRECTIONS, HEALTHS, STAGES } from './stages';

// The shapes API version 1 answers with, written once: the OpenAPI document is generated from them
// (lib/server/openapi) and a test checks real answers against that document. Times are ISO 8601 in
// UTC, dates YYYY-MM-DD (lib/server/api-shapes.ts writes them so).

const time = () => z.iso.datetime();
const day = () => z.iso.date();
const stage = z.enum(STAGES).meta({ id: 'Stage' });
const health = z.enum(HEALTHS).meta({ id: 'Health' });
const party = z.enum(['a', 'b']).nullable().meta({ description: 'The side the author spoke for; null for an administrator.' });

const organisation = z.object({ id: z.uuid(), name: z.string(), country: z.string() });

export const commitmentResponse = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    title: z.string(),
    description: z.string(),
    sourcePassage: z.string(),
    agendaId: z.uuid(),
    agenda: z.string().meta({ description: 'The agenda’s slug.' }),
    sector: z.string().meta({ description: 'The sector’s slug.' }),
    sectorName: z.string(),
    stage,
    health,
    dueDate: day().nullable(),
    version: z.int().min(1),
    leadOrganisations: z.object({ a: organisation, b: organisation }),
    overdue: z.boolean(),
    stale: z.boolean(),
    confirmedStage: stage,
    confirmedHealth: health.nullable(),
    awaitingConfirmation: z.int().min(0),
    disputed: z.boolean(),
    lastUpdateAt: time().nullable(),
    createdAt: time(),
    updatedAt: time(),
    can: z.object({ edit: z.boolean(), update: z.boolean(), comment: z.boolean() }).meta({ description: 'What the caller may do with it.' }),
  })
  .meta({ id: 'Commitment' });

export const commitmentListResponse = z
  .object({ items: z.array(commitmentResponse), page: z.int().min(1), pageSize: z.int().min(1), total: z.int().min(0) })
  .meta({ id: 'CommitmentList' });

const reading = z.object({ indicatorId: z.uuid(), value: z.number(), asOf: day() });

const indicator = z
  .object({
    id: z.uuid(),
    name: z.string(),
    unit: z.string(),
    baselineValue: z.number(),
    baselineDate: day(),
    targetValue: z.number(),
    targetDate: day(),
    direction: z.enum(DIRECTIONS),
    isDemo: z.boolean(),
    readings: z.array(reading.extend({ statusUpdateId: z.uuid() })),
  })
  .meta({ id: 'Indicator' });

export const statusUpdateResponse = z
  .object({
    id: z.uuid(),
    sequence: z.int().min(1),
    createdAt: time(),
    authorId: z.uuid(),
    authorName: z.string(),
    authorOrganisation: z.string().nullable(),
    stageBefore: stage,
    stageAfter: stage,
    health,
    narrative: z.string(),
    nextStep: z.string(),
    isDemo: z.boolean(),
    party,
    canDecide: z.boolean().optional().meta({ description: 'Whether the caller may confirm or dispute it now (in a commitment’s detail).' }),
    readings: z.array(reading).optional(),
    evidence: z.array(z.url()).optional(),
    confirmation: z.object({
      state: z.enum(['awaiting', 'confirmed', 'disputed', 'not_needed']),
      decidedBy: z.object({ id: z.uuid(), name: z.string().nullable(), organisation: z.string().nullable() }).nullable(),
      decidedAt: time().nullable(),
      note: z.string().nullable(),
    }),
  })
  .meta({ id: 'StatusUpdate' });

const comment = {
  id: z.uuid(),
  statusUpdateId: z.uuid().nullable(),
  parentId: z.uuid().nullable(),
  authorId: z.uuid(),
  body: z.string(),
  createdAt: time(),
  resolvedAt: time().nullable(),
  isDemo: z.boolean(),
};

const commentInDetail = z
  .object({ ...comment, authorName: z.string(), authorRole: z.enum(ROLES), resolvedByName: z.string().nullable() })
  .meta({ id: 'Comment' });

export const commentCreatedResponse = z
  .object({ ...comment, commitmentId: z.uuid(), resolvedById: z.uuid().nullable() })
  .meta({ id: 'CommentCreated' });

export const commitmentDetailResponse = commitmentResponse
  .extend({ indicators: z.array(indicator), updates: z.array(statusUpdateResponse), comments: z.array(commentInDetail) })
  .meta({ id: 'CommitmentDetail' });

export const updateRecordedResponse = z
  .object({
    id: z.uuid(), sequence: z.int().min(1), stage, health, party,
    confirmation: z.enum(['awaiting', 'not_needed']).meta({ description: 'Whether the other side is asked to confirm it.' }),
  })
  .meta({ id: 'UpdateRecorded' });

export const commentResolvedResponse = z
  .object({ id: z.uuid(), resolved: z.boolean(), resolvedAt: time().nullable() })
  .meta({ id: 'ThreadResolution', description: 'The thread’s first comment and whether the thread is resolved.' });

const tokenScope = z.enum(TOKEN_SCOPES).meta({ id: 'TokenScope' });

export const tokenCreatedResponse = z
  .object({
    id: z.uuid(),
    token: z.string().meta({ description: 'The token itself: shown in this answer only. Send it as `Authorization: Bearer …`.' }),
    scope: tokenScope,
    expiresAt: time(),
  })
  .meta({ id: 'TokenCreated' });

export const tokenListResponse = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        scope: tokenScope,
        prefix: z.string().meta({ description: 'The token’s first characters, to tell tokens apart.' }),
        createdAt: time(),
        expiresAt: time(),
        lastUsedAt: time().nullable(),
        revokedAt: time().nullable(),
      }),
    ),
  })
  .meta({ id: 'TokenList' });

export const tokenRevokedResponse = z.object({ id: z.uuid(), revoked: z.literal(true), revokedAt: time() }).meta({ id: 'TokenRevoked' });

const count = () => z.int().min(0);

export const importResponse = z
  .object({
    id: z.uuid().meta({ description: 'The preview’s id, to apply it by.' }),
    fileName: z.string(),
    status: z.enum(IMPORT_STATUSES),
    expiresAt: time().meta({ description: 'Until when the preview may be applied.' }),
    appliedAt: time().nullable(),
    counts: z.object(Object.fromEntries(IMPORT_ROW_ACTIONS.map((action) => [action, count()]))).meta({ description: 'How many rows do what.' }),
    rows: z.array(
      z.object({
        row: z.int().min(2).meta({ description: 'The row’s number in the file; the header is row 1.' }),
        reference: z.string().meta({ description: 'As the file gives it; empty for a new commitment to be given the next one.' }),
        title: z.string(),
        action: z.enum(IMPORT_ROW_ACTIONS),
        changes: z.array(z.object({ column: z.string(), from: z.string(), to: z.string() })).meta({ description: 'The cells that differ from the commitment as it is.' }),
        errors: z.array(
          z.object({ column: z.string().nullable().meta({ description: 'The file’s column; null for the row as a whole.' }), message: z.string() }),
        ).meta({ description: 'Why the row cannot be applied: a conflict with a newer edit, or a rule it breaks.' }),
      }),
    ),
  })
  .meta({ id: 'Import', description: 'An uploaded file’s preview: what each row would do. Applying it does all of it or nothing.' });

const notification = z
  .object({
    id: z.uuid(),
    kind: z.enum(NOTIFICATION_KINDS).meta({ id: 'NotificationKind' }),
    commitmentId: z.uuid().nullable(),
    commitmentReference: z.string().nullable(),
    commitmentTitle: z.string().nullable(),
    statusUpdateId: z.uuid().nullable(),
    commentId: z.uuid().nullable(),
    actorName: z.string().nullable().meta({ description: 'Who did what it tells of; null for a reminder or a digest.' }),
    data: z.record(z.string(), z.unknown()).meta({ description: 'What the kind needs to be told (a decision, a due date, a digest’s figures).' }),
    createdAt: time(),
    readAt: time().nullable(),
  })
  .meta({ id: 'Notification' });

export const notificationListResponse = z
  .object({
    items: z.array(notification),
    page: z.int().min(1),
    pageSize: z.int().min(1),
    total: count().meta({ description: 'How many the list holds (all, or the unread ones).' }),
    unread: count().meta({ description: 'How many of the caller’s notifications are unread.' }),
  })
  .meta({ id: 'NotificationList' });

export const notificationsReadResponse = z
  .object({ marked: count().meta({ description: 'How many were unread and are read now.' }), unread: count() })
  .meta({ id: 'NotificationsRead' });

export const watchResponse = z.object({ commitmentId: z.uuid(), watching: z.boolean() }).meta({ id: 'WatchState' });

export const preferencesResponse = z
  .object({ notifications: deliveryModesSchema.meta({ description: 'The e-mail choice for every kind: the caller’s own, else the default.' }) })
  .meta({ id: 'Preferences' });

const stageCounts = z.object(Object.fromEntries(STAGES.map((s) => [s, count()]))).meta({ id: 'StageCounts', description: 'How many are at each stage.' });

const briefingCommitment = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    title: z.string(),
    sectorSlug: z.string(),
    stageThen: stage.nullable().meta({ description: 'Null when it did not exist yet at the end of `from`.' }),
    stageNow: stage,
    healthThen: health.nullable(),
    healthNow: health,
    overdue: z.boolean(),
    stale: z.boolean(),
    dueDate: day().nullable(),
    leads: z.array(z.string()).meta({ description: 'The lead organisations’ names.' }),
    lastUpdateAt: time().nullable(),
    narrative: z.string(),
    nextStep: z.string(),
    demo: z.boolean().meta({ description: 'Its latest update (as at `to`) is illustrative demo data.' }),
    changed: z.boolean(),
    stuck: z.boolean(),
    decision: z.boolean(),
    readings: z.array(
      z.object({
        indicator: z.string(),
        unit: z.string(),
        direction: z.enum(DIRECTIONS),
        baseline: z.number(),
        target: z.number(),
        then: z.object({ value: z.number(), asOf: day() }).nullable(),
        now: z.object({ value: z.number(), asOf: day() }).nullable(),
      }),
    ),
    evidence: z.array(z.string()),
  })
  .meta({ id: 'BriefingCommitment' });

export const briefingResponse = z
  .object({
    agenda: z.object({ slug: z.string(), title: z.string(), partyA: z.string(), partyB: z.string(), signedOn: day() }),
    sector: z.object({ slug: z.string(), name: z.string() }).nullable(),
    from: day(),
    to: day(),
    since: z
      .discriminatedUnion('kind', [z.object({ kind: z.literal('signing') }), z.object({ kind: z.literal('review'), name: z.string() }), z.object({ kind: z.literal('date') })])
      .meta({ description: 'What `from` is: the signing, a held review (by name), or a date given.' }),
    generatedAt: time(),
    demo: z.boolean(),
    headline: z.object({
      commitments: count(), commitmentsThen: count(), created: count(), movedForward: count(), movedBack: count(),
      measurableThen: count(), measurableNow: count(), overdue: count(), stale: count(),
    }),
    sectors: z
      .array(z.object({ slug: z.string(), name: z.string(), colour: z.string(), commitments: z.array(briefingCommitment) }))
      .meta({ description: 'Per sector, the commitments that changed in the period (stage, health or any update).' }),
    stuck: z.array(briefingCommitment),
    decisions: z.array(briefingCommitment),
    threads: z.array(
      z.object({
        id: z.uuid(), commitmentId: z.uuid(), reference: z.string(), title: z.string(), author: z.string(), body: z.string(), createdAt: time(), demo: z.boolean(),
      }),
    ).meta({ description: `The comment threads open at the end of \`to\`, the ${BRIEFING_THREADS_SHOWN} most recently started.` }),
    threadsOpen: count().meta({ description: 'How many comment threads were open at the end of `to` in all.' }),
    pipeline: z.object({
      rows: z.array(
        z.object({ sector: z.object({ id: z.uuid(), slug: z.string(), name: z.string(), colour: z.string() }), counts: stageCounts, total: count() }),
      ),
      totals: stageCounts,
      total: count(),
    }).meta({ description: 'Commitments per sector and stage at the end of `to`.' }),
    movement: z
      .array(z.object({ date: day(), t: z.number().meta({ description: 'The day as milliseconds since 1970.' }), total: count(), ...stageCounts.shape }))
      .meta({ description: 'Commitments per stage at the end of each week of the period.' }),
  })
  .meta({ id: 'Briefing', description: 'What moved between two days, what is stuck and what needs deciding.' });

export const reviewResponse = z
  .object({
    id: z.uuid(),
    agendaId: z.uuid(),
    agenda: z.string().meta({ description: 'The agenda’s slug.' }),
    name: z.string(),
    date: day(),
    held: z.boolean(),
    heldAt: time().nullable(),
    heldBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    can: z.object({ edit: z.boolean(), hold: z.boolean() }).meta({ description: 'What the caller may do with it.' }),
  })
  .meta({ id: 'Review' });

export const reviewListResponse = z.object({ items: z.array(reviewResponse) }).meta({ id: 'ReviewList' });

export const reviewDetailResponse = reviewResponse
  .extend({ briefing: briefingResponse.nullable().meta({ description: 'The briefing frozen when it was held; null before.' }) })
  .meta({ id: 'ReviewDetail' });

export const reviewHeldResponse = reviewResponse.extend({ briefing: briefingResponse }).meta({ id: 'ReviewHeld' });

export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.enum([
        'unauthenticated', 'forbidden', 'not_found', 'method_not_allowed', 'bad_request', 'invalid', 'conflict',
        'payload_too_large', 'unsupported_media_type', 'too_many_requests', 'unavailable', 'internal',
      ]),
      message: z.string().meta({ description: 'What went wrong, for a person to read.' }),
      fields: z.record(z.string(), z.array(z.string())).optional().meta({ description: 'Each invalid field’s messages, by its path (`readings.0.asOf`).' }),
      current: z.record(z.string(), z.unknown()).optional().meta({ description: 'On a 409 edit conflict: the commitment as it is now, with its `version`.' }),
    }),
  })
  .meta({ id: 'Error' });
