import { enumLabel } from '@grassroots/kit/shared';
import {
  creditCodeProblem,
  identityNumberProblem,
  isMasked,
  isPhoneNumber,
  maskIdNumber,
  maskPhone,
} from '../../../shared';
import type { Cell, Column } from './registries/types';

/** A value as stored (Query Engine), or as parsed from a cell: one shape, so the two compare. */
export type Stored = string | number | boolean | string[] | null;
/** What a cell of an uploaded file holds once exceljs has read it. */
export type Raw = string | number | boolean | Date | null;

/** Parsing one cell: a value, a refusal (Chinese, for the report), or "masked: keep what is stored". */
export type Parsed = { value: Stored } | { error: string } | { keep: string };

const TRUE = '是';
const FALSE = '否';
const TAG_SEPARATOR = '、';
/** A masked list of care tags: which tags a person carries is itself personal. */
export const MASKED_TAGS = '***';

const attributeOf = (column: Column) => column.path.split('.')[0];
/** The Chinese label of a stored key: care tags from their own list (a JSON attribute has no enum), else the kit's. */
function labelOf(uid: string, column: Column, key: string): string {
  const { cell } = column;
  if (cell.kind === 'personal' && cell.tags) return cell.tags[key]?.[0] ?? key;
  return enumLabel(uid, attributeOf(column), key, 'zh-Hans');
}

/** The labels a cell of this kind accepts (drop-downs of the template), or none. */
export function choicesOf(uid: string, column: Column): string[] | undefined {
  const { cell } = column;
  if (cell.kind === 'boolean') return [TRUE, FALSE];
  if (cell.kind === 'enumeration') return cell.values.map((v) => labelOf(uid, column, v));
  return undefined;
}

/** What the 说明 sheet says a column takes. */
export function describe(uid: string, column: Column): string {
  const { cell } = column;
  const choices = choicesOf(uid, column);
  const kinds: Record<Cell['kind'], string> = {
    text: '文本',
    integer: '整数',
    float: '数字',
    date: '日期（YYYY-MM-DD）',
    boolean: '是 / 否',
    enumeration: `下拉选择：${choices?.join('、')}`,
    tags: '标签',
    personal: '个人信息（导出时遮蔽）',
    creditCode: '18 位统一社会信用代码（GB 32100-2015 校验）',
  };
  const parts = [kinds[cell.kind]];
  if (cell.kind === 'personal' && cell.tags)
    parts.push(
      `可选：${Object.keys(cell.tags)
        .map((t) => labelOf(uid, column, t))
        .join('、')}`,
    );
  if (column.path.includes('.')) parts.push('按编码或名称对应已有记录');
  if (column.note) parts.push(column.note);
  return parts.join('；');
}

/** The cell an export writes for a stored value: labels not keys, personal values masked. */
export function toCell(uid: string, column: Column, value: Stored | undefined): string | number | null {
  if (value === null || value === undefined || value === '') return null;
  const { cell } = column;
  switch (cell.kind) {
    case 'boolean':
      return value ? TRUE : FALSE;
    case 'enumeration':
      return labelOf(uid, column, String(value));
    case 'tags':
      return (value as string[]).map((t) => labelOf(uid, column, t)).join(TAG_SEPARATOR) || null;
    case 'personal':
      if (cell.mask === 'tags') return Array.isArray(value) && value.length ? MASKED_TAGS : null;
      return cell.mask === 'idNumber' ? maskIdNumber(String(value)) : maskPhone(String(value));
    case 'integer':
    case 'float':
      return Number(value);
    default:
      return String(value);
  }
}

/** The kit's export writes text that a spreadsheet would run as a formula with a leading apostrophe: undo it. */
const restore = (text: string) => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

function parseDate(raw: Raw): string | null {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : isoDate(raw);
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(String(raw).trim());
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 ? isoDate(d) : null;
}

function parseNumber(raw: Raw, cell: { min?: number; max?: number }, integer: boolean): Parsed {
  const n = typeof raw === 'number' ? raw : Number(String(raw).trim());
  if (!Number.isFinite(n)) return { error: integer ? '须为整数' : '须为数字' };
  if (integer && !Number.isInteger(n)) return { error: '须为整数' };
  if (cell.min !== undefined && n < cell.min) return { error: `不能小于 ${cell.min}` };
  if (cell.max !== undefined && n > cell.max) return { error: `不能大于 ${cell.max}` };
  return { value: n };
}

function fromLabels(uid: string, column: Column, values: readonly string[], text: string): Parsed {
  const byLabel = new Map(values.map((v) => [labelOf(uid, column, v), v]));
  const key = byLabel.get(text) ?? (values.includes(text) ? text : undefined);
  return key ? { value: key } : { error: `须为以下之一：${[...byLabel.keys()].join('、')}` };
}

function fromTags(uid: string, column: Column, values: readonly string[], text: string): Parsed {
  const keys: string[] = [];
  for (const part of text
    .split(/[、,，;；]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const one = fromLabels(uid, column, values, part);
    if (!('value' in one)) return { error: `“${part}”不是可选标签；${'error' in one ? one.error : ''}` };
    keys.push(one.value as string);
  }
  return { value: keys.length ? [...new Set(keys)].sort() : null };
}

/** Reads one cell of an uploaded file as the column's stored value, or says (in Chinese) what is wrong. */
export function fromCell(uid: string, column: Column, raw: Raw): Parsed {
  const blank = raw === null || (typeof raw === 'string' && raw.trim() === '');
  if (blank) return column.required ? { error: '必填' } : { value: null };
  const { cell } = column;
  const text = raw instanceof Date ? isoDate(raw) : restore(String(raw).trim());
  switch (cell.kind) {
    case 'text':
      // UTF-16 units, as Strapi's validator counts `maxLength` (a rare character of CJK Extension B counts two):
      // a longer value imported would be refused when staff next save the record in the Content Manager.
      return cell.max !== undefined && text.length > cell.max
        ? { error: `不能超过 ${cell.max} 个字` }
        : { value: text };
    case 'integer':
      return parseNumber(raw, cell, true);
    case 'float':
      return parseNumber(raw, cell, false);
    case 'date': {
      const date = parseDate(raw);
      return date ? { value: date } : { error: '须为日期，如 2025-03-01' };
    }
    case 'boolean':
      if (raw === true || text === TRUE) return { value: true };
      if (raw === false || text === FALSE) return { value: false };
      return { error: '须为“是”或“否”' };
    case 'enumeration':
      return fromLabels(uid, column, cell.values, text);
    case 'tags':
      return fromTags(uid, column, cell.values, text);
    case 'creditCode': {
      const code = text.toUpperCase();
      return creditCodeProblem(code) ? { error: '不是有效的统一社会信用代码（GB 32100-2015）' } : { value: code };
    }
    case 'personal': {
      if (isMasked(text)) return { keep: text };
      if (cell.mask === 'tags') return fromTags(uid, column, Object.keys(cell.tags ?? {}), text);
      if (cell.mask === 'idNumber') {
        const id = text.toUpperCase();
        return cell.check === 'identity' && identityNumberProblem(id)
          ? { error: '不是有效的公民身份号码（GB 11643）' }
          : { value: id };
      }
      return isPhoneNumber(text) ? { value: text } : { error: '须为电话号码，如 13800001234 或 0371-2345678' };
    }
  }
}

/** A stored value in the shape fromCell gives (dates as YYYY-MM-DD, tags sorted, JSON read). */
export function normalise(column: Column, value: unknown): Stored {
  if (value === undefined || value === null || value === '') return null;
  const kind = column.cell.kind === 'personal' && column.cell.mask === 'tags' ? 'tags' : column.cell.kind;
  if (kind === 'tags') {
    const list = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
    return Array.isArray(list) && list.length ? list.map(String).sort() : null;
  }
  if (kind === 'date') return value instanceof Date ? isoDate(value) : String(value).slice(0, 10);
  if (kind === 'integer' || kind === 'float') return Number(value);
  if (kind === 'boolean') return value === true || value === 1 || value === '1' || value === 'true';
  return String(value);
}
