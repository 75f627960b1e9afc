/** Choices whose labels are i18n keys, e.g. statuses → domain.status.<id>. */
export const CASE_STATUSES = [
  'received',
  'verifying',
  'info_requested',
  'routing',
  'awaiting_acceptance',
  'processing',
  'awaiting_approval',
  'responded',
  'closed',
  'rejected',
  'duplicate',
  'withdrawn',
] as const;
export const CASE_STEPS = [
  'receive',
  'verify',
  'route',
  'accept',
  'assign',
  'process',
  'extension',
  'approve',
  'respond',
  'rate',
  'review',
  'close',
] as const;
export const HUMAN_STEPS = [
  'verify',
  'route',
  'accept',
  'assign',
  'process',
  'extension',
  'approve',
  'review',
] as const;
export const CASE_LEVELS = ['normal', 'urgent', 'complex'] as const;
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
export const CHANNELS = ['email', 'sms', 'zalo', 'in_app'] as const;

export const choices = (ids: readonly string[], prefix: string) => ids.map((id) => ({ id, name: `${prefix}.${id}` }));
