/**
 * Chinese labels of the plugin's stored keys, for exports (the admin pages translate the same keys
 * through their own translations). To move into the suite's one label map once it exists.
 */
export const CATEGORY_LABELS: Record<string, string> = { urban: '城市社区', rural: '农村' };
