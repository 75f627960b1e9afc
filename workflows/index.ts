// The workflows the worker runs; bundled for Temporal's sandbox.
export { fieldReportWorkflow } from './field-report';
export { monthlyReportsWorkflow } from './monthly-reports';
export { statisticsReconcileWorkflow } from './statistics-reconcile';
