/**
 * The case's open task(s) and the answers this official may give now: the task's allowed
 * outcomes, shown only when the CASL rules let this user complete it (its role and unit, claimed
 * by nobody or by them, or a leader taking over). Claim/give back beside them.
 */
import { Alert, Box, Chip, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { LinearProgress, useGetList, useTranslate } from 'react-admin';
import { Degraded } from '../common/Degraded';
import { UnitName } from '../common/UnitName';
import { useMe } from '../common/useMe';
import { WorkingTimeLeft } from '../common/WorkingTimeLeft';
import { ClaimButtons } from '../inbox/ClaimButtons';
import { subjectOf } from '../providers/ability';
import type { Task } from '../providers/dataProvider';
import { OutcomeButton, OutcomeDialog } from './actions/OutcomeDialog';
import { useHaTinhTime } from '../common/useHaTinhTime';

interface Answering {
  task: Task;
  outcome: string;
}

function OpenTask({ task, onAnswer }: { task: Task; onAnswer: (a: Answering) => void }) {
  const translate = useTranslate();
  const me = useMe();
  const mayComplete = !!me?.ability.can('complete', subjectOf('Task', task as unknown as Record<string, unknown>));
  const holder =
    task.assigneeId === null
      ? translate('resources.cases.task.unassigned')
      : task.assigneeId === me?.id
        ? translate('resources.cases.task.assigned_to_me')
        : translate('resources.cases.task.assigned_to_other');
  return (
    <Box data-testid="current-task" data-step={task.step}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h6">{translate(`domain.step.${task.step}`)}</Typography>
        {task.urgent && <Chip size="small" color="error" label={translate('inbox.urgent')} />}
        <Chip
          size="small"
          variant="outlined"
          label={translate('resources.cases.task.for_role', { role: translate(`domain.role.${task.role}`) })}
        />
        {task.unitId && <Chip size="small" variant="outlined" label={<UnitName id={task.unitId} />} />}
        <Chip size="small" label={holder} color={task.assigneeId === me?.id ? 'primary' : 'default'} />
      </Stack>
      <Stack direction="row" spacing={1} sx={{ my: 1, alignItems: 'center' }}>
        <Typography variant="body2">{translate('resources.cases.sla.task_due')}:</Typography>
        <WorkingTimeLeft due={task.due} />
      </Stack>
      <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 1, flexWrap: 'wrap' }}>
        <ClaimButtons task={task} />
        {mayComplete &&
          task.allowedOutcomes.map((o) => (
            <OutcomeButton key={o} task={task} outcome={o} onOpen={() => onAnswer({ task, outcome: o })} />
          ))}
      </Stack>
      {!mayComplete && task.assigneeId !== me?.id && (
        <Alert severity="info" sx={{ mt: 1 }}>
          {translate('resources.cases.task.not_yours')}
        </Alert>
      )}
    </Box>
  );
}

const FINAL = ['closed', 'rejected', 'duplicate', 'withdrawn'];

export function CurrentTask({ record }: { record: Record<string, any> }) {
  const time = useHaTinhTime();
  const translate = useTranslate();
  const [waiting, setWaiting] = useState(false);
  const [answering, setAnswering] = useState<Answering | null>(null);
  const { data, error, isPending } = useGetList<Task & { id: string }>(
    'tasks',
    { filter: { caseId: record.id }, pagination: { page: 1, perPage: 50 }, sort: { field: 'due', order: 'ASC' } },
    // The workflow creates a step's task a moment after the step starts: look again soon while
    // a live case has none open, and now and then otherwise (a colleague may act meanwhile).
    { refetchInterval: waiting ? 2_000 : 30_000 },
  );
  const noneOpen =
    !isPending && !error && !(data ?? []).some((t) => t.state === 'open') && !FINAL.includes(record.status);
  useEffect(() => setWaiting(noneOpen), [noneOpen]);
  if (isPending) return <LinearProgress />;
  if (error) return <Degraded error={error} severity="error" />;
  const open = (data ?? []).filter((t) => t.state === 'open');
  const done = (data ?? [])
    .filter((t) => t.state !== 'open')
    .sort((a, b) => (b.completedAt ?? b.createdAt).localeCompare(a.completedAt ?? a.createdAt));
  return (
    <Stack spacing={2}>
      {open.length === 0 ? (
        <Typography color="text.secondary">{translate('resources.cases.task.none')}</Typography>
      ) : (
        open.map((task) => <OpenTask key={task.id} task={task} onAnswer={setAnswering} />)
      )}
      {answering && (
        <OutcomeDialog
          record={record}
          task={answering.task}
          outcome={answering.outcome}
          onClose={() => setAnswering(null)}
        />
      )}
      {done.length > 0 && (
        <Box>
          <Typography variant="subtitle2">{translate('resources.cases.task.history')}</Typography>
          <Table size="small">
            <TableBody>
              {done.map((t) => (
                <TableRow key={t.id}>
                  <TableCell>{translate(`domain.step.${t.step}`)}</TableCell>
                  <TableCell>
                    {t.outcome
                      ? translate('resources.cases.task.done', {
                          outcome: translate(`domain.outcome.${t.outcome}`, { _: t.outcome }),
                        })
                      : translate(`domain.task_state.${t.state}`)}
                  </TableCell>
                  <TableCell>{t.completedAt ? time.dateTime(t.completedAt) : ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Stack>
  );
}
