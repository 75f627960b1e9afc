/**
 * One case: content, photos and videos, location, timeline on the left; the current task with
 * the answers this official may give, deadlines and (for the IOC) the reporter on the right.
 */
import { Card, CardContent, CardHeader, Grid, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Labeled, NumberField, Show, useRecordContext, useTranslate, TextField } from 'react-admin';
import { CaseTimeline } from './CaseTimeline';
import { CategoryField, CommuneField, EnumField, LevelField, StatusField, UnitField } from './CaseFields';
import { CurrentTask } from './CurrentTask';
import { CaseProcess } from './diagram/CaseProcess';
import { LocationMap } from './LocationMap';
import { MediaGallery } from './MediaGallery';
import { ReporterPanel } from './ReporterPanel';
import { SlaPanel } from './SlaPanel';
import { HaTinhDateField } from '../common/HaTinhDateField';

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  const translate = useTranslate();
  return (
    <Card variant="outlined" data-testid={testId}>
      <CardHeader
        title={translate(`resources.cases.sections.${title}`)}
        titleTypographyProps={{ variant: 'subtitle1' }}
      />
      <CardContent sx={{ pt: 0 }}>{children}</CardContent>
    </Card>
  );
}

function CaseTitle() {
  const record = useRecordContext();
  const translate = useTranslate();
  return <span>{record ? `${translate('resources.cases.name', { smart_count: 1 })} ${record.trackingCode}` : ''}</span>;
}

function CaseContent() {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <StatusField source="status" />
        <LevelField source="level" />
        <Labeled source="step">
          <EnumField source="step" prefix="domain.step" />
        </Labeled>
      </Stack>
      <Typography sx={{ whiteSpace: 'pre-wrap' }} data-testid="case-description">
        {record.description}
      </Typography>
      <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Labeled source="trackingCode">
          <TextField source="trackingCode" />
        </Labeled>
        <Labeled source="categoryCode">
          <CategoryField source="categoryCode" />
        </Labeled>
        <Labeled source="communeCode">
          <CommuneField source="communeCode" />
        </Labeled>
        <Labeled source="unitId">
          <UnitField source="unitId" />
        </Labeled>
        <Labeled source="channel">
          <TextField source="channel" />
        </Labeled>
        <Labeled source="meTooCount">
          <NumberField source="meTooCount" data-testid="case-me-too" />
        </Labeled>
        <Labeled source="receivedAt">
          <HaTinhDateField source="receivedAt" showTime />
        </Labeled>
      </Stack>
    </Stack>
  );
}

function CaseLayout() {
  const record = useRecordContext();
  if (!record) return null;
  const id = String(record.id);
  return (
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={{ xs: 12, lg: 7 }}>
        <Stack spacing={2}>
          <Section title="content" testId="case-content">
            <CaseContent />
          </Section>
          <Section title="media">
            <MediaGallery caseId={id} />
          </Section>
          <Section title="timeline">
            <CaseTimeline caseId={id} />
          </Section>
        </Stack>
      </Grid>
      <Grid size={{ xs: 12, lg: 5 }}>
        <Stack spacing={2}>
          <Section title="task">
            <CurrentTask record={record} />
          </Section>
          <Section title="sla">
            <SlaPanel record={record} />
          </Section>
          <Section title="location">
            <LocationMap record={record} />
          </Section>
          <ReporterPanel record={record} />
        </Stack>
      </Grid>
      <Grid size={12}>
        <Section title="process">
          <CaseProcess caseId={id} />
        </Section>
      </Grid>
    </Grid>
  );
}

export function CaseShow() {
  return (
    <Show title={<CaseTitle />} queryOptions={{ refetchOnWindowFocus: true, refetchInterval: 30_000 }}>
      <CaseLayout />
    </Show>
  );
}
