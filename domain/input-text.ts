/**
 * Text as the platform accepts it, whatever the channel (issue 14). Refused: control characters
 * (C0, DEL and C1; tab, line feed and carriage return only in multi-line text such as a body)
 * and lone surrogates (half of a UTF-16 pair, or broken UTF-8 in a URL). PostgreSQL cannot
 * store a NUL at all (22021), the rest are never typed by a person and hide text from officials.
 * Accepted text is stored in Unicode NFC, so a search typed on one keyboard finds text typed on
 * another (some phones send "đường" decomposed, NFD).
 */
import type { FieldProblems } from './field-problems';

export type TextProblem = { code: 'control_character' | 'invalid_unicode'; params?: { character: string } };

// eslint-disable-next-line no-control-regex
const CONTROL_IN_LINE = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** With the u flag, a surrogate matches only when it is not half of a pair. */
const LONE_SURROGATE = /[\ud800-\udfff]/u;

export interface TextRules {
  /** Whether tab, line feed and carriage return are allowed (bodies: yes; URLs: no). */
  multiLine: boolean;
}

/** What is wrong with a text, if anything. */
export function textProblem(text: string, rules: TextRules): TextProblem | undefined {
  if (LONE_SURROGATE.test(text)) return { code: 'invalid_unicode' };
  const control = (rules.multiLine ? CONTROL_IN_TEXT : CONTROL_IN_LINE).exec(text);
  if (control) return { code: 'control_character', params: { character: codePoint(control[0]) } };
  return undefined;
}

/** "U+0000", as people and documentation name a character. */
function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Input (parsed JSON, form fields, query parameters) with every string, keys included, in NFC,
 * and the problems of those that are refused, by field path (`reporter.name`, `media.0`).
 */
export function cleanInput(
  value: unknown,
  rules: TextRules,
  path = '',
): { value: unknown; problems: FieldProblems } {
  const problems: FieldProblems = {};
  const walk = (item: unknown, at: string): unknown => {
    if (typeof item === 'string') {
      const problem = textProblem(item, rules);
      if (problem) problems[at || '_'] ??= problem;
      return problem ? item : item.normalize('NFC');
    }
    if (Array.isArray(item)) return item.map((element, index) => walk(element, join(at, String(index))));
    if (item && typeof item === 'object' && isPlain(item)) {
      const cleaned: Record<string, unknown> = {};
      for (const [key, element] of Object.entries(item)) {
        // A refused key is reported where it sits: its own text is what cannot be shown.
        const keyProblem = textProblem(key, { multiLine: false });
        if (keyProblem) problems[at || '_'] ??= keyProblem;
        cleaned[keyProblem ? key : key.normalize('NFC')] = walk(element, join(at, key));
      }
      return cleaned;
    }
    return item;
  };
  const cleaned = walk(value, path);
  return { value: cleaned, problems };
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** JSON's and the parsers' objects, not Dates, Buffers or class instances. */
function isPlain(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
