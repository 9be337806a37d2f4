export const PLUGIN_ID = 'double-report';
