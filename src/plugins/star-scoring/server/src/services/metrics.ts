import type { Core } from '@strapi/strapi';

export type MetricResult = { value: number; figures: Record<string, number | string> };
export type Metric = {
  key: string;
  label: Record<string, string>;
  unit: 'hours' | 'ratio' | 'count';
  description?: string;
  compute: (args: { strapi: Core.Strapi; branchDocumentId: string; year: number }) => Promise<MetricResult>;
};

/**
 * Registry of automatic metrics. It lives in this service instance (created once at load), so other
 * plugins may register before or after our bootstrap; lookups happen per request.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const registry = new Map<string, Metric>();
  return {
    register(m: Metric) {
      if (!m || typeof m.key !== 'string' || !/^[a-z0-9.-]+$/.test(m.key) || typeof m.compute !== 'function') {
        throw new Error('star-scoring metrics: a metric needs a key [a-z0-9.-] and a compute function');
      }
      registry.set(m.key, m);
      return m.key;
    },
    has: (key: string) => registry.has(key),
    list() {
      return [...registry.values()]
        .map(({ key, label, unit, description }) => ({ key, label, unit, description: description ?? '' }))
        .sort((a, b) => a.key.localeCompare(b.key));
    },
    /** A provider that throws yields null so one broken plugin cannot break a scorecard. */
    async compute(
      key: string,
      branchDocumentId: string,
      year: number,
    ): Promise<(MetricResult & { key: string }) | null> {
      const m = registry.get(key);
      if (!m) return null;
      try {
        const r = await m.compute({ strapi, branchDocumentId, year });
        return { key, value: Number(r.value) || 0, figures: r.figures ?? {} };
      } catch (e) {
        strapi.log.warn(`star-scoring metric ${key} failed: ${(e as Error).message}`);
        return null;
      }
    },
  };
};
