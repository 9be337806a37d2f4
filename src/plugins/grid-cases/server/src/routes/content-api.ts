import { z } from 'zod';
import { cached } from '@grassroots/kit/server';
import { extensionBody, handleBody, publicListQuery, rateBody, reportBody } from '../validation';
import { CACHE } from '../cache';
import * as s from './schemas';

const json = (schema: z.ZodType) => ({ 'application/json': schema });
const one = z.object({ data: s.caseView });
const many = z.object({ data: z.array(s.caseView) });

// Auth: routes without `auth: false` need the U&P permission that services/access.ts grants
// (grid-worker: report, own and grid lists, rating; party-unit: the owner's moves). Ownership is
// then checked in the services (another unit's or reporter's case → 404). The two public reads are
// cached by the kit (ETag, 304; cache.ts says what invalidates them).
export default {
  type: 'content-api' as const,
  routes: [
    {
      method: 'POST',
      path: '/cases',
      handler: 'worker.report',
      config: {},
      request: { headers: s.idemHeader, body: json(reportBody) },
      response: one,
    },
    {
      method: 'GET',
      path: '/cases',
      handler: 'public.cases',
      config: { auth: false, middlewares: [cached(CACHE.publicCases)] },
      request: { query: publicListQuery.shape },
      response: z.object({ data: z.array(s.publicCase), meta: z.object({ pagination: s.pagination }) }),
    },
    {
      method: 'GET',
      path: '/cases/:documentId',
      handler: 'public.case',
      config: { auth: false, middlewares: [cached(CACHE.publicCase)] },
      request: { params: s.params.shape },
      response: z.object({
        data: s.publicCase.extend({
          photosAfter: z
            .number()
            .describe(
              'how many after-photos staff hold; the photos themselves are not public (metadata, homes, faces)',
            ),
          history: z.array(s.publicStep),
        }),
      }),
    },
    { method: 'GET', path: '/me/cases', handler: 'worker.mine', config: {}, response: many },
    { method: 'GET', path: '/me/grid-cases', handler: 'worker.grid', config: {}, response: many },
    {
      method: 'POST',
      path: '/cases/:documentId/rating',
      handler: 'worker.rate',
      config: {},
      request: { params: s.params.shape, body: json(rateBody) },
      response: one,
    },
    {
      // multipart/form-data: one or more image files under `photosBefore` (at most 9 a case, 10 MB each)
      method: 'POST',
      path: '/cases/:documentId/photos',
      handler: 'worker.photos',
      config: {},
      request: { params: s.params.shape },
      response: one,
    },
    { method: 'GET', path: '/me/duties', handler: 'worker.duties', config: {}, response: z.object({ data: s.duties }) },
    { method: 'GET', path: '/owner/cases', handler: 'owner.cases', config: {}, response: many },
    {
      method: 'POST',
      path: '/cases/:documentId/sign',
      handler: 'owner.sign',
      config: {},
      request: { params: s.params.shape },
      response: one,
    },
    {
      method: 'POST',
      path: '/cases/:documentId/start',
      handler: 'owner.start',
      config: {},
      request: { params: s.params.shape },
      response: one,
    },
    {
      method: 'POST',
      path: '/cases/:documentId/handle',
      handler: 'owner.handle',
      config: {},
      request: { params: s.params.shape, body: json(handleBody) },
      response: one,
    },
    {
      method: 'POST',
      path: '/cases/:documentId/extension',
      handler: 'owner.extension',
      config: {},
      request: { params: s.params.shape, body: json(extensionBody) },
      response: one,
    },
  ],
};
