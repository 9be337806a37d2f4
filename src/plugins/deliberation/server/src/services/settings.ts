import type { Core } from '@strapi/strapi';

const DEFAULTS = { evaluationWindowDays: 30 };

/** Editable configuration (plugin store), seeded with defaults on first read. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: 'deliberation', key: 'settings' });
  return {
    async get(): Promise<typeof DEFAULTS> {
      const v = (await store().get({})) as any;
      return { ...DEFAULTS, ...(v ?? {}) };
    },
    async set(value: Partial<typeof DEFAULTS>) {
      const next = { ...(await this.get()), ...value };
      await store().set({ value: next });
      return next;
    },
  };
};
