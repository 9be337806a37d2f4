import { translator } from '@grassroots/kit/admin';

export const PLUGIN_ID = 'star-scoring';

/** Translates a plugin key (translations/<locale>.json); values fill {placeholders}. */
export const useT = translator(PLUGIN_ID);
