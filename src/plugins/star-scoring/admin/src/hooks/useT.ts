import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';

/** Translates a plugin key (translations/<locale>.json); values fill {placeholders}. */
export const useT = () => {
  const { formatMessage } = useIntl();
  return (id: string, values?: Record<string, any>) => formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage: id }, values);
};
