import { LABELS, SYSTEM_FIELDS, type Label, type Locale } from './labels';

/**
 * How a server refusal reads for staff. The server writes `<field>: <english rule> (<中文>)`: the
 * English form is stable for API clients and tests, the Chinese is for people. Zod refusals are
 * `<field>: <中文 rule>` already. Either way the field is an identifier (`decisionKey`,
 * `decisions.2.votes`); staff read it by its label instead.
 */

/**
 * Names a request carries that no content type stores, and names several types share with
 * different labels (the registry's `minutes` is a check-in's service time, but a refusal about
 * `minutes` is about a meeting's minutes). These win over the registry.
 */
export const REQUEST_LABELS: Record<string, Label> = {
  // request-only names
  token: ['二维码', 'QR code'],
  'check-in': ['签到', 'Check-in'],
  'check-out': ['签退', 'Check-out'],
  account: ['账号', 'Account'],
  'Idempotency-Key': ['请求标识（Idempotency-Key）', 'Idempotency key'],
  decisionKey: ['决议', 'Decision'],
  decisions: ['决议', 'Decision'],
  votes: ['票数', 'Votes'],
  attendance: ['出席', 'Attendance'],
  memberKey: ['成员', 'Member'],
  items: ['评分项', 'Item'],
  code: ['细则编号', 'Criterion code'],
  score: ['得分', 'Score'],
  evidence: ['佐证材料', 'Evidence'],
  file: ['文件', 'File'],
  star: ['星', 'Star'],
  criterion: ['评分细则', 'Criterion'],
  assessment: ['星级考评', 'Assessment'],
  meeting: ['会议', 'Meeting'],
  topic: ['议题', 'Topic'],
  council: ['议事会', 'Council'],
  resultNote: ['办理结果', 'Result note'],
  registration: ['报到登记', 'Registration'],
  activity: ['服务活动', 'Activity'],
  points: ['积分', 'Points'],
  rectification: ['整改任务', 'Rectification'],
  request: ['请求', 'Request'],
  body: ['请求内容', 'Request body'],
  query: ['查询参数', 'Query'],
  unique: ['唯一性', 'Uniqueness'],
  pagination: ['分页', 'Pagination'],
  'pagination.start': ['分页起点', 'Pagination start'],
  'pagination.limit': ['每页条数', 'Page size'],
  start: ['起点', 'Start'],
  limit: ['条数', 'Limit'],
  page: ['页码', 'Page'],
  pageSize: ['每页条数', 'Page size'],
  staffAssignment: ['工作人员所属组织', 'Staff assignment'],
  organisation: ['所属组织', 'Organisation'],
  into: ['合并到的事项', 'Merge into'],
  within: ['地图范围', 'Map area'],
  revealLog: ['个人信息查看记录', 'Reveal log'],
  user: ['用户', 'User'],
  // names the registry labels differently in different types: the label a refusal means
  minutes: ['纪要', 'Minutes'],
  branch: ['党组织', 'Party organisation'],
  parent: ['上级', 'Parent'],
  unit: ['报到单位', 'Unit'],
  member: ['在职党员', 'Member'],
  community: ['社区', 'Community'],
  source: ['签到方式', 'Source'],
  type: ['清单', 'List'],
  status: ['状态', 'Status'],
  key: ['标识', 'Key'],
  name: ['名称', 'Name'],
  title: ['标题', 'Title'],
  kind: ['类型', 'Kind'],
  level: ['层级', 'Level'],
  category: ['类别', 'Category'],
  reason: ['原因', 'Reason'],
  note: ['备注', 'Note'],
  dueDate: ['时限', 'Due date'],
};

let dictionary: Record<string, Label> | undefined;

/**
 * The one dictionary of request-field labels: every content-type field label by field name
 * (first type wins), Strapi's system fields, then the request-only names above.
 */
export function requestFieldLabels(): Record<string, Label> {
  if (dictionary) return dictionary;
  const out: Record<string, Label> = {};
  for (const type of Object.values(LABELS))
    for (const [field, label] of Object.entries(type.fields)) if (!(field in out)) out[field] = label;
  dictionary = { ...out, ...SYSTEM_FIELDS, ...REQUEST_LABELS };
  return dictionary;
}

const pick = (label: Label, locale: Locale): string => (locale === 'en' ? label[1] : label[0]);

/** `decisions.2.votes`, `items[3].code` → ['decisions', 2, 'votes'] / ['items', 3, 'code']. */
function segments(path: string): (string | number)[] {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * The label of a request field, or undefined when the dictionary has no label for one of its
 * names. A nested path reads `第 3 项决议的票数` / `Decision #3 › Votes`.
 */
export function requestFieldLabel(path: string, locale: Locale = 'zh-Hans'): string | undefined {
  const labels = requestFieldLabels();
  if (labels[path]) return pick(labels[path], locale);
  const parts: string[] = [];
  const segs = segments(path);
  for (let i = 0; i < segs.length; i += 1) {
    const s = segs[i];
    if (typeof s === 'number') return undefined; // an index without a name before it
    const label = labels[s];
    if (!label) return undefined;
    const next = segs[i + 1];
    if (typeof next === 'number') {
      parts.push(locale === 'en' ? `${label[1]} #${next + 1}` : `第 ${next + 1} 项${label[0]}`);
      i += 1;
    } else parts.push(pick(label, locale));
  }
  if (!parts.length) return undefined;
  return parts.join(locale === 'en' ? ' › ' : '的');
}

const CJK = /[\u4e00-\u9fff]/;
export const hasChinese = (text: string): boolean => CJK.test(text);

/** A refusal taken apart: the field (when the message names one), its English rule and its Chinese. */
export interface RefusalParts {
  field?: string;
  english?: string;
  chinese?: string;
}

/** The trailing `( … )` group of `text` (balanced), or undefined. */
function trailingGroup(text: string): { start: number; inner: string } | undefined {
  const t = text.trimEnd();
  if (!t.endsWith(')')) return undefined;
  let depth = 0;
  for (let i = t.length - 1; i >= 0; i -= 1) {
    if (t[i] === ')') depth += 1;
    else if (t[i] === '(') {
      depth -= 1;
      if (depth === 0) return { start: i, inner: t.slice(i + 1, -1) };
    }
  }
  return undefined;
}

const FIELD = /^([A-Za-z][\w.\-[\]]*): /;

/** Takes `field: english rule (中文)`, `field: 中文 rule` or any other text apart. */
export function splitRefusal(message: string): RefusalParts {
  const m = FIELD.exec(message);
  const field = m?.[1];
  const rest = m ? message.slice(m[0].length) : message;
  const group = trailingGroup(rest);
  if (group && hasChinese(group.inner)) {
    const english = rest.slice(0, group.start).trim();
    return { field, english: english || undefined, chinese: group.inner.trim() };
  }
  // zod's Chinese rules (`必填`, `应为以下之一：draft、approved`) are Chinese from the start
  if (/^[\u4e00-\u9fff]/.test(rest.trim())) return { field, chinese: rest.trim() };
  return { field, english: rest };
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * What staff read for a refusal: under zh-Hans `<field label>：<中文>`, under en
 * `<Field label>: <english rule>`. A message without a field, or without Chinese, or with a field
 * the dictionary does not know, keeps what it has; nothing is ever dropped to blank.
 */
export function refusalText(message: string, locale: string = 'zh-Hans'): string {
  const lang: Locale = locale.toLowerCase().startsWith('zh') ? 'zh-Hans' : 'en';
  const { field, english, chinese } = splitRefusal(message);
  if (lang === 'zh-Hans') {
    if (!chinese) {
      if (!field) return message;
      return `${requestFieldLabel(field, 'zh-Hans') ?? field}：${english ?? ''}`;
    }
    // "meeting: not found (会议不存在)": the Chinese already names the thing.
    if (!field || english === 'not found') return chinese;
    return `${requestFieldLabel(field, 'zh-Hans') ?? field}：${chinese}`;
  }
  const rule = english ?? chinese ?? '';
  if (!field) return rule || message;
  return `${requestFieldLabel(field, 'en') ?? capitalise(field)}: ${rule}`;
}
