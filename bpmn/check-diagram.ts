/**
 * Whether bpmn/field-report.bpmn still tells the truth about the case workflow. The diagram is
 * read by people (the back office's Diagram tab, auditors), the workflow is what runs: this lists
 * every place where they disagree, so tests/bpmn-consistency.test.ts fails on the first drift.
 *
 * It reads the model bpmn-moddle parses (`moddle.fromXML(xml).rootElement`), typed here only as far
 * as it is used, so that the API never loads bpmn-moddle (a dev dependency, ES modules only).
 */
import type { CaseSettings } from '../activities';
import { CASE_STEPS, FINAL_STATUSES, HUMAN_STEPS, type CaseStep, type HumanStep } from '../domain/case-steps';
import { allowedOutcomes } from '../domain/task-outcomes';
import { SEED_SLA_POLICIES } from '../prisma/seed/sla-policies';
import { rateUpdate, supplyInfoUpdate, withdrawUpdate } from '../workflows/messages';

/** A bpmn-moddle element, as far as the checks read it. */
export interface BpmnElement {
  $type: string;
  id: string;
  name?: string;
  // flow elements
  attachedToRef?: BpmnElement;
  cancelActivity?: boolean;
  eventDefinitions?: BpmnElement[];
  sourceRef?: BpmnElement;
  targetRef?: BpmnElement;
  conditionExpression?: { body?: string };
  timeDuration?: { body?: string };
  messageRef?: BpmnElement;
  flowElements?: BpmnElement[];
  // lanes
  laneSets?: { lanes?: BpmnElement[] }[];
  flowNodeRef?: BpmnElement[];
}

export interface BpmnDefinitions {
  rootElements: BpmnElement[];
}

/** What the workflow does, as the diagram must show it. Defaults: the modules that define it. */
export interface Regulation {
  steps: readonly CaseStep[];
  humanSteps: readonly HumanStep[];
  outcomes: (step: HumanStep) => string[];
  /** Steps that have an SLA policy: their deadline is watched (workflows/deadline-watch.ts). */
  slaSteps: ReadonlySet<string>;
  /** The workflow's own timed waits (a `condition` with a timeout) and the setting that times them. */
  timedWaits: Readonly<Record<string, `settings.${keyof CaseSettings}`>>;
  /** The reporter's Updates, which the diagram shows as messages the workflow waits for. */
  reporterMessages: readonly string[];
  /** End events of the final statuses (the `closed` status ends at the step `close`). */
  endEvents: readonly string[];
  /** Lanes, by the roles they hold. */
  lanes: readonly string[];
}

export const REGULATION: Regulation = {
  steps: CASE_STEPS,
  humanSteps: HUMAN_STEPS,
  outcomes: allowedOutcomes,
  slaSteps: new Set(SEED_SLA_POLICIES.map((policy) => policy.step)),
  // workflows/field-report-case.ts: info() waits for the answer until the request's due date; rate()
  // waits for the rating until the window closes.
  timedWaits: { info: 'settings.infoRequestWorkingDays', rate: 'settings.ratingWindowDays' },
  reporterMessages: [supplyInfoUpdate.name, rateUpdate.name, withdrawUpdate.name],
  endEvents: FINAL_STATUSES.map((status) => (status === 'closed' ? 'close' : status)),
  lanes: ['citizen', 'ioc', 'unit', 'supervisor'],
};

/** The kind of element each step is drawn as. */
function expectedKinds(step: CaseStep, regulation: Regulation): string[] {
  if ((regulation.humanSteps as readonly string[]).includes(step)) return ['bpmn:UserTask'];
  if (step === 'close') return ['bpmn:EndEvent'];
  if (step in regulation.timedWaits) return ['bpmn:ReceiveTask', 'bpmn:IntermediateCatchEvent'];
  return ['bpmn:ServiceTask'];
}

/** Every flow element of the process, those inside sub-processes included. */
function flowElementsOf(container: BpmnElement): BpmnElement[] {
  return (container.flowElements ?? []).flatMap((e) => [e, ...flowElementsOf(e)]);
}

/** The problems found, one sentence each, starting with the element concerned; empty when all agree. */
export function checkDiagram(definitions: BpmnDefinitions, regulation: Regulation = REGULATION): string[] {
  const problems: string[] = [];
  const processes = definitions.rootElements.filter((e) => e.$type === 'bpmn:Process');
  if (processes.length !== 1) return [`the diagram has ${processes.length} processes, not one`];
  const process = processes[0]!;
  const elements = flowElementsOf(process);
  const byId = new Map(elements.map((e) => [e.id, e]));
  const flows = elements.filter((e) => e.$type === 'bpmn:SequenceFlow');
  const outgoing = (node: BpmnElement) => flows.filter((f) => f.sourceRef === node);
  const human = new Set<string>(regulation.humanSteps);

  // Lanes: one per party of the regulation.
  const lanes = (process.laneSets ?? []).flatMap((set) => set.lanes ?? []).map((lane) => lane.id);
  for (const lane of regulation.lanes)
    if (!lanes.includes(lane)) problems.push(`${lane}: the process has no lane for this party`);
  for (const lane of lanes)
    if (!regulation.lanes.includes(lane)) problems.push(`${lane}: a lane the regulation does not name`);

  // Steps: each has its element, of its kind; a user task is a step the workflow waits on.
  for (const step of regulation.steps) {
    const element = byId.get(step);
    const kinds = expectedKinds(step, regulation);
    if (!element) problems.push(`${step}: the step has no element`);
    else if (!kinds.includes(element.$type))
      problems.push(`${step}: drawn as ${element.$type}, the workflow makes it a ${kinds.join(' or ')}`);
  }
  for (const task of elements.filter((e) => e.$type === 'bpmn:UserTask'))
    if (!human.has(task.id)) problems.push(`${task.id}: a user task that is not a step the workflow waits on`);

  // Decisions: the flows leaving a human step (or the gateway right after it) are its outcomes.
  for (const step of regulation.humanSteps) {
    const task = byId.get(step);
    if (!task) continue;
    let decision = outgoing(task);
    const gateway = decision.length === 1 ? decision[0]!.targetRef : undefined;
    // A decision: an exclusive gateway that forks (a joining one, as after route, is the next step's).
    const viaGateway = gateway?.$type === 'bpmn:ExclusiveGateway' && outgoing(gateway).length > 1;
    if (viaGateway) decision = outgoing(gateway!);
    const outcomes = regulation.outcomes(step);
    const ids = decision.map((f) => f.id);
    for (const outcome of outcomes)
      if (!ids.includes(`${step}_${outcome}`))
        problems.push(`${step}: the outcome ${outcome} has no outgoing flow ${step}_${outcome}`);
    for (const flow of decision) {
      const outcome = flow.id.startsWith(`${step}_`) ? flow.id.slice(step.length + 1) : undefined;
      if (!outcome || !outcomes.includes(outcome)) {
        problems.push(`${flow.id}: leaves ${step} but is not one of its outcomes (${outcomes.join(', ')})`);
      } else if (viaGateway && !(flow.conditionExpression?.body ?? '').includes(`'${outcome}'`)) {
        problems.push(`${flow.id}: its condition does not test the outcome '${outcome}'`);
      }
    }
  }

  // Timers: a human step's deadline (its SLA policy, never blocking), or one of the workflow's timed waits.
  const timers = elements.filter((e) =>
    (e.eventDefinitions ?? []).some((d) => d.$type === 'bpmn:TimerEventDefinition'),
  );
  for (const timer of timers) {
    const on = timer.attachedToRef?.id;
    const expression = timer.eventDefinitions!.find((d) => d.$type === 'bpmn:TimerEventDefinition')!.timeDuration?.body;
    if (timer.$type !== 'bpmn:BoundaryEvent' || !on) {
      problems.push(`${timer.id}: a timer the workflow does not have (only deadlines and timed waits)`);
    } else if (human.has(on)) {
      if (!regulation.slaSteps.has(on)) problems.push(`${timer.id}: a deadline on ${on}, which has no SLA policy`);
      if (timer.id !== `${on}_deadline`) problems.push(`${timer.id}: the deadline of ${on} must be ${on}_deadline`);
      if (timer.cancelActivity !== false)
        problems.push(`${timer.id}: interrupts ${on}, but an overdue step never stops (non-interrupting)`);
      if (expression !== `sla(${on})`) problems.push(`${timer.id}: its duration must be sla(${on})`);
    } else if (on in regulation.timedWaits) {
      if (timer.cancelActivity === false) problems.push(`${timer.id}: must end the wait at ${on} (interrupting)`);
      if (expression !== regulation.timedWaits[on])
        problems.push(`${timer.id}: its duration must be ${regulation.timedWaits[on]}`);
    } else {
      problems.push(`${timer.id}: a timer on ${on}, which is neither a human step with an SLA policy nor a timed wait`);
    }
  }
  for (const step of regulation.humanSteps.filter((s) => regulation.slaSteps.has(s)))
    if (byId.has(step) && !timers.some((t) => t.attachedToRef?.id === step))
      problems.push(`${step}: its SLA deadline has no timer`);
  for (const wait of Object.keys(regulation.timedWaits))
    if (byId.has(wait) && !timers.some((t) => t.attachedToRef?.id === wait))
      problems.push(`${wait}: the workflow's timed wait has no timer`);

  // Messages: what the diagram waits for from the reporter are the workflow's Updates.
  const messageNames = elements
    .flatMap((e) => [e.messageRef, ...(e.eventDefinitions ?? []).map((d) => d.messageRef)])
    .filter((m): m is BpmnElement => m !== undefined)
    .map((m) => m.name ?? m.id);
  for (const name of messageNames)
    if (!regulation.reporterMessages.includes(name)) problems.push(`${name}: a message that is not a workflow Update`);
  for (const name of regulation.reporterMessages)
    if (!messageNames.includes(name)) problems.push(`${name}: the reporter's Update is not in the diagram`);

  // Ends: one per final status.
  for (const end of regulation.endEvents)
    if (byId.get(end)?.$type !== 'bpmn:EndEvent') problems.push(`${end}: the final status has no end event`);

  return problems;
}
