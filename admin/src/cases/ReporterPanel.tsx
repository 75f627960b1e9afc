/**
 * The reporter's personal data, for roles allowed to read it (readPersonalData: the IOC); the
 * API sends `reporter` only to them and records every read in the audit log.
 */
import { Alert, Card, CardContent, CardHeader, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useMe } from '../common/useMe';

export function ReporterPanel({ record }: { record: Record<string, any> }) {
  const translate = useTranslate();
  const me = useMe();
  if (!me?.ability.can('readPersonalData', 'Case') || !('reporter' in record)) return null;
  const reporter = (record.reporter ?? {}) as { name?: string | null; phone?: string | null; email?: string | null };
  const given = (['name', 'phone', 'email'] as const).filter((k) => reporter[k]);
  return (
    <Card variant="outlined" data-testid="personal-data">
      <CardHeader
        title={translate('resources.cases.sections.personal_data')}
        titleTypographyProps={{ variant: 'subtitle1' }}
      />
      <CardContent>
        {given.length === 0 ? (
          <Typography color="text.secondary">{translate('resources.cases.personal.none')}</Typography>
        ) : (
          given.map((k) => (
            <Typography key={k}>
              {translate(`resources.cases.fields.reporter.${k}`)}: {reporter[k]}
            </Typography>
          ))
        )}
        <Alert severity="info" sx={{ mt: 1 }}>
          {translate('resources.cases.personal.audited')}
        </Alert>
      </CardContent>
    </Card>
  );
}
