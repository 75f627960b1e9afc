/** The citizens' API (/api/v1, docs/citizen-api.md), same origin, in the chosen language. */
import { initialLanguage } from './i18n';

export interface Category {
  code: string;
  name: string;
  description: string | null;
  icon: string;
  group: string;
  defaultLevel: string;
}
export interface Commune {
  code: string;
  name: string;
  kind: string;
  fullName: string;
}
/** GET /api/v1/map-settings: the tile server (a Leaflet URL template) and where the maps open. */
export interface MapSettings {
  tileUrl: string;
  subdomains: string;
  attribution: string;
  maxZoom: number;
  center: [number, number];
  zoom: number;
}
export interface MediaItem {
  id: string;
  purpose: 'report' | 'info' | 'proof';
  kind: string;
  contentType: string;
  url: string;
  thumbnailUrl: string | null;
}
export interface TimelineEntry {
  kind: string;
  label: string;
  visibility: string;
  status: string;
  statusLabel: string;
  step: string;
  at: string;
  note: string | null;
}
export interface CaseView {
  trackingCode: string;
  status: string;
  step: string;
  statusLabel: string;
  category: { code: string; name: string } | null;
  unit: { id: string; code: string; name: string } | null;
  deadline: string | null;
  createdAt: string;
  publishedAt?: string | null;
  closedAt?: string | null;
  description?: string;
  location?: {
    lat: number | null;
    lng: number | null;
    address: string | null;
    commune: { code: string; name: string } | null;
  };
  timeline?: TimelineEntry[];
  reply?: { text: string; publishedAt: string } | null;
  media: MediaItem[];
  rating?: { score: number; comment?: string | null } | null;
  viewCount?: number;
  allowedActions?: Array<'rate' | 'info' | 'withdraw'>;
}
export interface FeedPage {
  items: CaseView[];
  page: number;
  pageSize: number;
  total: number;
}
export interface Announcement {
  id: string;
  kind: string;
  severity: string;
  title: string;
  body: string;
  validFrom: string;
  validUntil: string | null;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function apiHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { 'Accept-Language': initialLanguage(), ...extra };
}

export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`/api/v1${path}`, {
    ...init,
    headers: apiHeaders(init.headers as Record<string, string> | undefined),
  });
  const body = (await response.json().catch(() => null)) as (T & { error?: { code: string; message: string } }) | null;
  if (!response.ok) {
    throw new ApiError(response.status, body?.error?.code ?? 'HTTP_ERROR', body?.error?.message ?? response.statusText);
  }
  return body as T;
}

/** Worth sending again later: throttled, timed out, or the server is struggling. Any other refusal would repeat. */
export function isTransient(status: number): boolean {
  return status === 429 || status === 408 || status >= 500;
}
