export const PLUGIN_ID = 'deliberation';
