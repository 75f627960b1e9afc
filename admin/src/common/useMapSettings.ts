/** The configured tile server and where maps open (GET /api/v1/map-settings, as the portal's). */
import { useQuery } from '@tanstack/react-query';
import { httpClient } from '../providers/httpClient';

export interface MapSettings {
  tileUrl: string;
  subdomains: string;
  attribution: string;
  maxZoom: number;
  center: [number, number];
  zoom: number;
}

export function useMapSettings() {
  return useQuery({
    queryKey: ['map-settings'],
    queryFn: () => httpClient<MapSettings>('/api/v1/map-settings').then((r) => r.json),
    staleTime: Infinity,
    retry: false,
  });
}
