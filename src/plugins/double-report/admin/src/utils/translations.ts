export const prefixTranslations = (data: Record<string, string>, pluginId: string): Record<string, string> =>
  Object.fromEntries(Object.entries(data).map(([key, value]) => [`${pluginId}.${key}`, value]));
