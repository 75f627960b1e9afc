/**
 * The regulation's diagram with, on each step, how many open cases wait there and how many of
 * those are overdue: the back office's Process page. Only the cases the official may read are
 * counted (a commune's officers see their commune's, the IOC all), filtered in the database.
 * Element ids are step ids (bpmn/field-report.bpmn), so Case.step keys the counts directly.
 */
import { accessibleWhere, type AppAbility } from '../../domain/abilities';
import { CASE_STATUSES, FINAL_STATUSES, type CaseStep } from '../../domain/case-steps';
import type { Db } from '../../platform/db';
import { diagramXml } from './get-case-diagram';

export interface StepCount {
  open: number;
  overdue: number;
}

export interface ProcessSummary {
  bpmnXml: string;
  /** By step id; steps without an open case are left out. */
  steps: Partial<Record<CaseStep, StepCount>>;
}

export async function getProcessSummary(db: Db, reader: { ability: AppAbility }): Promise<ProcessSummary> {
  const readable = accessibleWhere(reader.ability, 'read', 'Case');
  // No case rule (e.g. a unit admin): nothing to count, and never an `{ OR: [] }` inside AND.
  if (!readable) return { bpmnXml: diagramXml(), steps: {} };
  // The open statuses named (not "not final"): an index on status then reads only open cases,
  // a few thousand of a province's million.
  const open = { status: { in: CASE_STATUSES.filter((s) => !FINAL_STATUSES.includes(s)) } };
  const groups = await db.case.groupBy({
    by: ['step', 'overdue'],
    where: { AND: [readable, open] },
    _count: { _all: true },
  });
  const steps: ProcessSummary['steps'] = {};
  for (const group of groups) {
    const count = (steps[group.step] ??= { open: 0, overdue: 0 });
    count.open += group._count._all;
    if (group.overdue) count.overdue += group._count._all;
  }
  return { bpmnXml: diagramXml(), steps };
}
