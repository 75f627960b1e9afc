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

/** The JSON held in a multipart text field (e.g. `report`), or 422 naming that field. */
export function parseJsonField(body: unknown, field: string): unknown {
  const text = body && typeof body === 'object' ? (body as Record<string, unknown>)[field] : undefined;
  if (typeof text !== 'string') throw new AppError('VALIDATION_FAILED', {}, { [field]: { code: 'required' } });
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('VALIDATION_FAILED', {}, { [field]: { code: 'invalid_json' } });
  }
}
