import { PageNav } from '@grassroots/kit/admin';
import { useT } from '../hooks/useT';
import { useCan } from '../hooks/useCan';

/** The page title and the plugin's sub-pages (一表, 三图, Excel 导入导出). */
export const Nav = ({ title }: { title: string }) => {
  const t = useT();
  const can = useCan();
  return (
    <PageNav
      base="/plugins/registers"
      title={title}
      tabs={[
        { path: '', label: t('nav.sheet') },
        { path: '/maps', label: t('nav.maps'), shown: can.map },
        { path: '/io', label: t('nav.io') },
      ]}
    />
  );
};
