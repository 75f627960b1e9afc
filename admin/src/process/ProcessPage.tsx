/**
 * The Process page: the regulation's diagram with, on each step, the open cases the official may
 * read and how many are overdue, refreshed every 15 s. A click on a step opens the cases list
 * filtered by that step.
 */
import { Alert, Card, CardContent, CardHeader, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Title, useCreatePath, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { CASE_STEPS } from '../common/choices';
import { Degraded } from '../common/Degraded';
import { httpClient } from '../providers/httpClient';
import { overlayLabel, useDiagram } from './useDiagram';

interface ProcessSummary {
  bpmnXml: string;
  steps: Record<string, { open: number; overdue: number }>;
}

export const PROCESS_REFRESH_MS = 15_000;

export function ProcessPage() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const summary = useQuery({
    queryKey: ['process-summary'],
    queryFn: () => httpClient<ProcessSummary>('/api/admin/process/summary').then((r) => r.json),
    refetchInterval: PROCESS_REFRESH_MS,
    refetchOnWindowFocus: true,
    retry: false,
  });
  const { container, diagram, error } = useDiagram(summary.data?.bpmnXml);

  // A click on a step: its cases.
  useEffect(() => {
    if (!diagram) return;
    const steps = new Set<string>(CASE_STEPS);
    for (const element of diagram.registry.getAll())
      if (steps.has(element.id)) diagram.canvas.addMarker(element.id, 'process-step');
    diagram.events.on('element.click', ({ element }) => {
      if (!steps.has(element.id)) return;
      const filter = encodeURIComponent(JSON.stringify({ step: element.id }));
      void navigate(`${createPath({ resource: 'cases', type: 'list' })}?filter=${filter}`);
    });
  }, [diagram, navigate, createPath]);

  // The counts, redrawn on every refresh.
  const counts = summary.data?.steps;
  useEffect(() => {
    if (!diagram || !counts) return;
    diagram.overlays.clear();
    for (const step of CASE_STEPS)
      if (diagram.registry.get(step))
        for (const marker of ['process-has-cases', 'process-has-overdue']) diagram.canvas.removeMarker(step, marker);
    for (const [step, { open, overdue }] of Object.entries(counts)) {
      if (!diagram.registry.get(step)) continue;
      diagram.canvas.addMarker(step, 'process-has-cases');
      diagram.overlays.add(step, {
        position: { top: -12, left: 0 },
        html: overlayLabel(
          translate('resources.cases.process.open', { smart_count: open }),
          '',
          `process-open-${step}`,
        ),
      });
      if (overdue > 0) {
        diagram.canvas.addMarker(step, 'process-has-overdue');
        diagram.overlays.add(step, {
          position: { bottom: -8, right: 0 },
          html: overlayLabel(
            translate('resources.cases.process.overdue', { smart_count: overdue }),
            'overdue',
            `process-overdue-${step}`,
          ),
        });
      }
    }
  }, [diagram, counts, translate]);

  const total = Object.values(counts ?? {}).reduce((sum, c) => sum + c.open, 0);
  const overdue = Object.values(counts ?? {}).reduce((sum, c) => sum + c.overdue, 0);
  return (
    <Card sx={{ mt: 2 }} data-testid="process-page">
      <Title title="resources.cases.process.title" />
      <CardHeader
        title={translate('resources.cases.process.title')}
        subheader={translate('resources.cases.process.hint')}
        action={
          counts && (
            <Stack direction="row" spacing={1}>
              <Chip color="primary" label={translate('resources.cases.process.open', { smart_count: total })} />
              <Chip
                color={overdue ? 'error' : 'default'}
                label={translate('resources.cases.process.overdue', { smart_count: overdue })}
              />
            </Stack>
          )
        }
      />
      <CardContent>
        {summary.isPending && <LinearProgress />}
        {summary.error && <Degraded error={summary.error} />}
        {error ? <Alert severity="error">{translate('app.load_failed', { detail: String(error) })}</Alert> : null}
        <div
          ref={container}
          data-testid="process-diagram"
          data-ready={diagram && counts ? 'true' : undefined}
          style={{ height: 640, border: '1px solid #e0e0e0', borderRadius: 4 }}
        />
        <Typography variant="caption" color="text.secondary">
          {translate('resources.cases.process.live', { seconds: PROCESS_REFRESH_MS / 1000 })}
        </Typography>
      </CardContent>
    </Card>
  );
}
