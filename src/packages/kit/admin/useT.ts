import { useIntl } from 'react-intl';

export type Translate = (id: string, values?: Record<string, string | number | boolean | null | undefined>) => string;

/** A plugin's translation hook: `const useT = translator('star-scoring')`, then `t('key', { n })`. */
export const translator = (pluginId: string) => (): Translate => {
  const { formatMessage } = useIntl();
  return (id, values) => formatMessage({ id: `${pluginId}.${id}`, defaultMessage: id }, values ?? undefined);
};
