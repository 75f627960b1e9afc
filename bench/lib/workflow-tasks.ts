/**
 * What a submission costs Temporal, read from the histories of submitted cases once the stack is
 * quiet (each case waiting on its verify task): its workflow tasks, how many of them completed
 * before the receipt Update was accepted (1 when the Update came with the start), and its events.
 */
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

const { EventType } = temporal.api.enums.v1;

export interface WorkflowTaskFigures {
  /** Histories read (a sample of the cases submitted). */
  cases: number;
  /** Workflow tasks completed per case, mean and range. */
  workflowTasks: { mean: number; min: number; max: number };
  /** Workflow tasks completed before the first Update was accepted, mean and range. */
  beforeReceipt: { mean: number; min: number; max: number };
  historyEvents: { mean: number; min: number; max: number };
}

function spread(values: number[]) {
  const mean = values.reduce((sum, v) => sum + v, 0) / (values.length || 1);
  return { mean: Math.round(mean * 100) / 100, min: Math.min(...values), max: Math.max(...values) };
}

/** Reads the histories of up to `sample` of the cases (the last ones submitted). */
export async function workflowTasksOf(client: Client, caseIds: string[], sample = 20): Promise<WorkflowTaskFigures> {
  const tasks: number[] = [];
  const beforeReceipt: number[] = [];
  const events: number[] = [];
  for (const id of caseIds.slice(-sample)) {
    const history = (await client.workflow.getHandle(id).fetchHistory()).events ?? [];
    const completed = (e: (typeof history)[number]) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED;
    const accepted = history.findIndex((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED);
    tasks.push(history.filter(completed).length);
    beforeReceipt.push(history.slice(0, accepted < 0 ? history.length : accepted).filter(completed).length);
    events.push(history.length);
  }
  return {
    cases: tasks.length,
    workflowTasks: spread(tasks),
    beforeReceipt: spread(beforeReceipt),
    historyEvents: spread(events),
  };
}
