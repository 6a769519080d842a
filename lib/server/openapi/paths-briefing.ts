import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { briefingResponse, reviewDetailResponse, reviewHeldResponse, reviewListResponse, reviewResponse } from '@/lib/domain/api-responses';
import { briefingQuerySchema } from '@/lib/domain/briefing';
import { createReviewSchema, holdReviewSchema, updateReviewSchema } from '@/lib/domain/review-inputs';
import { errors, idParam, json, jsonBody } from './shared';

// The briefing for a review, and the reviews whose briefing is frozen when they are held.
export const briefingPaths: ZodOpenApiPathsObject = {
  '/briefing': {
    get: {
      operationId: 'getBriefing',
      tags: ['Briefing and reviews'],
      summary: 'The briefing for a period',
      description:
        'By default the only or latest agenda, to today, from the latest review held by then (else the signing). '
        + 'Figures are counted as at the end of each day. Any signed-in role may read it.',
      requestParams: { query: briefingQuerySchema },
      responses: { 200: json(briefingResponse, 'The briefing.'), ...errors('read', [404]) },
    },
  },
  '/reviews': {
    get: {
      operationId: 'listReviews',
      tags: ['Briefing and reviews'],
      summary: 'The reviews',
      responses: { 200: json(reviewListResponse, 'Every review, with what the caller may do with each.'), ...errors('read') },
    },
    post: {
      operationId: 'createReview',
      tags: ['Briefing and reviews'],
      summary: 'Plan a review',
      description: '`agendaId` may be left out when there is one agenda. The date may not be before the agenda’s signing.',
      requestBody: jsonBody(createReviewSchema),
      responses: { 201: json(reviewResponse, 'The new review.'), ...errors('write') },
    },
  },
  '/reviews/{id}': {
    get: {
      operationId: 'getReview',
      tags: ['Briefing and reviews'],
      summary: 'One review, with its frozen briefing once held',
      requestParams: { path: idParam('The review’s id.') },
      responses: { 200: json(reviewDetailResponse, 'The review.'), ...errors('read', [404]) },
    },
    patch: {
      operationId: 'editReview',
      tags: ['Briefing and reviews'],
      summary: 'Rename or re-date a review',
      description: 'Only before it is held: a held review is a 409.',
      requestParams: { path: idParam('The review’s id.') },
      requestBody: jsonBody(updateReviewSchema),
      responses: { 200: json(reviewResponse, 'The edited review.'), ...errors('write', [409]) },
    },
  },
  '/reviews/{id}/hold': {
    post: {
      operationId: 'holdReview',
      tags: ['Briefing and reviews'],
      summary: 'Hold a review',
      description:
        'On or after its date (before, a 422): the briefing as at its date, from the previous held review or the signing, is computed, '
        + 'made into a PDF and stored with who held it and when. It never changes afterwards; holding twice is a 409.',
      requestParams: { path: idParam('The review’s id.') },
      requestBody: jsonBody(holdReviewSchema, false),
      responses: { 200: json(reviewHeldResponse, 'The held review with its frozen briefing.'), ...errors('write', [409]) },
    },
  },
};
