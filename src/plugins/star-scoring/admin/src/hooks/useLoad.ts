import { useCallback, useEffect, useRef, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { errorMessage } from '../utils/errorMessage';

/** GETs an admin route of the plugin and unwraps `data`; call reload() after a write. */
export function useLoad<T>(url: string | null) {
  const { get } = useFetchClient();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(url); // answers for a URL the page has moved away from (year changed) are dropped
  latest.current = url;
  const reload = useCallback(async () => {
    if (!url) return;
    try {
      const res: any = await get(url);
      if (latest.current !== url) return;
      setData((res.data?.data ?? null) as T);
      setError(null);
    } catch (e) {
      if (latest.current === url) setError(errorMessage(e));
    }
  }, [url]);
  useEffect(() => {
    reload();
  }, [reload]);
  return { data, error, reload };
}
