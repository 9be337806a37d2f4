import { useCallback, useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { errorMessage } from '../utils/errorMessage';

/** GETs an admin route of the plugin and unwraps `data`; call reload() after a write. */
export function useLoad<T>(url: string | null) {
  const { get } = useFetchClient();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    if (!url) return;
    try {
      const res: any = await get(url);
      setData((res.data?.data ?? null) as T);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [url]);
  useEffect(() => {
    reload();
  }, [reload]);
  return { data, error, reload };
}
