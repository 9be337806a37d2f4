import type { Core } from '@strapi/strapi';
import { FIELD_LABELS } from './labels.zh';

type Metadatas = Record<string, { edit?: Record<string, unknown>; list?: Record<string, unknown> }>;

/**
 * Writes the Chinese labels into the content manager's stored view configuration.
 * Only labels still equal to the field name are replaced, so a label a member of staff
 * renamed in "Configure the view" survives restarts.
 */
export async function applyChineseLabels(strapi: Core.Strapi): Promise<void> {
  const cm = strapi.plugin('content-manager');
  for (const [uid, labels] of Object.entries(FIELD_LABELS)) {
    const isComponent = !uid.includes('::');
    const model = isComponent
      ? strapi.components[uid as keyof typeof strapi.components]
      : strapi.contentTypes[uid as keyof typeof strapi.contentTypes];
    if (!model) continue;
    // The content manager's configuration service, as Strapi 5.54 defines the two calls used here.
    const service = cm.service(isComponent ? 'components' : 'content-types') as unknown as {
      findConfiguration(model: unknown): Promise<{ metadatas?: Metadatas } & Record<string, unknown>>;
      updateConfiguration(model: unknown, config: Record<string, unknown>): Promise<unknown>;
    };
    const config = await service.findConfiguration(model);
    const metadatas: Metadatas = config.metadatas ?? {};
    let changed = false;
    for (const [field, label] of Object.entries(labels)) {
      const meta = metadatas[field];
      if (!meta) continue;
      for (const view of ['edit', 'list'] as const) {
        const target = meta[view];
        if (target && (target.label === field || target.label === undefined)) {
          target.label = label;
          changed = true;
        }
      }
    }
    if (changed) {
      const { uid: _uid, category: _category, isComponent: _isComponent, ...rest } = config;
      await service.updateConfiguration(model, rest);
    }
  }
}
