/**
 * The public directory (/api/v1/categories, /units, /communes): names for codes and choices for
 * filters and forms. Always available (it does not depend on the configuration API) and in the
 * UI's language.
 */
import { useQuery } from '@tanstack/react-query';
import { useLocaleState } from 'react-admin';
import { httpClient } from '../providers/httpClient';

export interface DirectoryCategory {
  code: string;
  name: string;
  group: string;
  defaultLevel: string;
}
export interface DirectoryUnit {
  id: string;
  code: string;
  name: string;
  kind: string;
  communeCodes: string[];
}
export interface DirectoryCommune {
  code: string;
  name: string;
  kind: string;
  fullName: string;
}

function useDirectoryList<T>(path: string) {
  const [locale] = useLocaleState();
  return useQuery({
    queryKey: ['directory', path, locale],
    queryFn: () => httpClient<T[]>(`/api/v1/${path}`).then((r) => r.json),
    staleTime: 10 * 60_000,
  });
}

export const useCategories = () => useDirectoryList<DirectoryCategory>('categories');
export const useUnits = () => useDirectoryList<DirectoryUnit>('units');
export const useCommunes = () => useDirectoryList<DirectoryCommune>('communes');

/** Choices for SelectInput/AutocompleteInput (names are data: not translated). */
export function useCategoryChoices() {
  const { data = [] } = useCategories();
  return data.map((c) => ({ id: c.code, name: `${c.name}` }));
}
export function useUnitChoices() {
  const { data = [] } = useUnits();
  return data.map((u) => ({ id: u.id, name: `${u.name} (${u.code})` }));
}
export function useCommuneChoices() {
  const { data = [] } = useCommunes();
  return data.map((c) => ({ id: c.code, name: c.fullName }));
}
