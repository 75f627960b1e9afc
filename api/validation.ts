/**
 * Parses input with a zod schema and turns its problems into one VALIDATION_FAILED AppError
 * whose fields carry message codes (api/i18n/error-messages.ts translates them).
 */
import type { z, ZodIssue } from 'zod';
import { AppError } from '../platform/app-error';

export function parseInput<S extends z.ZodTypeAny>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields: NonNullable<AppError['fields']> = {};
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      // Name each unknown field, so the client sees which one it sent by mistake.
      for (const key of issue.keys) fields[[...issue.path, key].join('.')] ??= { code: 'unknown_field' };
      continue;
    }
    const path = issue.path.join('.') || '_';
    fields[path] ??= fieldProblem(issue);
  }
  throw new AppError('VALIDATION_FAILED', {}, fields);
}

function fieldProblem(issue: ZodIssue): { code: string; params?: Record<string, string | number> } {
  switch (issue.code) {
    case 'invalid_type':
      return { code: issue.received === 'undefined' ? 'required' : 'invalid_type' };
    case 'too_small':
      return issue.type === 'string'
        ? { code: 'too_short', params: { minimum: Number(issue.minimum) } }
        : { code: 'too_small', params: { minimum: Number(issue.minimum) } };
    case 'too_big':
      return issue.type === 'string'
        ? { code: 'too_long', params: { maximum: Number(issue.maximum) } }
        : { code: 'too_big', params: { maximum: Number(issue.maximum) } };
    case 'invalid_enum_value':
      return { code: 'invalid_choice', params: { options: issue.options.join(', ') } };
    case 'unrecognized_keys':
      return { code: 'unknown_field' };
    case 'custom':
      return { code: issue.message };
    default:
      return { code: 'invalid_format' };
  }
}
