/** One statistics endpoint for the dashboard's filters, refetched when they or the language change. */
import { useQuery } from '@tanstack/react-query';
import { useLocaleState } from 'react-admin';
import { httpClient } from '../providers/httpClient';
import { statisticsQuery, type StatisticsFilters } from './statistics';

export const STATISTICS_API = '/api/admin/statistics';

export function useStatistics<T>(path: string, filters: StatisticsFilters, extra: Record<string, string> = {}) {
  const [locale] = useLocaleState();
  const query = statisticsQuery(filters, extra);
  return useQuery({
    queryKey: ['statistics', path, query, locale],
    queryFn: () => httpClient<T>(`${STATISTICS_API}/${path}?${query}`).then((r) => r.json),
    staleTime: 60_000,
  });
}
