/**
 * "Record a call": an IOC official enters a report on a citizen's behalf — a hotline call, a
 * walk-in, a letter, an email — with the place on the map or as an address, photos, and the
 * caller's contact (confidential unless the caller agrees otherwise). POST /api/admin/intake
 * starts the case's workflow; the page then shows the tracking code to read to the caller and a
 * link to the case. One Idempotency-Key per report: a retry after a lost answer is the same case.
 */
import { Alert, AlertTitle, Box, Button, Card, CardContent, CardHeader, Stack, Typography } from '@mui/material';
import { lazy, Suspense, useRef, useState } from 'react';
import {
  AutocompleteInput,
  BooleanInput,
  FileField,
  FileInput,
  NumberInput,
  RadioButtonGroupInput,
  SaveButton,
  SimpleForm,
  TextInput,
  Title,
  Toolbar,
  email,
  maxLength,
  maxValue,
  minLength,
  minValue,
  required,
  useTranslate,
} from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { useCategoryChoices, useCommuneChoices } from '../common/useDirectory';
import { httpClient } from '../providers/httpClient';

const IntakeMap = lazy(() => import('./IntakeMap'));
const CHANNELS = ['hotline', 'walk_in', 'letter', 'email'] as const;

interface Recorded {
  id: string;
  trackingCode: string;
  sms: boolean;
}

/** crypto.randomUUID needs a secure context; a LAN address over plain HTTP is not one. */
function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** The form's values as the API's report (domain/intake-command.ts). */
function reportOf(values: Record<string, any>) {
  const point = typeof values.lat === 'number' && typeof values.lng === 'number';
  const reporter = {
    name: text(values.reporterName),
    phone: text(values.reporterPhone),
    email: text(values.reporterEmail),
  };
  return {
    channel: values.channel,
    categoryCode: values.categoryCode,
    description: values.description ?? '',
    location: {
      ...(point && { lat: values.lat, lng: values.lng }),
      address: text(values.address),
      communeCode: text(values.communeCode),
    },
    confidential: values.confidential !== false,
    ...((reporter.name || reporter.phone || reporter.email) && { reporter }),
  };
}

export function IntakePage() {
  const translate = useTranslate();
  const categories = useCategoryChoices();
  const communes = useCommuneChoices();
  const key = useRef(newKey());
  const [recorded, setRecorded] = useState<Recorded | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [round, setRound] = useState(0); // a new form after each recorded report

  const submit = async (values: Record<string, any>) => {
    setFailure(null);
    const report = reportOf(values);
    const form = new FormData();
    form.append('report', JSON.stringify(report));
    for (const file of (values.media ?? []) as { rawFile?: File }[])
      if (file.rawFile) form.append('media', file.rawFile);
    try {
      const { json } = await httpClient<{ id: string; trackingCode: string }>('/api/admin/intake', {
        method: 'POST',
        body: form,
        headers: { 'Idempotency-Key': key.current },
      });
      setRecorded({ id: json.id, trackingCode: json.trackingCode, sms: Boolean(report.reporter?.phone) });
      key.current = newKey();
    } catch (error) {
      setFailure((error as Error).message);
      return (error as { body?: { errors?: Record<string, string> } }).body?.errors;
    }
    return undefined;
  };

  const label = (name: string) => `resources.intake.${name}`;
  return (
    <Card sx={{ mt: 2, maxWidth: 960 }}>
      <Title title={translate('resources.intake.title')} />
      <CardHeader title={translate('resources.intake.title')} subheader={translate('resources.intake.intro')} />
      <CardContent>
        {recorded ? (
          <Alert severity="success" data-testid="intake-recorded">
            <AlertTitle>{translate('resources.intake.recorded', { code: recorded.trackingCode })}</AlertTitle>
            <Typography variant="h5" component="p" data-testid="intake-tracking-code" sx={{ my: 1 }}>
              {recorded.trackingCode}
            </Typography>
            {recorded.sms && <Typography>{translate('resources.intake.recorded_sms')}</Typography>}
            <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
              <Button variant="contained" component={RouterLink} to={`/cases/${recorded.id}/show`}>
                {translate('resources.intake.open_case')}
              </Button>
              <Button
                onClick={() => {
                  setRecorded(null);
                  setRound((r) => r + 1);
                }}
              >
                {translate('resources.intake.another')}
              </Button>
            </Stack>
          </Alert>
        ) : (
          <SimpleForm
            key={round}
            onSubmit={submit}
            defaultValues={{ channel: 'hotline', confidential: true }}
            toolbar={
              <Toolbar>
                <SaveButton label="resources.intake.submit" alwaysEnable />
              </Toolbar>
            }
          >
            <RadioButtonGroupInput
              source="channel"
              label={label('channel')}
              choices={CHANNELS.map((id) => ({ id, name: `resources.intake.channels.${id}` }))}
              validate={required()}
            />
            <AutocompleteInput
              source="categoryCode"
              label={label('categoryCode')}
              choices={categories}
              translateChoice={false}
              validate={required()}
              fullWidth
            />
            <TextInput
              source="description"
              label={label('description')}
              multiline
              minRows={3}
              fullWidth
              validate={[required(), minLength(10), maxLength(4000)]}
            />
            <Typography variant="subtitle1">{translate('resources.intake.location')}</Typography>
            <Typography variant="body2" color="text.secondary">
              {translate('resources.intake.map_hint')}
            </Typography>
            <Suspense fallback={null}>
              <IntakeMap />
            </Suspense>
            <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', width: '100%' }}>
              <NumberInput source="lat" label={label('lat')} validate={[minValue(-90), maxValue(90)]} />
              <NumberInput source="lng" label={label('lng')} validate={[minValue(-180), maxValue(180)]} />
              <AutocompleteInput
                source="communeCode"
                label={label('communeCode')}
                choices={communes}
                translateChoice={false}
                sx={{ minWidth: 280 }}
              />
            </Box>
            <TextInput source="address" label={label('address')} fullWidth validate={maxLength(500)} />
            <FileInput
              source="media"
              label={label('media')}
              helperText={label('media_hint')}
              accept={{ 'image/*': [], 'video/*': [] }}
              multiple
            >
              <FileField source="src" title="title" />
            </FileInput>
            <Typography variant="subtitle1">{translate('resources.intake.caller')}</Typography>
            <TextInput source="reporterName" label={label('reporterName')} fullWidth validate={maxLength(200)} />
            <TextInput source="reporterPhone" label={label('reporterPhone')} fullWidth />
            <TextInput source="reporterEmail" label={label('reporterEmail')} fullWidth validate={email()} />
            <BooleanInput source="confidential" label={label('confidential')} />
          </SimpleForm>
        )}
        {failure && (
          <Alert severity="error" sx={{ mt: 2 }} data-testid="intake-failed">
            {translate('resources.intake.failed', { detail: failure })}
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}
