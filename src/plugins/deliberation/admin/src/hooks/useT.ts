import { translator } from '@grassroots/kit/admin';
import { PLUGIN_ID } from '../pluginId';

/** Translates a key of this plugin; values fill {placeholders}. */
export const useT = translator(PLUGIN_ID);
