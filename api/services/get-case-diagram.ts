/**
 * A case on the regulation's diagram (bpmn/field-report.bpmn), for the back office's Diagram tab:
 * the BPMN XML and, by element id, where the case has been (completed), where it waits (active)
 * and what is still ahead (pending), with times, deadlines and overdue marks; and the decision
 * flows it took. Computed from the case's tasks and timeline, which the workflow projects; the
 * element ids are the workflow's step ids, so they line up by construction
 * (tests/bpmn-consistency.test.ts checks the ids used here exist in the diagram).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { subject } from '@casl/ability';
import type { AppAbility } from '../../domain/abilities';
import { HUMAN_STEPS, type HumanStep } from '../../domain/case-steps';
import { AppError } from '../../platform/app-error';
import type { Db } from '../../platform/db';
import type { CaseTimelineEntry, Task } from '../../prisma/generated/client';

export const FIELD_REPORT_BPMN = path.join(__dirname, '..', '..', 'bpmn', 'field-report.bpmn');

export type ElementState = 'completed' | 'active' | 'pending';

export interface DiagramElement {
  state: ElementState;
  /** When the case last entered the element. */
  enteredAt?: string;
  /** When it last left it (absent while active). */
  leftAt?: string;
  /** The deadline of the element's task, on its last visit. */
  due?: string | null;
  /** Its deadline passed on the last visit (an 'overdue' timeline entry, or due in the past while open). */
  overdue?: boolean;
  /** The escalation rung reached on the last visit: 1 the unit leader, 2 the IOC supervisor. */
  escalationLevel?: number;
  /** The outcome chosen on the last visit ('cancelled' when a withdrawal closed the task). */
  outcome?: string | null;
  /** How many times the case entered the element (a return, a send-back, a reopening). */
  visits?: number;
}

export interface CaseDiagram {
  caseId: string;
  bpmnXml: string;
  elements: Record<string, DiagramElement>;
  /** Ids of the decision flows the case took, in order, each once. */
  flows: string[];
}

/** Elements this service reports on (every other element, e.g. a gateway, is left unmarked). */
export const DIAGRAM_ELEMENTS = [
  'submitted',
  'receive',
  'info',
  'info_deadline',
  'route_auto',
  'respond',
  'rate',
  'rate_window',
  'close',
  'rejected',
  'duplicate',
  'withdrawal',
  'withdrawn',
  ...HUMAN_STEPS.flatMap((step) => [step, `${step}_deadline`, `${step}_overdue`]),
] as const;

/** Decision flows that are not an official's outcome (those are `<step>_<outcome>`). */
export const DIAGRAM_FLOWS = [
  'info_answered',
  'info_expired',
  'route_auto_unit',
  'route_auto_operator',
  'rate_satisfied',
  'rate_unsatisfied',
  'rate_expired',
] as const;

let bpmnXml: string | undefined;
export function diagramXml(): string {
  bpmnXml ??= readFileSync(FIELD_REPORT_BPMN, 'utf8');
  return bpmnXml;
}

export async function getCaseDiagram(
  db: Db,
  reader: { ability: AppAbility },
  id: string,
  now = new Date(),
): Promise<CaseDiagram> {
  const row = /^[0-9a-f-]{36}$/i.test(id)
    ? await db.case.findUnique({
        where: { id },
        include: { tasks: { orderBy: { seq: 'asc' } }, timeline: { orderBy: { seq: 'asc' } } },
      })
    : null;
  if (!row || !reader.ability.can('read', subject('Case', row))) throw new AppError('NOT_FOUND', { what: id });
  const { tasks, timeline } = row;
  const elements: Record<string, DiagramElement> = Object.fromEntries(
    DIAGRAM_ELEMENTS.map((element) => [element, { state: 'pending' as ElementState }]),
  );
  const iso = (d: Date | null | undefined) => d?.toISOString();
  const entries = (...kinds: string[]) => timeline.filter((e) => kinds.includes(e.kind));
  const last = <T>(list: T[]) => list[list.length - 1];

  const received = timeline.find((e) => e.kind === 'received');
  elements.submitted = { state: 'completed', enteredAt: iso(row.receivedAt), leftAt: iso(row.receivedAt) };
  elements.receive = {
    state: 'completed',
    enteredAt: iso(row.receivedAt),
    leftAt: iso(received?.at ?? row.receivedAt),
  };

  for (const step of HUMAN_STEPS) Object.assign(elements, humanStep(step, tasks, timeline, now));

  // The reporter's answer to a request for information, or its expiry.
  const asked = entries('info_requested');
  if (asked.length) {
    const answered = last(entries('info_supplied', 'info_request_expired'));
    const waiting = row.status === 'info_requested';
    elements.info = {
      state: waiting ? 'active' : 'completed',
      enteredAt: iso(last(asked)!.at),
      ...(!waiting && answered && { leftAt: iso(answered.at) }),
      due: null,
      visits: asked.length,
    };
    const expired = last(entries('info_request_expired'));
    if (expired) elements.info_deadline = { state: 'completed', enteredAt: iso(expired.at), leftAt: iso(expired.at) };
  }

  // Automatic routing runs after each verification and each return.
  const routings = entries('verified', 'returned');
  if (routings.length)
    elements.route_auto = {
      state: 'completed',
      enteredAt: iso(last(routings)!.at),
      leftAt: iso(last(routings)!.at),
      visits: routings.length,
    };

  const published = entries('reply_published');
  if (published.length) {
    const at = iso(last(published)!.at);
    elements.respond = { state: 'completed', enteredAt: at, leftAt: at, visits: published.length };
    const rated = last(entries('rated', 'closed_unrated'));
    const waiting = row.status === 'responded';
    elements.rate = {
      state: waiting ? 'active' : 'completed',
      enteredAt: at,
      ...(!waiting && rated && { leftAt: iso(rated.at) }),
      visits: published.length,
    };
    const expired = last(entries('closed_unrated'));
    if (expired) elements.rate_window = { state: 'completed', enteredAt: iso(expired.at), leftAt: iso(expired.at) };
  }

  const closedAt = iso(row.closedAt);
  const ending = { state: 'completed' as const, enteredAt: closedAt, leftAt: closedAt };
  if (row.status === 'closed') elements.close = ending;
  if (row.status === 'rejected' || row.status === 'duplicate') elements[row.status] = ending;
  if (row.status === 'withdrawn') elements.withdrawal = elements.withdrawn = ending;

  return { caseId: row.id, bpmnXml: diagramXml(), elements, flows: flowsTaken(tasks, timeline) };
}

/** A human step's element, its deadline timer and its escalation, from its tasks and overdue entries. */
function humanStep(
  step: HumanStep,
  allTasks: Task[],
  timeline: CaseTimelineEntry[],
  now: Date,
): Record<string, DiagramElement> {
  const tasks = allTasks.filter((t) => t.step === step);
  const latest = tasks[tasks.length - 1];
  if (!latest) return {};
  const open = latest.state === 'open';
  const leftAt = open ? undefined : (latest.completedAt ?? latest.updatedAt);
  // Written by the deadline watch as `<step>: level <n>` (workflows/field-report-case.ts, onDeadline).
  const levelOf = (e: CaseTimelineEntry) =>
    (e.kind === 'overdue' || e.kind === 'escalated') && e.note?.startsWith(`${step}:`)
      ? Number(/level (\d+)/.exec(e.note)?.[1] ?? 1)
      : 0;
  const fired = timeline.filter((e) => levelOf(e) > 0);
  const thisVisit = fired.filter((e) => e.at >= latest.createdAt && (!leftAt || e.at <= leftAt));
  const escalationLevel = Math.max(0, ...thisVisit.map(levelOf));
  const pastDue = open && latest.due !== null && latest.due < now;
  const result: Record<string, DiagramElement> = {
    [step]: {
      state: open ? 'active' : 'completed',
      enteredAt: latest.createdAt.toISOString(),
      ...(leftAt && { leftAt: leftAt.toISOString() }),
      due: latest.due?.toISOString() ?? null,
      overdue: escalationLevel > 0 || pastDue,
      escalationLevel,
      outcome: latest.state === 'cancelled' ? 'cancelled' : latest.outcome,
      visits: tasks.length,
    },
  };
  if (fired.length) {
    const first = fired[0]!.at.toISOString();
    result[`${step}_deadline`] = { state: 'completed', enteredAt: first, leftAt: first };
    result[`${step}_overdue`] = {
      state: 'completed',
      enteredAt: first,
      leftAt: first,
      escalationLevel: Math.max(...fired.map(levelOf)),
    };
  } else if (open) {
    result[`${step}_deadline`] = { state: 'active', due: latest.due?.toISOString() ?? null };
  }
  return result;
}

/** The decision flows taken, in the order the case took them (each listed once). */
function flowsTaken(tasks: Task[], timeline: CaseTimelineEntry[]): string[] {
  const taken: { at: Date; id: string }[] = [];
  for (const task of tasks)
    if (task.state === 'done' && task.outcome)
      taken.push({ at: task.completedAt ?? task.updatedAt, id: `${task.step}_${task.outcome}` });
  let routing = false; // automatic routing ran, its result not yet seen
  timeline.forEach((entry, i) => {
    const add = (id: (typeof DIAGRAM_FLOWS)[number]) => taken.push({ at: entry.at, id });
    switch (entry.kind) {
      case 'info_supplied':
        return add('info_answered');
      case 'info_request_expired':
        return add('info_expired');
      case 'verified':
      case 'returned':
        routing = true;
        return;
      case 'routing_needs_operator':
        if (routing) add('route_auto_operator');
        routing = false;
        return;
      case 'routed':
        if (routing) add('route_auto_unit');
        routing = false;
        return;
      case 'rated':
        // A poor rating opens a review next; otherwise the case closes.
        return add(timeline[i + 1]?.kind === 'review_started' ? 'rate_unsatisfied' : 'rate_satisfied');
      case 'closed_unrated':
        return add('rate_expired');
    }
  });
  const order = taken.sort((a, b) => a.at.getTime() - b.at.getTime()).map((t) => t.id);
  return [...new Set(order)];
}
