import type { ZodOpenApiPathsObject } from 'zod-openapi';
import {
  commentCreatedResponse, commentResolvedResponse, commitmentDetailResponse, commitmentListResponse, commitmentResponse,
  statusUpdateResponse, updateRecordedResponse,
} from '@/lib/domain/api-responses';
import { commitmentQuerySchema } from '@/lib/domain/commitment-filters';
import {
  commentSchema, commitmentCreateSchema, commitmentPatchSchema, decisionSchema, resolveSchema, statusUpdateSchema,
} from '@/lib/domain/inputs';
import { errors, idParam, json, jsonBody } from './shared';

// Commitments, their status updates and comments: the same zod schemas the handlers validate with.
export const commitmentPaths: ZodOpenApiPathsObject = {
  '/commitments': {
    get: {
      operationId: 'listCommitments',
      tags: ['Commitments'],
      summary: 'List commitments',
      description: 'Filters as on the list page. `stage` and `health` take several values, comma-separated or repeated.',
      requestParams: { query: commitmentQuerySchema },
      responses: { 200: json(commitmentListResponse, 'One page of the filtered list.'), ...errors('read') },
    },
    post: {
      operationId: 'createCommitment',
      tags: ['Commitments'],
      summary: 'Create a commitment',
      requestBody: jsonBody(commitmentCreateSchema),
      responses: { 201: json(commitmentResponse, 'The new commitment.'), ...errors('write') },
    },
  },
  '/commitments/{id}': {
    get: {
      operationId: 'getCommitment',
      tags: ['Commitments'],
      summary: 'One commitment with its indicators, updates and comments',
      requestParams: { path: idParam('The commitment’s id.') },
      responses: { 200: json(commitmentDetailResponse, 'The commitment, its updates newest first.'), ...errors('read', [404]) },
    },
    patch: {
      operationId: 'editCommitment',
      tags: ['Commitments'],
      summary: 'Edit a commitment',
      description: 'Send the `version` you read; a stale one is a 409 carrying the current record in `error.current`.',
      requestParams: { path: idParam('The commitment’s id.') },
      requestBody: jsonBody(commitmentPatchSchema),
      responses: { 200: json(commitmentResponse, 'The edited commitment.'), ...errors('write', [409]) },
    },
  },
  '/commitments/{id}/updates': {
    post: {
      operationId: 'postStatusUpdate',
      tags: ['Status updates'],
      summary: 'Post a status update',
      description: 'The stage rules apply: see the README.',
      requestParams: { path: idParam('The commitment’s id.') },
      requestBody: jsonBody(statusUpdateSchema),
      responses: { 201: json(updateRecordedResponse, 'The recorded update.'), ...errors('write') },
    },
  },
  '/commitments/{id}/comments': {
    post: {
      operationId: 'addComment',
      tags: ['Comments'],
      summary: 'Comment on a commitment, an update or another comment',
      requestParams: { path: idParam('The commitment’s id.') },
      requestBody: jsonBody(commentSchema),
      responses: { 201: json(commentCreatedResponse, 'The new comment.'), ...errors('write') },
    },
  },
  '/comments/{id}/resolve': {
    post: {
      operationId: 'resolveThread',
      tags: ['Comments'],
      summary: 'Resolve or reopen the thread a comment belongs to',
      requestParams: { path: idParam('Any comment of the thread.') },
      requestBody: jsonBody(resolveSchema, false),
      responses: { 200: json(commentResolvedResponse, 'The thread’s state.'), ...errors('write') },
    },
  },
  '/updates/{id}/confirmation': {
    post: {
      operationId: 'decideUpdate',
      tags: ['Status updates'],
      summary: 'Confirm or dispute the other side’s status update',
      requestParams: { path: idParam('The status update’s id.') },
      requestBody: jsonBody(decisionSchema),
      responses: { 200: json(statusUpdateResponse, 'The update with its decision.'), ...errors('write', [409]) },
    },
  },
};
