/**
 * The JSON Schema of a request's parameters or body, converted from the very zod schema the route
 * parses with, so the document cannot be looser or stricter than the server:
 * - what a client sends is the input side of transforms and pipes (`effectStrategy: 'input'`);
 * - objects that ignore unknown keys allow them, `.strict()` ones refuse them;
 * - a `.trim()`med string's lengths and pattern apply to the text without its outer white space;
 * - refinements and transforms say what domain/documented-schema.ts attached to them;
 * - zod's own e-mail pattern, not JSON Schema's looser `format: email`.
 */
import { zodToJsonSchema } from 'zod-to-json-schema';
import type { z } from 'zod';
import { withDocumentation } from '../../domain/documented-schema';
import { textClasses } from './plain-text';

export type JsonSchema = Record<string, unknown>;

/** `multiLine`: whether its text may hold tab and line breaks (a body) or not (a URL, a form). */
export function requestSchema(schema: z.ZodTypeAny, { multiLine = true } = {}): JsonSchema {
  const converted = zodToJsonSchema(schema, {
    target: 'jsonSchema2019-09',
    $refStrategy: 'none',
    removeAdditionalStrategy: 'strict',
    effectStrategy: 'input',
    emailStrategy: 'pattern:zod',
    applyRegexFlags: true,
    postProcess: (json, def) =>
      withDocumentation(def, trimmed(def, json, multiLine), (inner) => requestSchema(inner, { multiLine })),
  }) as JsonSchema;
  delete converted.$schema;
  return converted;
}

type StringCheck = { kind: string; value?: number; regex?: RegExp };

/**
 * zod trims before the checks that follow `.trim()`: "  " is too short for min(1). ECMA-262's `\s`
 * is exactly the white space trim() removes, so a pattern can say the same.
 */
function trimmed<J>(def: unknown, json: J, multiLine: boolean): J {
  const { typeName, checks } = def as { typeName?: string; checks?: StringCheck[] };
  if (typeName !== 'ZodString' || !checks?.length || checks[0]!.kind !== 'trim') return json;
  const min = checks.find((c) => c.kind === 'min')?.value ?? 0;
  const max = checks.find((c) => c.kind === 'max')?.value;
  const regexes = checks.filter((c) => c.kind === 'regex').map((c) => c.regex!);
  if (checks.some((c) => !['trim', 'min', 'max', 'regex'].includes(c.kind))) return json;
  const { minLength: _min, maxLength: _max, pattern: _pattern, allOf: _allOf, ...rest } = json as JsonSchema;
  if (regexes.some((r) => r.flags.replace('u', '') !== '')) return json;
  // The text between the outer white space: from its first visible character to its last.
  const { any, space, visible } = textClasses(multiLine);
  const between = (least: number, most?: number) => `${any}{${least},${most ?? ''}}`;
  const core =
    max === 0
      ? ''
      : max === 1
        ? visible
        : min <= 1
          ? `${visible}(?:${between(0, max === undefined ? undefined : max - 2)}${visible})?`
          : `${visible}${between(min - 2, max === undefined ? undefined : max - 2)}${visible}`;
  const lengths = `^${space}*${min > 0 || core === '' ? `(?:${core})` : `(?:${core})?`}${space}*$`;
  // An anchored regex says the lengths it takes; only limits beside it need a pattern of their own.
  const limited = min > 1 || max !== undefined || regexes.length === 0;
  const patterns = [
    ...(limited ? [lengths] : []),
    ...regexes.map((r) => `^${space}*(?:${r.source.replace(/^\^/, '').replace(/\$$/, '')})${space}*$`),
  ];
  return {
    ...rest,
    ...(patterns.length === 1 ? { pattern: patterns[0] } : { allOf: patterns.map((pattern) => ({ pattern })) }),
  } as J;
}

/** The query parameters of a zod object schema (refinements around it included), one per property. */
export function queryParameters(schema: z.ZodTypeAny, descriptions: Record<string, string> = {}): JsonSchema[] {
  const object = requestSchema(schema, { multiLine: false });
  const properties = (object.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((object.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...propertySchema } = property;
    const text = descriptions[name] ?? (description as string | undefined);
    return {
      name,
      in: 'query',
      required: required.has(name),
      schema: propertySchema,
      ...(text ? { description: text } : {}),
    };
  });
}
