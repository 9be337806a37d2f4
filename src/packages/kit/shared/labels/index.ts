import { APP_LABELS } from './app';
import { DELIBERATION_LABELS } from './deliberation';
import { DOUBLE_REPORT_LABELS } from './double-report';
import { GRID_CASES_LABELS } from './grid-cases';
import { REGISTERS_LABELS } from './registers';
import { STAR_SCORING_LABELS } from './star-scoring';
import type { Label, LabelRegistry, Locale } from './types';

export type { Label, LabelRegistry, Locale, TypeLabels } from './types';
export { COMMON } from './common';
export { GRID_CASES_ON_THE_CLOCK } from './grid-cases';
export { CARE_TAGS } from './registers';

/** Every type staff can meet, by uid: the one place admin pages, exports and tests read labels from. */
export const LABELS: LabelRegistry = {
  ...APP_LABELS,
  ...STAR_SCORING_LABELS,
  ...DOUBLE_REPORT_LABELS,
  ...DELIBERATION_LABELS,
  ...GRID_CASES_LABELS,
  ...REGISTERS_LABELS,
};

/** Fields Strapi adds to every type. */
export const SYSTEM_FIELDS: Record<string, Label> = {
  id: ['ID', 'ID'],
  documentId: ['文档 ID', 'Document ID'],
  createdAt: ['创建时间', 'Created'],
  updatedAt: ['更新时间', 'Updated'],
  publishedAt: ['发布时间', 'Published'],
  createdBy: ['创建人', 'Created by'],
  updatedBy: ['更新人', 'Updated by'],
  locale: ['语言', 'Locale'],
};

const pickLocale = (label: Label, locale: Locale): string => (locale === 'en' ? label[1] : label[0]);

/** The label of a stored enumeration value; the value itself when it has none (never blank). */
export function enumLabel(uid: string, attribute: string, value: string, locale: Locale = 'zh-Hans'): string {
  const label = LABELS[uid]?.enums?.[attribute]?.[value];
  return label ? pickLocale(label, locale) : value;
}

/** The label of a field (column headers, form labels, export headers). */
export function fieldLabel(uid: string, field: string, locale: Locale = 'zh-Hans'): string {
  const label = LABELS[uid]?.fields[field] ?? SYSTEM_FIELDS[field];
  return label ? pickLocale(label, locale) : field;
}

/** The name of a type. */
export function typeName(uid: string, locale: Locale = 'zh-Hans'): string {
  const label = LABELS[uid]?.name;
  return label ? pickLocale(label, locale) : uid;
}

/**
 * Every enumeration value with its label. Strapi's edit select and list filters translate a
 * value by the value alone, so two types that share a value must agree on its label: this
 * throws when they do not (a unit test keeps it that way).
 */
export function valueLabels(locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  const seen: Record<string, string> = {};
  for (const [uid, type] of Object.entries(LABELS)) {
    for (const [attribute, values] of Object.entries(type.enums ?? {})) {
      for (const [value, label] of Object.entries(values)) {
        const text = pickLocale(label, locale);
        if (value in out && out[value] !== text) {
          throw new Error(`${uid}.${attribute}: "${value}" is "${text}" here and "${out[value]}" in ${seen[value]}`);
        }
        out[value] = text;
        seen[value] = `${uid}.${attribute}`;
      }
    }
  }
  return out;
}
