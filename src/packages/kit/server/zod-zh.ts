import { z } from 'zod';

type Issue = Parameters<z.core.$ZodErrorMap>[0];

const TYPES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '是/否',
  array: '列表',
  object: '对象',
  date: '日期',
};
const UNITS: Record<string, string> = { string: '个字符', array: '项', set: '项', file: '字节' };

const fallback = z.locales.zhCN().localeError;

/**
 * Refusals read in Chinese: the rule is worded for staff (`field: rule`). The field stays its
 * identifier, which `details.errors[].path` also carries; the admin shows it by its label
 * (`refusalText` in the kit's shared half).
 * A message a schema writes itself (`.min(1, '…')`) wins over this map.
 */
export const zhErrorMap: z.core.$ZodErrorMap = (issue: Issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return '必填';
      return `应为${TYPES[issue.expected] ?? issue.expected}`;
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string' && min === 1) return '不能为空';
      const unit = UNITS[issue.origin] ?? '';
      return unit ? `至少 ${min} ${unit}` : `不能小于 ${min}${issue.inclusive === false ? '（不含）' : ''}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      const unit = UNITS[issue.origin] ?? '';
      return unit ? `最多 ${max} ${unit}` : `不能大于 ${max}${issue.inclusive === false ? '（不含）' : ''}`;
    }
    case 'invalid_value':
      return `应为以下之一：${issue.values.map(String).join('、')}`;
    case 'invalid_format':
      return issue.format === 'regex' ? '格式不正确' : `格式不正确（应为 ${issue.format}）`;
    case 'unrecognized_keys':
      return `不认识的字段：${issue.keys.join('、')}`;
    default: {
      const out = fallback(issue);
      return typeof out === 'string' ? out : (out?.message ?? '无效');
    }
  }
};
