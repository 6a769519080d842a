import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { notificationListResponse, notificationsReadResponse, preferencesResponse, watchResponse } from '@/lib/domain/api-responses';
import { markReadSchema, notificationQuerySchema, preferencesBodySchema } from '@/lib/domain/notification-inputs';
import { errors, idParam, json, jsonBody } from './shared';

// The caller's own notifications, the commitments they watch and how they are e-mailed.
export const notificationPaths: ZodOpenApiPathsObject = {
  '/notifications': {
    get: {
      operationId: 'listNotifications',
      tags: ['Notifications'],
      summary: 'Your notifications',
      requestParams: { query: notificationQuerySchema },
      responses: { 200: json(notificationListResponse, 'One page, newest first, with how many are unread.'), ...errors('read') },
    },
  },
  '/notifications/read': {
    post: {
      operationId: 'markNotificationsRead',
      tags: ['Notifications'],
      summary: 'Mark notifications read',
      description: '`{"ids": [...]}` (1 to 500) marks those, `{"all": true}` every one. Ids of other people’s notifications change nothing.',
      requestBody: jsonBody(markReadSchema),
      responses: { 200: json(notificationsReadResponse, 'How many were marked, and how many are still unread.'), ...errors('write') },
    },
  },
  '/commitments/{id}/watch': {
    put: {
      operationId: 'watchCommitment',
      tags: ['Notifications'],
      summary: 'Watch a commitment',
      description: 'Anyone who may read it may watch it, and is then told of its updates and comments. Takes no body; doing it twice is no error.',
      requestParams: { path: idParam('The commitment’s id.') },
      responses: { 200: json(watchResponse, 'Watching.'), ...errors('write') },
    },
    delete: {
      operationId: 'unwatchCommitment',
      tags: ['Notifications'],
      summary: 'Stop watching a commitment',
      requestParams: { path: idParam('The commitment’s id.') },
      responses: { 200: json(watchResponse, 'No longer watching.'), ...errors('write') },
    },
  },
  '/me/preferences': {
    get: {
      operationId: 'getPreferences',
      tags: ['Notifications'],
      summary: 'How you are e-mailed of each kind of notification',
      responses: { 200: json(preferencesResponse, 'Your choices.'), ...errors('read') },
    },
    put: {
      operationId: 'setPreferences',
      tags: ['Notifications'],
      summary: 'Choose how you are e-mailed of some kinds of notification',
      description: 'Any subset of the kinds; the others keep their choice.',
      requestBody: jsonBody(preferencesBodySchema),
      responses: { 200: json(preferencesResponse, 'All your choices, after the change.'), ...errors('write') },
    },
  },
};
