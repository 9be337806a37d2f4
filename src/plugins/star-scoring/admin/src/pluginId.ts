export const PLUGIN_ID = 'star-scoring';
