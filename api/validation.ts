/**
 * Parses input with a zod schema and turns its problems into one VALIDATION_FAILED AppError
 * whose fields carry message codes (api/i18n/error-messages.ts translates them).
 */
import type { z } from 'zod';
import { fieldProblems } from '../domain/field-problems';
import { AppError } from '../platform/app-error';

export function parseInput<S extends z.ZodTypeAny>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new AppError('VALIDATION_FAILED', {}, fieldProblems(parsed.error.issues));
}
