/** The two languages staff work in: Chinese first, English complete. */
export type Locale = 'zh-Hans' | 'en';

/** A label in both languages: [zh-Hans, en]. */
export type Label = readonly [zh: string, en: string];

/**
 * What staff read instead of identifiers for one content type or component: its name, its
 * fields, and the values of its enumerations. Stored keys never change; only what is shown does.
 */
export interface TypeLabels {
  name?: Label;
  fields: Record<string, Label>;
  enums?: Record<string, Record<string, Label>>;
}

/** Keyed by content-type uid (`api::branch.branch`) or component uid (`grid.head`). */
export type LabelRegistry = Record<string, TypeLabels>;
