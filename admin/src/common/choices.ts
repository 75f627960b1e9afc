/** Choices whose labels are i18n keys, e.g. statuses → domain.status.<id>. */
// The case's vocabulary comes from the domain, so the back office cannot drift from the workflow.
export { CASE_LEVELS, CASE_STATUSES, CASE_STEPS, HUMAN_STEPS } from '../../../domain/case-steps';
export const ROLES = ['officer', 'leader', 'unit_admin', 'operator', 'supervisor', 'admin'] as const;
export const UNIT_KINDS = ['ioc', 'department', 'commune', 'other'] as const;
export const DURATION_UNITS = ['hours', 'days'] as const;
export const ESCALATION_TARGETS = ['unit_leader', 'ioc_supervisor'] as const;
export const TEMPLATE_PURPOSES = [
  'reject',
  'duplicate',
  'request_info',
  'return',
  'send_back',
  'reply',
  'deny',
  'other',
] as const;
export const NOTIFICATION_STATES = ['pending', 'sending', 'sent', 'failed', 'cancelled'] as const;
export const CHANNELS = ['email', 'sms', 'zalo', 'web_push', 'in_app'] as const;
/** The channels reports come in by (Case.channel), besides open311:<partner>. */
export { REPORT_CHANNELS } from '../../../domain/report-channels';

export const choices = (ids: readonly string[], prefix: string) => ids.map((id) => ({ id, name: `${prefix}.${id}` }));
