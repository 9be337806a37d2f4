import { useCallback, useEffect, useRef, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { errorMessage } from './errorMessage';

export interface Loaded<T, M> {
  /** the answer's `data`, null until it arrived */
  data: T | null;
  /** the answer's `meta` (pagination, totals) */
  meta: M | null;
  error: string | null;
  loading: boolean;
  /** loads again (after a write) */
  reload: () => Promise<void>;
}

/**
 * GETs an admin route and unwraps Strapi's `{ data, meta }`. An answer for a URL the page has
 * moved away from (a filter changed while it was on its way) is dropped; null skips loading.
 */
export function useData<T, M = Record<string, unknown>>(url: string | null): Loaded<T, M> {
  const { get } = useFetchClient();
  const [state, setState] = useState<{ data: T | null; meta: M | null; error: string | null; loading: boolean }>({
    data: null,
    meta: null,
    error: null,
    loading: !!url,
  });
  const latest = useRef(url);
  latest.current = url;
  // the admin's language for refusals, read when one arrives (a language switch does not reload)
  const { locale } = useIntl();
  const lang = useRef(locale);
  lang.current = locale;
  const reload = useCallback(async () => {
    if (!url) return;
    setState((s) => ({ ...s, loading: true }));
    try {
      const res = (await get(url)) as { data?: { data?: T; meta?: M } };
      if (latest.current !== url) return;
      setState({ data: res.data?.data ?? null, meta: res.data?.meta ?? null, error: null, loading: false });
    } catch (e) {
      if (latest.current === url) setState((s) => ({ ...s, error: errorMessage(e, lang.current), loading: false }));
    }
    // get is stable for the page's lifetime; the URL decides what is loaded
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { ...state, reload };
}
