/**
 * Every request of the back office: same-origin cookie session, the UI's language in
 * Accept-Language (the API answers its error messages in it), and the API's error shape
 * `{ error: { code, message, fields? } }` turned into react-admin's HttpError, whose message is
 * shown as is and whose `body.errors` react-admin maps onto form fields.
 */
import { HttpError } from 'react-admin';

let language = 'vi';
/** Called by the i18n provider whenever the UI's locale changes. */
export function setRequestLanguage(locale: string): void {
  language = locale;
}

export interface ApiErrorBody {
  error?: { code?: string; message?: string; fields?: Record<string, { code?: string; message?: string }> };
  errors?: Record<string, string>;
}

export interface HttpResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: string;
  json: T;
}

export interface RequestOptions {
  method?: string;
  body?: BodyInit | null;
  headers?: HeadersInit;
}

export async function httpClient<T = any>(url: string, options: RequestOptions = {}): Promise<HttpResponse<T>> {
  const headers = new Headers(options.headers);
  headers.set('Accept', 'application/json');
  headers.set('Accept-Language', language);
  if (options.body && typeof options.body === 'string' && !headers.has('Content-Type'))
    headers.set('Content-Type', 'application/json');
  let response: Response;
  try {
    response = await fetch(url, { ...options, headers, credentials: 'same-origin' });
  } catch {
    throw new HttpError('ra.notification.http_error', 0);
  }
  const body = await response.text();
  let json: any;
  try {
    json = body ? JSON.parse(body) : undefined;
  } catch {
    json = undefined;
  }
  if (!response.ok) throw toHttpError(response, json);
  return { status: response.status, headers: response.headers, body, json };
}

function toHttpError(response: Response, json: unknown): HttpError {
  const apiError = (json as ApiErrorBody | undefined)?.error;
  const errors = apiError?.fields
    ? Object.fromEntries(Object.entries(apiError.fields).map(([k, v]) => [k, v.message ?? v.code ?? '']))
    : undefined;
  return new HttpError(apiError?.message || response.statusText || 'ra.notification.http_error', response.status, {
    ...((json as object) ?? {}),
    ...(errors && { errors }),
  });
}

/**
 * A file the API generates (an export, a report), saved by the browser under the name the API
 * gives: fetched rather than linked so that it is in the UI's language and a refusal (too many
 * rows, no right) is shown as the API's message instead of a broken download.
 */
export async function downloadFile(url: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { 'Accept-Language': language }, credentials: 'same-origin' });
  } catch {
    throw new HttpError('ra.notification.http_error', 0);
  }
  if (!response.ok) throw toHttpError(response, await response.json().catch(() => undefined));
  const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? 'download';
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

/** JSON POST helper for the domain endpoints outside ra-data-simple-rest's CRUD. */
export function postJson<T = any>(url: string, data?: unknown, headers?: HeadersInit) {
  return httpClient<T>(url, { method: 'POST', body: JSON.stringify(data ?? {}), headers });
}

/** The error's code from our API shape, e.g. PASSWORD_CHANGE_REQUIRED. */
export function errorCode(error: unknown): string | undefined {
  return (error as { body?: ApiErrorBody })?.body?.error?.code;
}

/** 404/405/501 on an endpoint: the server does not offer it (yet); screens degrade on it. */
export function isMissingEndpoint(error: unknown): boolean {
  const status = (error as { status?: number })?.status;
  if (status === 405 || status === 501) return true;
  // Our API answers unknown paths with NOT_FOUND whose message names the path.
  return (
    status === 404 && errorCode(error) === 'NOT_FOUND' && /\/api\//.test(JSON.stringify((error as any).body ?? ''))
  );
}
