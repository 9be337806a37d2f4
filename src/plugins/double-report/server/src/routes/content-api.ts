import { z } from 'zod';
import * as s from './schemas';
import type { Core } from '@strapi/strapi';
import { cached } from '@grassroots/kit/server';
import { memberStrategy } from '../auth/member-strategy';
import { ACTIVITIES_CACHE, NEEDS_CACHE } from '../cache';

const json = (schema: z.ZodType) => ({ 'application/json': schema });

// Auth: routes without `auth: false` need the U&P permission that services/access.ts grants
// (party-member / party-unit); ownership is then checked in the services (another unit's path → 404).
// The phone's hot routes authenticate with memberStrategy: the same U&P JWT and role grant, read in one statement.
// The two public reads are cached by the kit (ETag, 304, one copy per URL; cache.ts says what invalidates them).
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const member = { auth: { strategies: [memberStrategy(strapi)] } };
  return {
    type: 'content-api' as const,
    routes: [
      {
        method: 'POST',
        path: '/check-ins',
        handler: 'check-in.create',
        config: member,
        request: { headers: s.idemHeader, body: json(s.checkInBody) },
        response: z.object({ data: s.checkIn }),
      },
      {
        method: 'POST',
        path: '/check-outs',
        handler: 'check-in.checkOut',
        config: member,
        request: { body: json(s.checkOutBody) },
        response: z.object({ data: s.checkIn }),
      },
      {
        method: 'GET',
        path: '/me/check-ins',
        handler: 'check-in.mine',
        request: { query: { year: z.coerce.number().int().optional() } },
        response: z.object({ data: z.array(s.checkIn) }),
      },
      {
        method: 'DELETE',
        path: '/me/check-ins/:documentId',
        handler: 'check-in.cancel',
        request: { params: s.params.shape },
        response: z.object({ data: z.object({ documentId: z.string(), cancelled: z.boolean() }) }),
      },
      {
        method: 'GET',
        path: '/me/summary',
        handler: 'summary.me',
        request: { query: s.yearQ.shape },
        response: z.object({ data: s.memberSummary }),
      },
      {
        method: 'POST',
        path: '/me/registrations',
        handler: 'registration.reportMember',
        request: { body: json(s.reportMemberBody) },
        response: z.object({ data: s.registration }),
      },
      {
        method: 'GET',
        path: '/me/registrations',
        handler: 'registration.mine',
        response: z.object({ data: z.array(s.ownRegistration) }),
      },
      {
        method: 'POST',
        path: '/me/registrations/:documentId/withdraw',
        handler: 'registration.withdrawMember',
        request: { params: s.params.shape },
        response: z.object({ data: s.withdrawn }),
      },

      {
        method: 'POST',
        path: '/unit-registrations',
        handler: 'registration.reportUnit',
        request: { body: json(s.reportMemberBody) },
        response: z.object({ data: s.registration }),
      },
      {
        method: 'GET',
        path: '/unit-registrations',
        handler: 'registration.unitMine',
        response: z.object({ data: z.array(s.ownRegistration) }),
      },
      {
        method: 'POST',
        path: '/unit-registrations/:documentId/withdraw',
        handler: 'registration.withdrawUnit',
        request: { params: s.params.shape },
        response: z.object({ data: s.withdrawn }),
      },
      {
        method: 'GET',
        path: '/units/:documentId/members',
        handler: 'unit.members',
        request: { params: s.params.shape },
        response: z.object({ data: z.array(s.member) }),
      },
      {
        method: 'POST',
        path: '/units/:documentId/members',
        handler: 'unit.addMember',
        request: { params: s.params.shape, body: json(s.addMemberBody) },
        response: z.object({ data: s.member }),
      },
      {
        method: 'GET',
        path: '/units/:documentId/members/:memberDocumentId/check-ins',
        handler: 'unit.memberCheckIns',
        request: { params: { documentId: z.string(), memberDocumentId: z.string() } },
        response: z.object({ data: z.array(s.checkIn) }),
      },
      {
        method: 'GET',
        path: '/units/:documentId/summary',
        handler: 'summary.unit',
        request: { params: s.params.shape, query: s.yearQ.shape },
        response: z.object({ data: s.unitSummary }),
      },
      {
        method: 'POST',
        path: '/list-items/:documentId/claim',
        handler: 'list-item.claim',
        request: { params: s.params.shape },
        response: z.object({
          data: z.object({
            documentId: z.string(),
            status: z.string(),
            claimedBy: z.object({ documentId: z.string(), name: z.string() }),
          }),
        }),
      },
      {
        method: 'POST',
        path: '/list-items/:documentId/progress',
        handler: 'list-item.progress',
        request: { params: s.params.shape, body: json(s.progressBody) },
        response: z.object({ data: z.object({ documentId: z.string(), status: z.string() }) }),
      },

      {
        method: 'GET',
        path: '/communities/:documentId/needs',
        handler: 'public.needs',
        config: { auth: false as const, middlewares: [cached(NEEDS_CACHE)] },
        request: { params: s.params.shape },
        response: z.object({ data: z.array(s.publicNeed) }),
      },
      {
        method: 'GET',
        path: '/communities/:documentId/activities',
        handler: 'public.activities',
        config: { auth: false as const, middlewares: [cached(ACTIVITIES_CACHE)] },
        request: { params: s.params.shape },
        response: z.object({ data: z.array(s.publicActivity) }),
      },
    ],
  };
};
