import { LABELS, SYSTEM_FIELDS, valueLabels, type Label, type Locale } from '@grassroots/kit/shared';

type Messages = Record<string, string>;

const text = (label: Label, locale: Locale) => (locale === 'en' ? label[1] : label[0]);

/**
 * The app's types in the language of the admin, from the kit's label registry:
 * - the Content Manager translates a type's name with its display name as the key;
 * - a column or form label with `content-manager.content-types.<uid>.<field>`
 *   (`content-manager.components.<uid>.<field>` for a component's fields);
 * - an enumeration value in edit selects and filters with the value itself as the key.
 * Without these keys Strapi shows the stored text and logs MISSING_TRANSLATION for each one.
 */
export function domainMessages(locale: Locale): Messages {
  const out: Messages = { ...valueLabels(locale) };
  for (const [uid, type] of Object.entries(LABELS)) {
    const isComponent = !uid.includes('::');
    if (type.name) out[type.name[0]] = text(type.name, locale);
    const prefix = isComponent ? `content-manager.components.${uid}` : `content-manager.content-types.${uid}`;
    for (const [field, label] of Object.entries({ ...SYSTEM_FIELDS, ...type.fields })) {
      out[`${prefix}.${field}`] = text(label, locale);
    }
  }
  return out;
}
