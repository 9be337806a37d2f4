import { useCallback, useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

/** GET a plugin admin route; reload() after writes. */
export function useLoad<T>(url: string | null) {
  const { get } = useFetchClient();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    if (!url) return;
    try {
      const res = await get(url);
      setData(res.data as T);
      setError(null);
    } catch (e: any) {
      setError(e?.response?.data?.error?.message ?? String(e));
    }
  }, [url]);
  useEffect(() => {
    reload();
  }, [reload]);
  return { data, error, reload };
}
