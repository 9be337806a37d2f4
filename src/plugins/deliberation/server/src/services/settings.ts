import type { Core } from '@strapi/strapi';

export interface Settings {
  evaluationWindowDays: number;
}
const DEFAULTS: Settings = { evaluationWindowDays: 30 };

/** Editable configuration (plugin store), seeded with defaults on first read. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: 'deliberation', key: 'settings' });
  return {
    async get(): Promise<Settings> {
      const v = (await store().get({})) as Partial<Settings> | null;
      return { ...DEFAULTS, ...(v ?? {}) };
    },
    async set(value: Partial<Settings>): Promise<Settings> {
      const next = { ...(await this.get()), ...value };
      await store().set({ value: next });
      return next;
    },
  };
};
