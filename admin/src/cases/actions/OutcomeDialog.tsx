/**
 * One answer to the current task, as a form in a dialog. Pessimistic: nothing changes on screen
 * until the workflow has answered (POST /tasks/:id/complete → { case, nextTasks }); its answer,
 * or its refusal (409/422, in the UI's language), is shown here. One Idempotency-Key per dialog,
 * so a resubmission after a lost answer cannot complete the task twice.
 */
import SendIcon from '@mui/icons-material/Send';
import {
  Alert,
  AlertTitle,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Typography,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Form, RecordContextProvider, SaveButton, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { UnitName } from '../../common/UnitName';
import type { AppDataProvider, CompletionAnswer, Task } from '../../providers/dataProvider';
import { CASE_PAGE_KEYS } from '../useCaseHelpers';
import { OUTCOME_FORMS, outcomeData } from './outcomes';

/** crypto.randomUUID needs a secure context; a LAN address over plain HTTP is not one. */
function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The button of one answer; the dialog lives with the case page's task panel (see CurrentTask). */
export function OutcomeButton({ task, outcome, onOpen }: { task: Task; outcome: string; onOpen: () => void }) {
  const translate = useTranslate();
  const form = OUTCOME_FORMS[`${task.step}.${outcome}`];
  if (!form) return null;
  return (
    <Button
      variant={form.tone === 'error' || form.tone === 'warning' ? 'outlined' : 'contained'}
      color={form.tone ?? 'primary'}
      size="small"
      onClick={onOpen}
      data-testid={`outcome-${outcome}`}
    >
      {translate(`domain.outcome.${outcome}`)}
    </Button>
  );
}

/**
 * Kept mounted by the task panel after the task is done, so the workflow's answer stays on
 * screen while the page refreshes behind it.
 */
export function OutcomeDialog({
  record,
  task,
  outcome,
  onClose,
}: {
  record: Record<string, any>;
  task: Task;
  outcome: string;
  onClose: () => void;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<AppDataProvider>();
  const form = OUTCOME_FORMS[`${task.step}.${outcome}`]!;
  const idempotencyKey = useMemo(newKey, []);
  const [answer, setAnswer] = useState<CompletionAnswer | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const defaults = useMemo(() => form.defaults?.({ record, task }) ?? {}, [form, record, task]);

  const submit = async (values: Record<string, unknown>) => {
    setRefusal(null);
    try {
      const result = await dataProvider.completeTask(task.id, outcome, outcomeData(values), idempotencyKey);
      setAnswer(result);
      notify('resources.cases.notification.completed', {
        type: 'success',
        messageArgs: { status: translate(`domain.status.${result.case.status}`) },
      });
      await Promise.all(CASE_PAGE_KEYS.map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
      return undefined;
    } catch (error) {
      const message = (error as Error).message;
      setRefusal(message);
      notify('resources.cases.notification.refused', { type: 'error', messageArgs: { message } });
      return (error as { body?: { errors?: Record<string, string> } }).body?.errors;
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" data-testid="outcome-dialog">
      <DialogTitle>
        {translate(`domain.outcome.${outcome}`)} — {record.trackingCode}
      </DialogTitle>
      {answer ? (
        <>
          <DialogContent>
            <Alert severity="success" data-testid="workflow-answer">
              <AlertTitle>{translate('resources.cases.action.answer_title')}</AlertTitle>
              <Typography>
                {translate('resources.cases.action.answer_case', {
                  status: translate(`domain.status.${answer.case.status}`),
                  step: translate(`domain.step.${answer.case.step}`),
                })}
              </Typography>
              <Typography>
                {answer.nextTasks.length === 0
                  ? translate('resources.cases.action.answer_none')
                  : translate('resources.cases.action.answer_next', {
                      tasks: answer.nextTasks
                        .map((t) => `${translate(`domain.step.${t.step}`)} (${translate(`domain.role.${t.role}`)})`)
                        .join(', '),
                    })}
              </Typography>
              {answer.nextTasks.some((t) => t.unitId) && (
                <Typography variant="body2">
                  <UnitName id={answer.nextTasks.find((t) => t.unitId)?.unitId} />
                </Typography>
              )}
            </Alert>
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose} data-testid="close-answer">
              {translate('app.close')}
            </Button>
          </DialogActions>
        </>
      ) : (
        <RecordContextProvider value={record}>
          <Form onSubmit={submit} defaultValues={defaults} validate={form.validate} noValidate>
            <DialogContent>
              {refusal && (
                <Alert severity="error" sx={{ mb: 2 }} data-testid="workflow-refusal">
                  {translate('resources.cases.notification.refused', { message: refusal })}
                </Alert>
              )}
              <form.Inputs record={record} task={task} />
            </DialogContent>
            <DialogActions>
              <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
              <SaveButton label="resources.cases.action.submit" icon={<SendIcon />} alwaysEnable />
            </DialogActions>
          </Form>
        </RecordContextProvider>
      )}
    </Dialog>
  );
}
