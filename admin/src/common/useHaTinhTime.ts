/** Hà Tĩnh's dates and times (common/ha-tinh-time.ts) in the back office's language. */
import { useLocaleState } from 'react-admin';
import { formatDate, formatDateTime } from './ha-tinh-time';

export function useHaTinhTime() {
  const [locale] = useLocaleState();
  return {
    dateTime: (value: string | number | Date, options?: Intl.DateTimeFormatOptions) =>
      formatDateTime(value, locale, options),
    date: (value: string | number | Date) => formatDate(value, locale),
  };
}
