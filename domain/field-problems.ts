/**
 * Validation problems as message codes per field (`too_short`, `required`, …), never prose: the
 * API translates them (api/i18n/error-messages.ts), the workflow's validators return them as is.
 */
import type { z } from 'zod';

export type FieldProblems = Record<string, { code: string; params?: Record<string, string | number> }>;

/** zod's issues as message codes per field (api/i18n translates the codes). */
export function fieldProblems(issues: readonly z.ZodIssue[]): FieldProblems {
  const fields: FieldProblems = {};
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path, key].join('.')] ??= { code: 'unknown_field' };
      continue;
    }
    fields[issue.path.join('.') || '_'] ??= issueProblem(issue);
  }
  return fields;
}

function issueProblem(issue: z.ZodIssue): { code: string; params?: Record<string, string | number> } {
  switch (issue.code) {
    case 'invalid_type':
      return { code: issue.received === 'undefined' ? 'required' : 'invalid_type' };
    case 'too_small':
      if (issue.type === 'string') return { code: 'too_short', params: { minimum: Number(issue.minimum) } };
      if (issue.type === 'array') return { code: 'too_few', params: { minimum: Number(issue.minimum) } };
      return { code: 'too_small', params: { minimum: Number(issue.minimum) } };
    case 'too_big':
      if (issue.type === 'string') return { code: 'too_long', params: { maximum: Number(issue.maximum) } };
      if (issue.type === 'array') return { code: 'too_many', params: { maximum: Number(issue.maximum) } };
      return { code: 'too_big', params: { maximum: Number(issue.maximum) } };
    case 'invalid_enum_value':
      return { code: 'invalid_choice', params: { options: issue.options.join(', ') } };
    case 'custom':
      return { code: issue.message };
    default:
      return { code: 'invalid_format' };
  }
}
