/**
 * Claim ("nhận việc") and give back ("trả lại"): small domain actions on a task that show only
 * when the task's state allows them and the official's rules do (the API has the last word).
 */
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import UndoIcon from '@mui/icons-material/Undo';
import { Button } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import { useMe } from '../common/useMe';
import { subjectOf } from '../providers/ability';
import type { AppDataProvider, Task } from '../providers/dataProvider';
import { TASK_COUNTS_KEY } from './useTaskCounts';

export function useTaskAction() {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const run = async (action: 'claim' | 'unclaim', task: Task, onDone?: () => void) => {
    setPending(true);
    try {
      await (action === 'claim' ? dataProvider.claimTask(task.id) : dataProvider.unclaimTask(task.id));
      notify(action === 'claim' ? 'inbox.claimed' : 'inbox.unclaimed', { type: 'success' });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['tasks'] }),
        queryClient.invalidateQueries({ queryKey: TASK_COUNTS_KEY }),
      ]);
      onDone?.();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setPending(false);
    }
  };
  return { run, pending };
}

export function ClaimButtons({ task, onDone }: { task: Task; onDone?: () => void }) {
  const translate = useTranslate();
  const me = useMe();
  const { run, pending } = useTaskAction();
  if (!me || task.state !== 'open') return null;
  const subject = subjectOf('Task', task as unknown as Record<string, unknown>);
  const mayClaim = !task.assigneeId && me.ability.can('claim', subject);
  const mayUnclaim = !!task.assigneeId && me.ability.can('unclaim', subject);
  return (
    <>
      {mayClaim && (
        <Button
          size="small"
          variant="contained"
          startIcon={<AssignmentIndIcon />}
          disabled={pending}
          onClick={() => run('claim', task, onDone)}
          data-testid="claim-task"
        >
          {translate('inbox.claim')}
        </Button>
      )}
      {mayUnclaim && (
        <Button
          size="small"
          startIcon={<UndoIcon />}
          disabled={pending}
          onClick={() => run('unclaim', task, onDone)}
          data-testid="unclaim-task"
        >
          {translate('inbox.unclaim')}
        </Button>
      )}
    </>
  );
}
