/**
 * What a screen shows when a server call it needs fails: a clear, translated message with the
 * server's own words, never a crash. Used while parts of the API are still being built.
 */
import { Alert } from '@mui/material';
import { useTranslate } from 'react-admin';
import { isMissingEndpoint } from '../providers/httpClient';

export function Degraded({ error, severity = 'info' }: { error: unknown; severity?: 'info' | 'warning' | 'error' }) {
  const translate = useTranslate();
  const detail = (error as { message?: string })?.message ?? String(error);
  const key =
    isMissingEndpoint(error) || (error as { status?: number })?.status === 404 ? 'app.degraded' : 'app.load_failed';
  return (
    <Alert severity={severity} data-testid="degraded">
      {translate(key, { detail })}
    </Alert>
  );
}
