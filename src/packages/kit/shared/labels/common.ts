import type { Label } from './types';

/**
 * Values that several types share. The Content Manager's edit select and filters translate an
 * enumeration value by the value alone, so a value has one label wherever it appears.
 */
export const COMMON = {
  urban: ['城市社区', 'Urban community'],
  rural: ['农村', 'Rural'],
  pending: ['待处理', 'Pending'],
  open: ['待办', 'Open'],
  in_progress: ['办理中', 'In progress'],
  done: ['已完成', 'Done'],
  evaluated: ['已评价', 'Evaluated'],
  scheduled: ['已排期', 'Scheduled'],
  published: ['已公开', 'Published'],
  unit: ['单位', 'Unit'],
  member: ['在职党员', 'Member'],
  manual: ['手工录入', 'Manual'],
  rating: ['服务评价', 'Rating'],
  topic: ['议题', 'Topic'],
  meeting: ['会议', 'Meeting'],
  action_item: ['交办事项', 'Action item'],
  draft: ['草稿', 'Draft'],
  rejected: ['未通过', 'Rejected'],
  verified: ['已核验', 'Verified'],
  failed: ['失败', 'Failed'],
} satisfies Record<string, Label>;

/** Picks shared values by name, so a type lists its values in its own order. */
export const pick = <K extends keyof typeof COMMON>(...keys: K[]): Record<K, Label> =>
  Object.fromEntries(keys.map((k) => [k, COMMON[k] as Label])) as unknown as Record<K, Label>;
