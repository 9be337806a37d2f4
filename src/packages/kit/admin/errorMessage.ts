import { useIntl } from 'react-intl';
import { refusalText } from '../shared/refusal';

/** An error as the admin fetch client throws it: the server's envelope under response.data. */
interface FetchFailure {
  message?: string;
  response?: { data?: { error?: { message?: string } } };
}

/**
 * The admin's language outside a component: Strapi's App writes it on `<html lang>` from the same
 * setting its IntlProvider reads (the one `useT` and `useErrorMessage` get from react-intl).
 */
const pageLocale = (): string => (typeof document !== 'undefined' && document.documentElement.lang) || 'zh-Hans';

/**
 * The server's refusal as staff read it (`纪要：纪要内容为空` under zh-Hans, `Minutes: minutes are
 * empty` under en; see `refusalText`), else the transport error.
 */
export function errorMessage(e: unknown, locale: string = pageLocale()): string {
  const failure = e as FetchFailure | null | undefined;
  const refusal = failure?.response?.data?.error?.message;
  return refusal ? refusalText(refusal, locale) : String(failure?.message ?? e);
}

/** `errorMessage` in the admin's current language, read the way `useT` reads it. */
export function useErrorMessage(): (e: unknown) => string {
  const { locale } = useIntl();
  return (e) => errorMessage(e, locale);
}
