import Redis from 'ioredis';

/** Failed admin sign-ins per client address in a fixed window; Redis when REDIS_URL is set, else this process. */
export interface FailureStore {
  count(key: string): Promise<{ count: number; retryAfterMs: number }>;
  fail(key: string): Promise<void>;
  stop(): Promise<void>;
}

const windowMs = () => Number(process.env.ADMIN_LOGIN_IP_WINDOW_S ?? 900) * 1000;
const PREFIX = 'gg:admin-login-failures:';

function memoryStore(): FailureStore {
  const counts = new Map<string, { count: number; resetAt: number }>();
  const live = (key: string) => {
    const e = counts.get(key);
    if (e && e.resetAt <= Date.now()) counts.delete(key);
    return counts.get(key);
  };
  return {
    async count(key) {
      const e = live(key);
      return { count: e?.count ?? 0, retryAfterMs: e ? e.resetAt - Date.now() : 0 };
    },
    async fail(key) {
      const e = live(key);
      if (e) e.count++;
      else {
        // Bounded: an address flood cannot grow the map without end.
        if (counts.size > 50000) counts.clear();
        counts.set(key, { count: 1, resetAt: Date.now() + windowMs() });
      }
    },
    async stop() {
      counts.clear();
    },
  };
}

function redisStore(url: string): FailureStore {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
  return {
    async count(key) {
      const [count, ttl] = await redis
        .multi()
        .get(PREFIX + key)
        .pttl(PREFIX + key)
        .exec()
        .then((r) => (r ?? []).map((x) => x[1]));
      return { count: Number(count ?? 0), retryAfterMs: Math.max(0, Number(ttl)) };
    },
    async fail(key) {
      // The window starts at the first failure (SET NX PX), later failures only count.
      await redis
        .multi()
        .set(PREFIX + key, 0, 'PX', windowMs(), 'NX')
        .incr(PREFIX + key)
        .exec();
    },
    async stop() {
      redis.disconnect();
    },
  };
}

let store: FailureStore | undefined;
export function loginFailures(): FailureStore {
  store ??= process.env.REDIS_URL ? redisStore(process.env.REDIS_URL) : memoryStore();
  return store;
}

export async function stopLoginFailures(): Promise<void> {
  await store?.stop();
  store = undefined;
}
