/**
 * What a citizen sends when reporting (docs/api-contract.md, POST /api/v1/reports). Validation
 * problems carry message codes, not prose, so every channel can show them in its language.
 */
import { z } from 'zod';
import { CASE_LEVELS } from './case-steps';
import { documented } from './documented-schema';

export const DESCRIPTION_MAX_LENGTH = 4_000;

/** Removes HTML tags and collapses what they leave behind: descriptions are plain text. */
export function stripHtml(text: string): string {
  return text
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** A name, an address or a code is one line: line breaks and tabs belong in the description only. */
const line = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((text) => !/[\t\n\r]/.test(text), 'line_break');

export const reportCommandSchema = z.object({
  categoryCode: line(1, 64),
  description: z.string().transform(stripHtml).pipe(z.string().min(10).max(DESCRIPTION_MAX_LENGTH)),
  location: documented(
    z
      .object({
        lat: z.number().min(-90).max(90).optional(),
        lng: z.number().min(-180).max(180).optional(),
        address: line(1, 500).optional(),
        communeCode: z
          .string()
          .regex(/^\d{5}$/)
          .optional(),
      })
      .refine((l) => (l.lat === undefined) === (l.lng === undefined), { message: 'lat_lng_together', path: ['lat'] })
      .refine((l) => l.lat !== undefined || l.address !== undefined, {
        message: 'point_or_address',
        path: ['address'],
      }),
    // A point (lat and lng together), or an address without half a point.
    {
      anyOf: [{ required: ['lat', 'lng'] }, { required: ['address'], properties: { lat: false, lng: false } }],
    },
  ),
  level: z.enum(CASE_LEVELS).default('normal'),
  confidential: z.boolean().default(true),
  reporter: z
    .object({
      name: line(1, 200).optional(),
      phone: z
        .string()
        .trim()
        .regex(/^\+?[0-9 .-]{8,20}$/)
        .optional(),
      email: z.string().trim().email().max(254).optional(),
      /** The language of the reporter's notifications (Vietnamese by default). */
      language: z.enum(['vi', 'en']).optional(),
    })
    .optional(),
});

export type ReportCommand = z.infer<typeof reportCommandSchema>;
