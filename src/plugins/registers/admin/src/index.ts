import { House } from '@strapi/icons';
import { definePlugin } from '@grassroots/kit/admin';
import { PLUGIN_ID } from './pluginId';
import { PersonalPanel, type EditViewPanelProps } from './components/personal/PersonalPanel';

type Base = ReturnType<typeof definePlugin>;
/** The part of the Content Manager's admin API this plugin uses (its `apis` are typed `unknown`). */
interface ContentManagerApis {
  addEditViewSidePanel(panels: Array<(props: EditViewPanelProps) => unknown>): void;
}
type BootApp = { getPlugin(id: 'content-manager'): { apis: unknown } };
type App = Parameters<Base['register']>[0] & {
  customFields: {
    register(field: {
      name: string;
      pluginId: string;
      type: 'json';
      intlLabel: { id: string; defaultMessage: string };
      intlDescription: { id: string; defaultMessage: string };
      components: { Input: () => Promise<{ default: unknown }> };
    }): void;
  };
};

const base: Base = definePlugin({
  id: PLUGIN_ID,
  icon: House,
  app: async () => (await import('./pages/App')).App,
  translations: {
    en: () => import('./translations/en.json'),
    'zh-Hans': () => import('./translations/zh-Hans.json'),
  },
});

// Annotated so the emitted declaration names the kit's export instead of a path into node_modules.
const plugin: Base & { bootstrap(app: BootApp): void } = {
  ...base,
  register(app: App) {
    base.register(app);
    // 网格边界: the grid's `boundary` (api::grid.grid) is drawn on a map in its edit view.
    app.customFields.register({
      name: 'boundary',
      pluginId: PLUGIN_ID,
      type: 'json',
      intlLabel: { id: `${PLUGIN_ID}.maps.boundary.label`, defaultMessage: '网格边界' },
      intlDescription: { id: `${PLUGIN_ID}.maps.boundary.description`, defaultMessage: 'GeoJSON, WGS-84' },
      components: { Input: async () => import('./components/BoundaryInput') },
    });
  },
  bootstrap(app: BootApp) {
    // 个人信息: reveal a resident's, rental's, shop's or firm's personal value from its edit view
    (app.getPlugin('content-manager').apis as ContentManagerApis).addEditViewSidePanel([PersonalPanel]);
  },
};

export default plugin;
