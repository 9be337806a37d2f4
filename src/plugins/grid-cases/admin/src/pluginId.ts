export const PLUGIN_ID = 'grid-cases';
