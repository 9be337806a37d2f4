export {
  httpCache,
  registerCacheTable,
  cacheKey,
  HttpCache,
  type CachedEntry,
  type StaffUser,
  type Validators,
} from './store';
export {
  cached,
  publicFastPath,
  staffFastPath,
  PUBLIC_CACHE_CONTROL,
  STAFF_CACHE_CONTROL,
  type CacheRule,
} from './middleware';
export { invalidateOnDocuments, type DocumentRule } from './invalidation';
export { VERSIONS_TABLE } from './versions';
