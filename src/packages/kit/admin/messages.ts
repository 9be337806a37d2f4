/**
 * The kit's own labels (loading, nothing yet, failed to load), registered with every plugin's
 * translations under `grassroots-kit.`: the same word everywhere, translated once.
 */
export const KIT_MESSAGES_PREFIX = 'grassroots-kit';

export const kitMessages: Record<string, Record<string, string>> = {
  en: {
    loading: 'Loading…',
    empty: 'Nothing yet',
    failed: 'Could not load',
  },
  'zh-Hans': {
    loading: '加载中…',
    empty: '暂无',
    failed: '加载失败',
  },
};
