import { z } from 'zod';
import { listParams, listQuery, revealBody, revealLogParams, sheetParams, summaryQuery } from '../../validation';
import { r } from './route';
import * as s from './schemas';

const json = (schema: z.ZodType) => ({ 'application/json': schema });
const data = (schema: z.ZodType) => z.object({ data: schema });

// 一表 and the registers: `read` within the caller's organisation; a personal value only through
// `reveal`, one at a time, logged. Every list and answer is masked.
export default [
  {
    ...r('GET', '/list/:type', 'registers.list', 'read'),
    request: { params: listParams.shape, query: listQuery.shape },
    response: s.listPage,
  },
  {
    ...r('POST', '/reveal', 'registers.reveal', 'reveal'),
    request: { body: json(revealBody) },
    response: data(s.revealed),
  },
  {
    ...r('GET', '/reveal-log/:type/:documentId', 'registers.revealLog', 'read'),
    request: { params: revealLogParams.shape },
    response: data(s.revealLog),
  },
  {
    ...r('GET', '/sheet', 'registers.summary', 'read'),
    request: { query: summaryQuery.shape },
    response: data(z.array(s.sheetRow)),
  },
  {
    ...r('GET', '/sheet/:gridDocumentId', 'registers.sheet', 'read'),
    request: { params: sheetParams.shape },
    response: data(s.gridSheet),
  },
];
