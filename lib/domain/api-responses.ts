import { z } from 'zod';
import { ROLES } from './roles';
import { DIRECTIONS, HEALTHS, STAGES } from './stages';
import { TOKEN_SCOPES } from './inputs';

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
