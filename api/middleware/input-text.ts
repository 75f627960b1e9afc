/**
 * The HTTP edge of domain/input-text.ts: the path and the query string before any route (no
 * control character at all, and UTF-8 that decodes: "%ED%A0%80" is half a surrogate pair) and
 * each parsed body (multi-line text allowed) are refused with 422 naming the field, or go on in
 * NFC. Bodies parsed by a route's own parser (multipart, Open311's forms, the large GeoJSON of
 * commune boundaries) pass `acceptBodyText` or `parseInput`, which apply the same rules.
 */
import type { Request, RequestHandler } from 'express';
import type { FieldProblems } from '../../domain/field-problems';
import { textProblem, type TextRules } from '../../domain/input-text';
import { AppError } from '../../platform/app-error';
import { acceptedText } from '../validation';

const IN_URL: TextRules = { multiLine: false };
const IN_BODY: TextRules = { multiLine: true };

/** The path and the query string of every request, before any route reads them. */
export const acceptUrlText: RequestHandler = (req, _res, next) => {
  const [path = '', query = ''] = splitUrl(req.originalUrl);
  const problems = { ...pathProblems(path), ...urlEncodedProblems(query, IN_URL) };
  if (Object.keys(problems).length > 0) throw new AppError('VALIDATION_FAILED', {}, problems);
  // Express 5 parses req.query again at each read: keep the NFC copy in its place.
  Object.defineProperty(req, 'query', {
    value: acceptedText(req.query, IN_URL),
    configurable: true,
    enumerable: true,
    writable: true,
  });
  next();
};

/** The body a parser has just read, in NFC, or 422. */
export const acceptParsedBody: RequestHandler = (req, _res, next) => {
  acceptBodyText(req);
  next();
};

/** The parsed body in NFC, or 422: for routes that parse their own bodies. */
export function acceptBodyText(req: Request): void {
  if (req.body !== undefined) req.body = acceptedText(req.body as unknown, IN_BODY);
}

/**
 * A form body before it is parsed (body-parser's `verify`): the parser keeps "%ED%A0%80" as those
 * nine characters when it cannot decode them, so broken UTF-8 is only seen here.
 */
export function verifyUrlEncoded(_req: unknown, _res: unknown, body: Buffer): void {
  const problems = urlEncodedProblems(body.toString('utf8'), IN_BODY);
  if (Object.keys(problems).length > 0) throw new AppError('VALIDATION_FAILED', {}, problems);
}

function splitUrl(url: string): [string, string] {
  const mark = url.indexOf('?');
  return mark < 0 ? [url, ''] : [url.slice(0, mark), url.slice(mark + 1)];
}

function pathProblems(path: string): FieldProblems {
  for (const segment of path.split('/')) {
    const problem = decodedProblem(segment, IN_URL);
    if (problem) return { path: problem };
  }
  return {};
}

/** Each parameter by its name (`q`, `filter`, `tracking_code`), as the client wrote it. */
function urlEncodedProblems(query: string, rules: TextRules): FieldProblems {
  const problems: FieldProblems = {};
  for (const pair of query.split('&')) {
    if (!pair) continue;
    const mark = pair.indexOf('=');
    const [name, value] = mark < 0 ? [pair, ''] : [pair.slice(0, mark), pair.slice(mark + 1)];
    const field = decoded(name) ?? '_';
    const problem = decodedProblem(name, IN_URL) ?? decodedProblem(value, rules);
    if (problem) problems[textProblem(field, IN_URL) ? '_' : field] ??= problem;
  }
  return problems;
}

function decoded(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

function decodedProblem(text: string, rules: TextRules): FieldProblems[string] | undefined {
  const plain = decoded(text);
  if (plain === undefined) return { code: 'invalid_unicode' };
  return textProblem(plain, rules);
}
