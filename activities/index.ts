/**
 * The case workflow's side effects, as a factory over their dependencies: the worker passes
 * real clients, tests may pass others of the same shape.
 */
import type { Db } from '../platform/db';
import type { FieldReportInput } from '../workflows/messages';
import { recordReport } from './record-report';
import { recordTransition, type Transition } from './record-transition';

export interface ActivityDependencies {
  db: Db;
  trackingCodePrefix: string;
}

export function createActivities({ db, trackingCodePrefix }: ActivityDependencies) {
  return {
    recordReport: (input: FieldReportInput) => recordReport(db, trackingCodePrefix, input),
    recordTransition: (transition: Transition) => recordTransition(db, transition),
  };
}

export type Activities = ReturnType<typeof createActivities>;
export type { Transition };
