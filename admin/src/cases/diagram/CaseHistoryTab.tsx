/**
 * The workflow's event history of a case, readable (GET /api/admin/cases/:id/history): when,
 * what, who, with what outcome; a link to the same workflow in Temporal's Web UI and the raw
 * history as a JSON download. Supervisors and admins only (readHistory); a 403 is shown as such.
 */
import DownloadIcon from '@mui/icons-material/Download';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import {
  Alert,
  Button,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useLocaleState, useTranslate } from 'react-admin';
import { Degraded } from '../../common/Degraded';
import { httpClient } from '../../providers/httpClient';
import { formatDateTime } from '../../common/ha-tinh-time';

interface HistoryEntry {
  eventId: string;
  time: string;
  type: string;
  name: string | null;
  who: string;
  actorId: string | null;
  outcome: string | null;
  summary: string | null;
}

interface CaseHistory {
  caseId: string;
  trackingCode: string;
  temporalUiUrl: string | null;
  events: HistoryEntry[];
}

export function CaseHistoryTab({ caseId }: { caseId: string }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const query = useQuery({
    queryKey: ['case-history', caseId],
    queryFn: () => httpClient<CaseHistory>(`/api/admin/cases/${caseId}/history`).then((r) => r.json),
    retry: false,
  });
  if (query.isPending) return <LinearProgress />;
  if (query.error) {
    if ((query.error as { status?: number }).status === 403)
      return (
        <Alert severity="info" data-testid="history-forbidden">
          {translate('resources.cases.history.forbidden')}
        </Alert>
      );
    return <Degraded error={query.error} />;
  }
  const { events, temporalUiUrl } = query.data;
  const who = (value: string) =>
    value === 'system' || value === 'citizen' ? translate(`resources.cases.history.who_${value}`) : value;
  return (
    <Stack spacing={1} data-testid="case-history">
      <Stack direction="row" spacing={1}>
        <Button
          size="small"
          variant="outlined"
          startIcon={<DownloadIcon />}
          href={`/api/admin/cases/${caseId}/history.json`}
          download
          data-testid="history-export"
        >
          {translate('resources.cases.history.export')}
        </Button>
        {temporalUiUrl && (
          <Button
            size="small"
            startIcon={<OpenInNewIcon />}
            href={temporalUiUrl}
            target="_blank"
            rel="noopener noreferrer"
            data-testid="history-temporal-ui"
          >
            {translate('resources.cases.history.temporal_ui')}
          </Button>
        )}
      </Stack>
      <TableContainer sx={{ maxHeight: 560 }}>
        <Table size="small" stickyHeader>
          <TableHead>
            <TableRow>
              {(['time', 'event', 'name', 'who', 'outcome', 'summary'] as const).map((column) => (
                <TableCell key={column}>{translate(`resources.cases.history.${column}`)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {events.map((event) => (
              <TableRow
                key={event.eventId}
                data-testid="history-event"
                data-type={event.type}
                data-name={event.name ?? ''}
                data-outcome={event.outcome ?? ''}
              >
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {event.time ? formatDateTime(event.time, locale) : ''}
                </TableCell>
                <TableCell>{event.type}</TableCell>
                <TableCell>{event.name ?? ''}</TableCell>
                <TableCell data-testid="history-who">{who(event.who)}</TableCell>
                <TableCell>{event.outcome ?? ''}</TableCell>
                <TableCell sx={{ minWidth: 320 }}>
                  {/* Long payloads (the report as submitted) are cut to three lines; the export has them whole. */}
                  <Typography
                    variant="body2"
                    title={event.summary ?? undefined}
                    sx={{
                      overflowWrap: 'anywhere',
                      display: '-webkit-box',
                      WebkitLineClamp: 3,
                      WebkitBoxOrient: 'vertical',
                      overflow: 'hidden',
                    }}
                  >
                    {event.summary ?? ''}
                  </Typography>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Stack>
  );
}
