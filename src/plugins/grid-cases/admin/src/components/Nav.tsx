import { PageNav } from '@grassroots/kit/admin';
import { useT } from '../hooks/useT';
import { useCan } from '../hooks/useCan';

const BASE = '/plugins/grid-cases';

/** The page title and the plugin's sub-pages (受理台, 督办台, 统计, 代表委员履职, 事项目录与工作日历). */
export const Nav = ({ title }: { title: string }) => {
  const t = useT();
  const can = useCan();
  return (
    <PageNav
      base={BASE}
      title={title}
      tabs={[
        { path: '', label: t('nav.intake') },
        { path: '/supervision', label: t('nav.supervision') },
        { path: '/figures', label: t('nav.figures'), shown: can.figures },
        { path: '/representatives', label: t('nav.representatives') },
        { path: '/catalogue', label: t('nav.catalogue') },
      ]}
    />
  );
};

export const caseUrl = (documentId: string) => `${BASE}/cases/${documentId}`;
