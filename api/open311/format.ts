/**
 * How Open311 GeoReport v2 answers (docs/open311-contract.md): every resource in `.json` and
 * `.xml`, errors as the spec's list `[{ code, description }]` / `<errors><error>…</error></errors>`
 * (not the platform's usual `{ error }` shape), dates in ISO 8601 with the +07:00 offset.
 *
 * JSON follows the spec's "Spark convention": the XML document without its root element, so a
 * list is a bare array (`<services><service>…` ⇒ `[{…}]`), an object stays an object.
 */
import type { Request, Response } from 'express';
import { XMLBuilder } from 'fast-xml-parser';
import { DateTime } from 'luxon';
import type { Language } from '../i18n/language';

export type Open311Format = 'json' | 'xml';

export const OPEN311_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** An Open311 failure: its HTTP status and the spec's error list (several at once allowed). */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly errors: { code: number; description: string }[],
    /** Seconds, for 503 answers. */
    readonly retryAfter?: number,
  ) {
    super(errors.map((e) => e.description).join('; '));
    this.name = 'Open311Error';
  }

  static of(status: number, description: string): Open311Error {
    return new Open311Error(status, [{ code: status, description }]);
  }
}

/**
 * The language of Open311 answers: English unless the client prefers Vietnamese. Open311
 * clients are generic software whose developers read English; a Vietnamese partner app sends
 * `Accept-Language: vi` and gets service names, labels and errors in Vietnamese. (The rest of the
 * platform defaults to Vietnamese: its clients are citizens' and officials' screens.)
 */
export function open311Language(req: Request): Language {
  if (!req.get('Accept-Language')) return 'en';
  return req.acceptsLanguages('en', 'vi') === 'vi' ? 'vi' : 'en';
}

/** `2026-03-17T08:00:00+07:00`: second precision, the province's offset. */
export function open311Date(date: Date): string;
export function open311Date(date: Date | null | undefined): string | null;
export function open311Date(date: Date | null | undefined): string | null {
  if (!date) return null;
  return DateTime.fromJSDate(date).setZone(OPEN311_TIME_ZONE).startOf('second').toISO({ suppressMilliseconds: true });
}

/** `requests.json` → { name: 'requests', format: 'json' }; anything else → undefined. */
export function splitFormat(file: string): { name: string; format: Open311Format } | undefined {
  const match = /^(.+)\.(json|xml)$/i.exec(file);
  if (!match) return undefined;
  return { name: match[1]!, format: match[2]!.toLowerCase() as Open311Format };
}

const builder = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: true });
const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';

/** XML of a document whose root holds `items` as repeated `item` elements, e.g. services/service. */
export function xmlList(root: string, item: string, items: readonly object[]): string {
  return xmlDocument({ [root]: items.length ? { [item]: items.map(xmlReady) } : '' });
}

export function xmlDocument(document: Record<string, unknown>): string {
  return XML_DECLARATION + builder.build(xmlReady(document));
}

/**
 * Values as the XML builder should see them: nulls become empty elements (as in the spec's
 * examples, `<account_id/>`), undefined is left out, nested lists keep their own item names
 * (the caller shapes them, e.g. `{ values: { value: [...] } }`).
 */
function xmlReady(value: unknown): unknown {
  if (value === null) return '';
  if (Array.isArray(value)) return value.map(xmlReady);
  if (value instanceof Date) return open311Date(value);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, xmlReady(v)]),
    );
  }
  return value;
}

/** Sends `json` as JSON, or its XML rendering, with the spec's content types. */
export function sendOpen311(res: Response, format: Open311Format, status: number, json: unknown, xml: () => string) {
  res.status(status);
  if (format === 'xml') {
    res.type('text/xml; charset=utf-8').send(xml());
    return;
  }
  res.type('application/json; charset=utf-8').send(JSON.stringify(json));
}

export function sendOpen311Error(res: Response, format: Open311Format, error: Open311Error) {
  if (error.retryAfter !== undefined) res.setHeader('Retry-After', String(error.retryAfter));
  sendOpen311(res, format, error.status, error.errors, () => xmlList('errors', 'error', error.errors));
}
