/** Deadlines of the case: the current step's and the resolution's, working time left, escalation. */
import { Chip, Stack, Table, TableBody, TableCell, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import { WorkingTimeLeft } from '../common/WorkingTimeLeft';
import { useHaTinhTime } from '../common/useHaTinhTime';

export function SlaPanel({ record }: { record: Record<string, any> }) {
  const translate = useTranslate();
  const time = useHaTinhTime();
  const date = (v?: string | null) => (v ? time.dateTime(v) : translate('app.none'));
  const level = Number(record.escalationLevel ?? 0);
  const escalation =
    level <= 2 ? translate(`domain.escalation.${level}`) : translate('domain.escalation.more', { level });
  return (
    <Table size="small" data-testid="sla-panel">
      <TableBody>
        <TableRow>
          <TableCell>{translate('resources.cases.fields.deadline')}</TableCell>
          <TableCell>
            <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
              <span>{date(record.deadline)}</span>
              {record.deadline && <WorkingTimeLeft due={record.deadline} />}
            </Stack>
          </TableCell>
        </TableRow>
        <TableRow>
          <TableCell>{translate('resources.cases.fields.resolutionDeadline')}</TableCell>
          <TableCell>
            <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
              <span>{date(record.resolutionDeadline)}</span>
              {record.resolutionDeadline && <WorkingTimeLeft due={record.resolutionDeadline} />}
            </Stack>
          </TableCell>
        </TableRow>
        <TableRow>
          <TableCell>{translate('resources.cases.sla.escalation_level')}</TableCell>
          <TableCell>
            <Chip size="small" color={level > 0 ? 'error' : 'default'} label={escalation} />
          </TableCell>
        </TableRow>
        <TableRow>
          <TableCell>{translate('resources.cases.fields.overdue')}</TableCell>
          <TableCell>
            <Chip
              size="small"
              color={record.overdue ? 'error' : 'success'}
              label={
                record.overdue ? translate('resources.cases.fields.overdue') : translate('resources.cases.sla.on_time')
              }
            />
          </TableCell>
        </TableRow>
      </TableBody>
    </Table>
  );
}
