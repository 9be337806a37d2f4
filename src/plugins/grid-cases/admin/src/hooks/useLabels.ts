import { useIntl } from 'react-intl';
import { enumLabel, fieldLabel, type Locale } from '@grassroots/kit/shared';

const CASE = 'plugin::grid-cases.case';
const EVENT = 'plugin::grid-cases.case-event';
const CATEGORY = 'plugin::grid-cases.case-category';
const HOLIDAY = 'plugin::grid-cases.holiday';

/**
 * Stored values and field names as staff read them, from the suite's one label registry (the same
 * labels the Content Manager and the exports show), in the admin's language.
 */
export function useLabels() {
  const { locale } = useIntl();
  const lang: Locale = locale.startsWith('en') ? 'en' : 'zh-Hans';
  return {
    locale: lang,
    field: (name: string) => fieldLabel(CASE, name, lang),
    categoryField: (name: string) => fieldLabel(CATEGORY, name, lang),
    holidayField: (name: string) => fieldLabel(HOLIDAY, name, lang),
    fieldOf: (uid: string, name: string) => fieldLabel(uid, name, lang),
    status: (v: string | null | undefined) => (v ? enumLabel(CASE, 'status', v, lang) : '—'),
    source: (v: string) => enumLabel(CASE, 'source', v, lang),
    level: (v: string) => enumLabel(CASE, 'level', v, lang),
    ownerKind: (v: string) => enumLabel(CASE, 'ownerKind', v, lang),
    /** A case's 责任人 with the kind of owner it is, e.g. 「城管中队 (职能部门)」. */
    owner: (o: { name: string; kind: string } | null | undefined) =>
      o ? `${o.name} (${enumLabel(CASE, 'ownerKind', o.kind, lang)})` : '—',
    satisfaction: (v: string) => enumLabel(CASE, 'satisfaction', v, lang),
    extension: (v: string) => enumLabel(CASE, 'extensionStatus', v, lang),
    action: (v: string) => enumLabel(EVENT, 'action', v, lang),
    actorKind: (v: string) => enumLabel(EVENT, 'actorKind', v, lang),
    dayKind: (v: string) => enumLabel(HOLIDAY, 'kind', v, lang),
    /** A moment in China's time (the deadlines are Shanghai days), in the admin's language. */
    when: (iso: string | null | undefined) =>
      iso
        ? new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', {
            timeZone: 'Asia/Shanghai',
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
          })
        : '—',
  };
}
export type Labels = ReturnType<typeof useLabels>;
