/**
 * The path a case took on the regulation's diagram (GET /api/admin/cases/:id/diagram): completed
 * elements and the flows taken in green, the current step in blue, overdue steps in red, and on
 * each visited step its time spent and deadline. Closed cases too: their path simply ends.
 */
import { Alert, LinearProgress, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { Degraded } from '../../common/Degraded';
import { httpClient } from '../../providers/httpClient';
import type { Diagram } from '../../process/bpmnViewer';
import { overlayLabel, useDiagram } from '../../process/useDiagram';
import { formatDateTime } from '../../common/ha-tinh-time';

export interface CaseDiagramElement {
  state: 'completed' | 'active' | 'pending';
  enteredAt?: string;
  leftAt?: string;
  due?: string | null;
  overdue?: boolean;
  escalationLevel?: number;
  outcome?: string | null;
  visits?: number;
}

interface CaseDiagram {
  caseId: string;
  bpmnXml: string;
  elements: Record<string, CaseDiagramElement>;
  flows: string[];
}

const GATEWAY = /Gateway$/;
const MARKERS = ['case-completed', 'case-active', 'case-overdue', 'case-flow-taken'];

/** Markers by element id: the path taken, the current step, overdue steps. */
export function pathMarkers(diagram: Pick<Diagram, 'registry'>, data: Pick<CaseDiagram, 'elements' | 'flows'>) {
  const markers = new Map<string, string[]>();
  const mark = (id: string, marker: string) => markers.set(id, [...(markers.get(id) ?? []), marker]);
  const taken = new Set(data.flows);
  const visited = (id: string | undefined) => !!id && (data.elements[id]?.state ?? 'pending') !== 'pending';
  for (const [id, element] of Object.entries(data.elements)) {
    if (!diagram.registry.get(id) || element.state === 'pending') continue;
    mark(id, element.state === 'active' ? 'case-active' : 'case-completed');
    if (element.overdue) mark(id, 'case-overdue');
  }
  // Decision flows come from the API; the plain flows between visited elements follow from them.
  const all = diagram.registry.getAll();
  const gateways = all.filter((e) => GATEWAY.test(e.type));
  const gatewayVisited = new Set(
    gateways
      .filter(
        (g) =>
          (g.outgoing ?? []).some((f) => taken.has(f.id)) ||
          (!g.id.endsWith('_decision') &&
            (g.incoming ?? []).some((f) => taken.has(f.id) || visited(f.source?.id)) &&
            (g.outgoing ?? []).some((f) => visited(f.target?.id))),
      )
      .map((g) => g.id),
  );
  const reached = (id: string | undefined) => visited(id) || (!!id && gatewayVisited.has(id));
  for (const id of gatewayVisited) mark(id, 'case-completed');
  for (const flow of all.filter((e) => e.type === 'bpmn:SequenceFlow')) {
    const fromDecision = flow.source?.id.endsWith('_decision');
    if (taken.has(flow.id) || (!fromDecision && reached(flow.source?.id) && reached(flow.target?.id)))
      mark(flow.id, 'case-flow-taken');
  }
  return markers;
}

function duration(ms: number, translate: ReturnType<typeof useTranslate>): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return translate('time.minutes', { smart_count: minutes });
  const hours = Math.round(minutes / 6) / 10;
  if (hours < 48) return translate('time.hours', { smart_count: hours });
  return translate('resources.cases.diagram.days', { smart_count: Math.round(hours / 24) });
}

export function CaseDiagramTab({ caseId }: { caseId: string }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const query = useQuery({
    queryKey: ['case-diagram', caseId],
    queryFn: () => httpClient<CaseDiagram>(`/api/admin/cases/${caseId}/diagram`).then((r) => r.json),
    refetchInterval: 30_000,
    retry: false,
  });
  const { container, diagram, error } = useDiagram(query.data?.bpmnXml);
  const data = query.data;

  useEffect(() => {
    if (!diagram || !data) return;
    const when = (iso: string) => formatDateTime(iso, locale, { dateStyle: 'short', timeStyle: 'short' });
    for (const element of diagram.registry.getAll())
      for (const marker of MARKERS) diagram.canvas.removeMarker(element.id, marker);
    for (const [id, markers] of pathMarkers(diagram, data))
      for (const marker of markers) diagram.canvas.addMarker(id, marker);
    diagram.overlays.clear();
    const now = Date.now();
    for (const [id, element] of Object.entries(data.elements)) {
      if (element.state === 'pending' || !element.enteredAt || !diagram.registry.get(id)) continue;
      if (element.due === undefined) continue; // events and automatic steps: no time to show
      const spent = (element.leftAt ? Date.parse(element.leftAt) : now) - Date.parse(element.enteredAt);
      const lines = [translate('resources.cases.diagram.spent', { time: duration(spent, translate) })];
      if (element.due) lines.push(translate('resources.cases.diagram.due', { date: when(element.due) }));
      if (element.escalationLevel)
        lines.push(translate('resources.cases.diagram.escalation', { level: element.escalationLevel }));
      const label = overlayLabel(lines.join(' · '), `times${element.overdue ? ' overdue' : ''}`, `diagram-times-${id}`);
      diagram.overlays.add(id, { position: { bottom: -4, left: 0 }, html: label });
    }
  }, [diagram, data, translate, locale]);

  if (query.error) return <Degraded error={query.error} />;
  return (
    <Stack spacing={1} data-testid="case-diagram">
      {query.isPending && <LinearProgress />}
      {error ? <Alert severity="error">{translate('app.load_failed', { detail: String(error) })}</Alert> : null}
      <div
        ref={container}
        data-testid="case-diagram-canvas"
        data-ready={diagram && data ? 'true' : undefined}
        style={{ height: 560, border: '1px solid #e0e0e0', borderRadius: 4 }}
      />
      <Typography variant="caption" color="text.secondary">
        {translate('resources.cases.diagram.legend')}
      </Typography>
    </Stack>
  );
}
