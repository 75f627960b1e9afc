/**
 * The officials' home page: the tasks assigned to me, then my units' unclaimed tasks, overdue
 * first (then urgent, then by deadline), with the working time left and claim/give back.
 */
import {
  Alert,
  Box,
  Card,
  CardContent,
  CardHeader,
  Chip,
  Link,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { LinearProgress, Title, useCanAccess, useGetList, useGetMany, useTranslate } from 'react-admin';
import { ConfigurationWarnings } from '../common/ConfigurationWarnings';
import { Degraded } from '../common/Degraded';
import { UnitName } from '../common/UnitName';
import { useCategories, useCommunes } from '../common/useDirectory';
import { useMe } from '../common/useMe';
import { WorkingTimeLeft } from '../common/WorkingTimeLeft';
import type { Task } from '../providers/dataProvider';
import { ClaimButtons } from './ClaimButtons';

/** Overdue first, then urgent, then the earliest deadline (no deadline last). */
export function inboxOrder(a: Task, b: Task): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.urgent !== b.urgent) return a.urgent ? -1 : 1;
  const due = (t: Task) => (t.due ? Date.parse(t.due) : Number.POSITIVE_INFINITY);
  return due(a) - due(b);
}

function TaskTable({ filter, empty, testId }: { filter: Record<string, unknown>; empty: string; testId: string }) {
  const translate = useTranslate();
  const { data, isPending, error } = useGetList<Task & { id: string }>('tasks', {
    filter,
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'due', order: 'ASC' },
  });
  const tasks = [...(data ?? [])].sort(inboxOrder);
  const { data: cases } = useGetMany(
    'cases',
    { ids: [...new Set(tasks.map((t) => t.caseId))] },
    { enabled: tasks.length > 0 },
  );
  const { data: categories } = useCategories();
  const { data: communes } = useCommunes();
  if (isPending) return <LinearProgress />;
  if (error) return <Degraded error={error} severity="error" />;
  if (tasks.length === 0)
    return (
      <Typography color="text.secondary" data-testid={`${testId}-empty`}>
        {translate(empty)}
      </Typography>
    );
  return (
    <Table size="small" data-testid={testId}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.cases.fields.trackingCode')}</TableCell>
          <TableCell>{translate('resources.tasks.fields.step')}</TableCell>
          <TableCell>{translate('resources.cases.fields.categoryCode')}</TableCell>
          <TableCell>{translate('resources.cases.fields.communeCode')}</TableCell>
          <TableCell>{translate('resources.tasks.fields.unitId')}</TableCell>
          <TableCell>{translate('resources.tasks.fields.time_left')}</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {tasks.map((task) => {
          const kase = cases?.find((c) => c.id === task.caseId);
          return (
            <TableRow key={task.id} hover data-testid="inbox-task" data-overdue={task.overdue}>
              <TableCell>
                <Link component={RouterLink} to={`/cases/${task.caseId}/show`}>
                  {kase?.trackingCode ?? task.caseId.slice(0, 8)}
                </Link>
                {task.urgent && <Chip size="small" color="error" label={translate('inbox.urgent')} sx={{ ml: 1 }} />}
              </TableCell>
              <TableCell>{translate(`domain.step.${task.step}`)}</TableCell>
              <TableCell>
                {categories?.find((c) => c.code === kase?.categoryCode)?.name ?? kase?.categoryCode}
              </TableCell>
              <TableCell>
                {communes?.find((c) => c.code === kase?.communeCode)?.fullName ?? kase?.communeCode}
              </TableCell>
              <TableCell>
                <UnitName id={task.unitId} />
              </TableCell>
              <TableCell>
                <WorkingTimeLeft due={task.due} />
              </TableCell>
              <TableCell align="right">
                <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
                  <ClaimButtons task={task} />
                  <Link component={RouterLink} to={`/cases/${task.caseId}/show`} sx={{ alignSelf: 'center' }}>
                    {translate('inbox.open_case')}
                  </Link>
                </Stack>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

export function TaskInbox() {
  const translate = useTranslate();
  const me = useMe();
  const { canAccess, isPending } = useCanAccess({ resource: 'tasks', action: 'list' });
  return (
    <Box sx={{ mt: 2 }} data-testid="task-inbox">
      <Title title={translate('inbox.title')} />
      <ConfigurationWarnings />
      {isPending || !me ? (
        <LinearProgress />
      ) : !canAccess ? (
        <Alert severity="info">{translate('inbox.no_access')}</Alert>
      ) : (
        <Stack spacing={2}>
          <Card>
            <CardHeader title={translate('inbox.mine')} />
            <CardContent>
              <TaskTable filter={{ state: 'open', assigneeId: me.id }} empty="inbox.empty_mine" testId="inbox-mine" />
            </CardContent>
          </Card>
          <Card>
            <CardHeader title={translate('inbox.unit_unclaimed')} />
            <CardContent>
              <TaskTable filter={{ state: 'open', assigneeId: null }} empty="inbox.empty_unit" testId="inbox-unit" />
            </CardContent>
          </Card>
        </Stack>
      )}
    </Box>
  );
}
