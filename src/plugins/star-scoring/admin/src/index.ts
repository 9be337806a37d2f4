import { PLUGIN_ID } from './pluginId';
import { PluginIcon } from './components/PluginIcon';
import { prefixTranslations } from './utils/translations';

export default {
  register(app: any) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PluginIcon,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: PLUGIN_ID },
      permissions: [{ action: `plugin::${PLUGIN_ID}.read`, subject: null }],
      Component: async () => {
        const { App } = await import('./pages/App');
        return App;
      },
    });
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await import(`./translations/${locale}.json`);
          return { data: prefixTranslations(data, PLUGIN_ID), locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
  },
};
