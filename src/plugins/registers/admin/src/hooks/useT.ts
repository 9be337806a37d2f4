import { translator } from '@grassroots/kit/admin';
import { PLUGIN_ID } from '../pluginId';

/** This plugin's translations (`t('key', values)`), keys of translations/*.json. */
export const useT = translator(PLUGIN_ID);
