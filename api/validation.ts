/**
 * Parses input with a zod schema and turns its problems into one VALIDATION_FAILED AppError
 * whose fields carry message codes (api/i18n/error-messages.ts translates them). Text is checked
 * and put in NFC first (domain/input-text.ts), here as at the HTTP edge (api/middleware/input-text.ts):
 * JSON carried inside a form field or a query parameter is only read here.
 */
import type { z } from 'zod';
import { fieldProblems } from '../domain/field-problems';
import { cleanInput, type TextRules } from '../domain/input-text';
import { containsPoint, type ProvinceBounds } from '../domain/province-bounds';
import { AppError } from '../platform/app-error';

export function parseInput<S extends z.ZodTypeAny>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(acceptedText(input, { multiLine: true }));
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

/** The input with its text in NFC, or 422 naming each field whose text is refused. */
export function acceptedText<T>(input: T, rules: TextRules, path?: string): T {
  const { value, problems } = cleanInput(input, rules, path);
  if (Object.keys(problems).length > 0) throw new AppError('VALIDATION_FAILED', {}, problems);
  return value as T;
}

/** 422 on `field` (the latitude's) for a point outside the province's box (PROVINCE_BOUNDS). */
export function checkInProvince(
  bounds: ProvinceBounds,
  point: { lat?: number | null; lng?: number | null },
  field: string,
): void {
  if (point.lat == null || point.lng == null || containsPoint(bounds, point.lat, point.lng)) return;
  throw new AppError('VALIDATION_FAILED', {}, { [field]: { code: 'outside_province', params: { ...bounds } } });
}
