export const PLUGIN_ID = 'registers';
