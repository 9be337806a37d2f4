import { invalid } from './errors';

/**
 * Values in a content-API query are checked against the attribute they filter before the query
 * reaches the database: PostgreSQL answers `id = 'abc'` or an integer out of range with an error
 * (a 500), SQLite silently with nothing. A wrong value is a 400 naming the field.
 */
export interface AttributeLike {
  type: string;
  target?: string;
  component?: string;
}
export type ModelLookup = (uid: string) => { attributes: Record<string, AttributeLike> } | undefined;

const INTEGER = new Set(['integer', 'biginteger']);
const NUMBER = new Set(['integer', 'biginteger', 'float', 'decimal']);
const LOGICAL = new Set(['$and', '$or', '$not']);
const NO_VALUE = new Set(['$null', '$notNull']);
const INT32 = 2147483647;

function checkNumber(type: string, value: unknown, field: string): void {
  const s = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : null;
  const integer = type === 'id' || INTEGER.has(type);
  if (s === null || !(integer ? /^-?\d+$/ : /^-?\d+(\.\d+)?$/).test(s))
    throw invalid(field, integer ? 'must be an integer (必须是整数)' : 'must be a number (必须是数字)');
  if ((type === 'id' || type === 'integer') && Math.abs(Number(s)) > INT32)
    throw invalid(field, `must be between -${INT32} and ${INT32} (须在 -${INT32} 到 ${INT32} 之间)`);
  if (type === 'biginteger' && s.replace('-', '').length > 18)
    throw invalid(field, 'must have at most 18 digits (最多 18 位数字)');
}

/** yyyy-MM-dd, an ISO date-time or a timestamp, HH:mm[:ss[.SSS]]: what Strapi's own parsers accept. */
export function checkDateValue(type: string, value: unknown, field: string): void {
  const s = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const ok =
    type === 'date'
      ? /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s))
      : type === 'time'
        ? /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?$/.test(s)
        : /^\d+$/.test(s) || (/^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s)));
  if (!ok)
    throw invalid(
      field,
      type === 'date'
        ? 'must be a date yyyy-MM-dd (须为日期，格式 yyyy-MM-dd)'
        : type === 'time'
          ? 'must be a time HH:mm:ss (须为时间，格式 HH:mm:ss)'
          : 'must be an ISO date-time or a timestamp (须为 ISO 日期时间或时间戳)',
    );
}
const DATES = new Set(['date', 'datetime', 'time', 'timestamp']);

function leaves(type: string, value: unknown, field: string): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) return value.forEach((v) => leaves(type, v, field));
  if (typeof value === 'object') {
    for (const [op, v] of Object.entries(value as Record<string, unknown>))
      if (!NO_VALUE.has(op)) leaves(type, v, field);
    return;
  }
  if (type === 'id' || NUMBER.has(type)) checkNumber(type, value, field);
  else if (DATES.has(type)) checkDateValue(type, value, field);
}

/** Walks `filters` of a query on `uid`: numbers, dates, relations and components followed to their targets. */
export function checkFilters(models: ModelLookup, uid: string, filters: unknown, path: string[] = ['filters']): void {
  if (!filters || typeof filters !== 'object') return;
  if (Array.isArray(filters)) return filters.forEach((f, i) => checkFilters(models, uid, f, [...path, String(i)]));
  const attributes = models(uid)?.attributes ?? {};
  for (const [key, value] of Object.entries(filters as Record<string, unknown>)) {
    if (LOGICAL.has(key)) {
      checkFilters(models, uid, value, [...path, key]);
      continue;
    }
    const field = [...path, key].join('.');
    if (key === 'id') {
      leaves('id', value, field);
      continue;
    }
    const attribute = attributes[key];
    if (!attribute) continue; // unknown and private keys: Strapi answers them (400 Invalid key)
    const next = attribute.type === 'relation' || attribute.type === 'media' ? attribute.target : attribute.component;
    if (next || attribute.type === 'media') {
      checkFilters(models, next ?? 'plugin::upload.file', value, [...path, key]);
    } else {
      leaves(attribute.type, value, field);
    }
  }
}

/** page, pageSize, start, limit: integers in range (Strapi answers `page=abc` with an unnamed 400, `pageSize=x` by ignoring it). */
export function checkPagination(pagination: unknown): void {
  if (!pagination || typeof pagination !== 'object') return;
  for (const [key, value] of Object.entries(pagination as Record<string, unknown>)) {
    if (!['page', 'pageSize', 'start', 'limit'].includes(key) || value === undefined) continue;
    const s = String(value).trim();
    // limit -1 is Strapi's "as many as allowed" (capped by maxLimit).
    const ok = /^\d+$/.test(s)
      ? Number(s) <= INT32 && (Number(s) >= 1 || key === 'start')
      : key === 'limit' && s === '-1';
    if (!ok)
      throw invalid(
        `pagination.${key}`,
        key === 'start' ? 'must be an integer ≥ 0 (须为不小于 0 的整数)' : 'must be a positive integer (必须是正整数)',
      );
  }
}
