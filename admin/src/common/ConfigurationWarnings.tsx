/**
 * What administrators should complete (GET /api/admin/configuration-warnings): a missing working
 * calendar, holidays still unconfirmed, communes without a boundary; each links to its screen.
 * Shown only to those who can fix it; nothing at all when there is nothing to say.
 */
import { Alert, Link, Stack } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router-dom';
import { useCanAccess, useTranslate } from 'react-admin';
import { httpClient } from '../providers/httpClient';

type Warning =
  | { code: 'calendar_missing'; severity: 'error' | 'warning'; year: number }
  | { code: 'holidays_unconfirmed'; severity: 'warning'; year: number; dates: string[] }
  | { code: 'communes_without_boundary'; severity: 'info'; count: number; total: number };

const SCREEN: Record<Warning['code'], string> = {
  calendar_missing: '/calendars',
  holidays_unconfirmed: '/calendars',
  communes_without_boundary: '/communes',
};

/** 2026-09-01 → 01/09/2026, as Vietnamese documents write dates. */
const vietnameseDate = (iso: string) => iso.split('-').reverse().join('/');

export function ConfigurationWarnings() {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'calendars', action: 'edit' });
  const { data } = useQuery({
    queryKey: ['configuration-warnings'],
    queryFn: () => httpClient<Warning[]>('/api/admin/configuration-warnings').then((r) => r.json),
    enabled: canAccess === true,
    staleTime: 5 * 60_000,
  });
  if (!canAccess || !data?.length) return null;
  return (
    <Stack spacing={1} sx={{ mb: 2 }} data-testid="configuration-warnings">
      {data.map((warning) => (
        <Alert
          key={`${warning.code}-${'year' in warning ? warning.year : ''}`}
          severity={warning.severity}
          action={
            <Link component={RouterLink} to={SCREEN[warning.code]}>
              {translate('configuration_warnings.open')}
            </Link>
          }
        >
          {translate(`configuration_warnings.${warning.code}`, {
            ...warning,
            ...('dates' in warning && { dates: warning.dates.map(vietnameseDate).join(', ') }),
            ...('count' in warning && { smart_count: warning.count }),
          })}
        </Alert>
      ))}
    </Stack>
  );
}
