/** The case page's helper endpoints (timeline, media, similar cases, routing suggestion). */
import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';

const options = { retry: false, staleTime: 30_000 } as const;

export function useCaseTimeline(caseId: string | undefined) {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: ['case-timeline', caseId],
    queryFn: () => dataProvider.caseTimeline(caseId!),
    enabled: !!caseId,
    ...options,
  });
}

export function useCaseMedia(caseId: string | undefined) {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: ['case-media', caseId],
    queryFn: () => dataProvider.caseMedia(caseId!),
    enabled: !!caseId,
    ...options,
  });
}

export function useSimilarCases(caseId: string | undefined, radiusMeters: number, enabled = true) {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: ['case-similar', caseId, radiusMeters],
    queryFn: () => dataProvider.similarCases(caseId!, radiusMeters),
    enabled: !!caseId && enabled,
    ...options,
  });
}

export function useRoutingSuggestion(caseId: string | undefined) {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({
    queryKey: ['case-routing-suggestion', caseId],
    queryFn: () => dataProvider.routingSuggestion(caseId!),
    enabled: !!caseId,
    ...options,
  });
}

/** Everything a completed task changes on the case page. */
export const CASE_PAGE_KEYS = ['cases', 'tasks', 'case-timeline', 'case-media', 'task-counts'];
