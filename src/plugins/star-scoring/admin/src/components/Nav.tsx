import { PageNav } from '@grassroots/kit/admin';
import { PLUGIN_ID, useT } from '../pluginId';

/** Page title and the links between the plugin's pages. */
export const Nav = ({ title, subtitle }: { title: string; subtitle?: string }) => {
  const t = useT();
  return (
    <PageNav
      base={`/plugins/${PLUGIN_ID}`}
      title={title}
      subtitle={subtitle}
      tabs={[
        { path: '', label: t('nav.ranking') },
        { path: '/dashboard', label: t('nav.dashboard') },
      ]}
    />
  );
};
