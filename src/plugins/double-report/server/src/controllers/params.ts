import { parse, type Ctx } from '@grassroots/kit/server';
import { documentId } from '../validation';

/** A document id from the path (400 naming the parameter when it is not one). */
export const documentIdParam = (ctx: Ctx, name = 'documentId') => parse(documentId, ctx.params[name], name);

/** An optional document id from the query string. */
export const documentIdQuery = (ctx: Ctx, name: string) =>
  ctx.query[name] ? parse(documentId, ctx.query[name], name) : undefined;
