/**
 * ra-data-simple-rest over /api/admin (the API follows its conventions unchanged), plus the
 * domain calls react-admin's CRUD does not cover: task claim/unclaim/complete, proof uploads,
 * the case page's helpers, the routing test and password resets.
 */
import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider } from 'react-admin';
import { httpClient, postJson } from './httpClient';

export const ADMIN_API = '/api/admin';

export interface CommuneBoundaryImportSummary {
  dryRun: boolean;
  updated: string[];
  unchanged: string[];
  stillWithout: string[];
}

export interface Task {
  id: string;
  caseId: string;
  step: string;
  state: 'open' | 'done' | 'cancelled';
  role: string;
  unitId: string | null;
  assigneeId: string | null;
  due: string | null;
  overdue: boolean;
  urgent: boolean;
  allowedOutcomes: string[];
  outcome: string | null;
  claimedAt: string | null;
  completedAt: string | null;
  createdAt: string;
}

export interface CompletionAnswer {
  case: Record<string, any> & { id: string; status: string; step: string };
  nextTasks: Task[];
}

export interface TaskCounts {
  mine: number;
  unitUnclaimed: number;
  overdue: number;
}

/** domain/routing.ts RoutingReason: translated under domain.routing_reason.<code>. */
export interface RoutingReason {
  code: string;
  params?: Record<string, string>;
}

export interface RoutingCandidate {
  unitId: string;
  unitCode: string;
  unitName: string;
  priority?: number;
  reasons: RoutingReason[];
}

interface RoutingContext {
  communeCode?: string | null;
  communeFromPoint?: boolean;
}

export type RoutingDecision =
  | ({ kind: 'automatic' } & RoutingCandidate & RoutingContext)
  | ({ kind: 'manual'; reason: 'no_match' | 'tie'; candidates: RoutingCandidate[] } & RoutingContext);

export interface MediaItem {
  id: string;
  url: string;
  kind?: 'photo' | 'video' | 'document';
  contentType?: string;
  purpose?: string;
  thumbnailUrl?: string | null;
  originalName?: string | null;
  createdAt?: string;
}

export interface TimelineEntry {
  id: string;
  seq?: number;
  kind: string;
  visibility: 'public' | 'reporter' | 'internal';
  status?: string | null;
  step?: string | null;
  note?: string | null;
  actorId?: string | null;
  actorName?: string | null;
  at: string;
}

const base = simpleRestProvider(ADMIN_API, httpClient as any);
const url = (path: string) => `${ADMIN_API}${path}`;
const enc = encodeURIComponent;

export const dataProvider = {
  ...base,
  claimTask: (id: string) => postJson<Task>(url(`/tasks/${enc(id)}/claim`)).then((r) => r.json),
  unclaimTask: (id: string) => postJson<Task>(url(`/tasks/${enc(id)}/unclaim`)).then((r) => r.json),
  /** The workflow's answer; the same key on a retry gets the first answer (API.md). */
  completeTask: (id: string, outcome: string, data: Record<string, unknown>, idempotencyKey: string) =>
    postJson<CompletionAnswer>(
      url(`/tasks/${enc(id)}/complete`),
      { outcome, ...data },
      {
        'Idempotency-Key': idempotencyKey,
      },
    ).then((r) => r.json),
  taskCounts: () => httpClient<TaskCounts>(url('/tasks/counts')).then((r) => r.json),
  uploadProof: (caseId: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return httpClient<{ id: string; url: string }>(url(`/cases/${enc(caseId)}/media`), {
      method: 'POST',
      body: form,
    }).then((r) => r.json);
  },
  caseTimeline: (id: string) => httpClient<TimelineEntry[]>(url(`/cases/${enc(id)}/timeline`)).then((r) => r.json),
  caseMedia: (id: string) => httpClient<MediaItem[]>(url(`/cases/${enc(id)}/media`)).then((r) => r.json),
  similarCases: (id: string, radiusMeters = 500) =>
    httpClient<Record<string, any>[]>(url(`/cases/${enc(id)}/similar?radiusMeters=${radiusMeters}`)).then(
      (r) => r.json,
    ),
  /** { caseId, excludedUnitIds, decision }: the decision, leaving out units that returned the case. */
  routingSuggestion: (id: string) =>
    httpClient<{ decision: RoutingDecision; excludedUnitIds?: string[] }>(
      url(`/cases/${enc(id)}/routing-suggestion`),
    ).then((r) => r.json.decision),
  testRoutingRule: (body: {
    categoryCode: string;
    communeCode?: string;
    lat?: number;
    lng?: number;
    description?: string;
  }) => postJson<RoutingDecision>(url('/routing-rules/test'), body).then((r) => r.json),
  resetPassword: (userId: string) =>
    postJson<{ temporaryPassword: string }>(url(`/users/${enc(userId)}/reset-password`)).then((r) => r.json),
  /** Every commune's boundary from one GeoJSON FeatureCollection; `dryRun` only previews. */
  importCommuneBoundaries: (body: { geojson: unknown; codeProperty: string; dryRun: boolean }) =>
    postJson<CommuneBoundaryImportSummary>(url('/communes/boundaries'), body).then((r) => r.json),
  /** The public directory (/api/v1): communes for filters and forms. */
  communes: () => httpClient<{ code: string; name: string; kind: string }[]>('/api/v1/communes').then((r) => r.json),
} satisfies DataProvider & Record<string, unknown>;

export type AppDataProvider = typeof dataProvider;
