/**
 * POST /requests: a partner's service request becomes a report like any other, through
 * createReport (the case workflow records it, checks its files, finds its commune from lat/long
 * and starts verification). Decisions:
 *
 * - `service_request_id` is the tracking code (HT-2611-7K3Q): stable, short, public, the code
 *   the reporter reads aloud on the hotline and types in the portal. Services are `realtime`, so
 *   no `token` is returned (the spec: not both); GET /tokens/{token} still answers for a case id.
 * - Location: `lat` + `long` are passed through (the intake finds the commune); `address_string`
 *   is the address; `address_id` (we have no master address repository) is kept as address text,
 *   `address_id: <id>`, after the address_string if both are sent.
 * - `description`: HTML removed, at most 4,000 characters. Without one (the spec makes it
 *   optional) or when shorter than the platform's minimum, the service's name leads it.
 * - `media_url` is kept as a link at the end of the description and never fetched (fetching
 *   partner URLs from the server would invite SSRF; an operator opens it while verifying).
 * - `first_name`, `last_name`, `email`, `phone` become the reporter, confidential (the default:
 *   only IOC operators, supervisors and the reporter ever see it). The name is written family
 *   name first, as Vietnamese names are: `last_name first_name`.
 * - `device_id` and `account_id` are ignored: a device identifier is personal data, and the
 *   platform has no partner accounts to link; the channel is the key's (`open311:<partner>`).
 * - `attribute[level]`, `attribute[commune_code]`: see ./services.ts. Unknown attributes are
 *   ignored, as an optional field a later definition might add.
 * - An `Idempotency-Key` header works as on /api/v1/reports, per API key: a partner's retry
 *   never creates a second case.
 * - 200 with the list, as the spec's swagger and its examples (most GeoReport servers do so).
 */
import {
  DESCRIPTION_MAX_LENGTH,
  reportCommandSchema,
  stripHtml,
  type ReportCommand,
} from '../../domain/report-command';
import type { Language } from '../i18n/language';
import { createReport, type CreateReportDependencies } from '../services/create-report';
import { recordAudit } from '../services/record-audit';
import { parseInput } from '../validation';
import type { PartnerKey } from './api-key';
import { Open311Error } from './format';
import { open311Message } from './messages';
import { findService, LEVEL_KEYS } from './services';

export interface SubmitContext {
  partner: PartnerKey;
  language: Language;
  idempotencyKey?: string;
  ip?: string | null;
  requestId?: string | null;
  now: Date;
}

export interface SubmittedRequest {
  service_request_id: string;
  service_notice: string;
}

const MIN_DESCRIPTION = 10;

export async function submitRequest(
  deps: CreateReportDependencies,
  body: Record<string, unknown>,
  context: SubmitContext,
): Promise<SubmittedRequest> {
  const { language } = context;
  const serviceCode = text(body, 'service_code', language);
  if (!serviceCode) throw Open311Error.of(400, open311Message('service_code_missing', language));
  const category = await findService(deps.db, serviceCode, language);

  const problems: string[] = [];
  const location = locationOf(body, language, problems);
  const description = descriptionOf(body, language, category.nameVi, problems);
  const attributes = attributesOf(body, language, problems);
  const reporter = reporterOf(body, language);
  if (problems.length)
    throw new Open311Error(
      400,
      problems.map((description) => ({ code: 400, description })),
    );

  const command = {
    categoryCode: category.code,
    description,
    location: { ...location, ...(attributes.communeCode && { communeCode: attributes.communeCode }) },
    ...(attributes.level && { level: attributes.level }),
    confidential: true,
    ...(reporter && { reporter }),
  };
  const report: ReportCommand = parseInput(reportCommandSchema, command);
  const created = await createReport(deps, {
    report,
    idempotencyKey: context.idempotencyKey && `open311:${context.partner.id}:${context.idempotencyKey}`,
    channel: context.partner.channel,
    now: context.now,
  });
  await recordAudit(deps.db, {
    actorKind: 'partner',
    actorId: context.partner.id,
    action: 'open311_request_submitted',
    subjectType: 'Case',
    subjectId: created.id,
    caseId: created.id,
    ip: context.ip ?? null,
    requestId: context.requestId ?? null,
    details: { channel: context.partner.channel },
  });
  return { service_request_id: created.trackingCode, service_notice: open311Message('service_notice', language) };
}

/** A single text field; a repeated one is a client error. */
function text(body: Record<string, unknown>, field: string, language: Language): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    throw Open311Error.of(400, open311Message('invalid_value', language, { field, detail: 'one value expected' }));
  }
  return value.trim() || undefined;
}

function locationOf(body: Record<string, unknown>, language: Language, problems: string[]): ReportCommand['location'] {
  const before = problems.length;
  const lat = number(body, 'lat', -90, 90, language, problems);
  const lng = number(body, 'long', -180, 180, language, problems);
  const addressString = text(body, 'address_string', language);
  const addressId = text(body, 'address_id', language);
  const numbersRead = problems.length === before;
  if (numbersRead && (lat === undefined) !== (lng === undefined)) {
    problems.push(open311Message('lat_long_together', language));
  }
  const hasPoint = lat !== undefined && lng !== undefined;
  if (!hasPoint && !addressString && !addressId && numbersRead) {
    problems.push(open311Message('location_missing', language));
  }
  const idText = addressId ? `address_id: ${addressId}` : undefined;
  const address = addressString && idText ? `${addressString} (${idText})` : (addressString ?? idText);
  if (address && address.length > 500) {
    problems.push(
      open311Message('invalid_value', language, { field: 'address_string', detail: 'at most 500 characters' }),
    );
  }
  return { ...(hasPoint && { lat, lng }), ...(address && { address }) };
}

function number(
  body: Record<string, unknown>,
  field: string,
  min: number,
  max: number,
  language: Language,
  problems: string[],
): number | undefined {
  const raw = text(body, field, language);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    problems.push(open311Message('invalid_number', language, { field }));
    return undefined;
  }
  return value;
}

function descriptionOf(body: Record<string, unknown>, language: Language, serviceName: string, problems: string[]) {
  let description = stripHtml(text(body, 'description', language) ?? '');
  if (description.length < MIN_DESCRIPTION) {
    description = `${serviceName}: ${description || open311Message('no_description', 'vi')}`;
  }
  const mediaUrl = text(body, 'media_url', language);
  if (mediaUrl) {
    const url = httpUrl(mediaUrl);
    if (!url) problems.push(open311Message('invalid_url', language, { field: 'media_url' }));
    else description = `${description}\n\nẢnh/video (media_url, chưa tải về): ${url}`;
  }
  if (description.length > DESCRIPTION_MAX_LENGTH) {
    problems.push(open311Message('description_too_long', language, { max: DESCRIPTION_MAX_LENGTH }));
  }
  return description;
}

function httpUrl(value: string): string | undefined {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && value.length <= 2_000 ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function attributesOf(body: Record<string, unknown>, language: Language, problems: string[]) {
  const given = body.attribute;
  const attributes =
    given && typeof given === 'object' && !Array.isArray(given) ? (given as Record<string, unknown>) : {};
  const level = attributes.level;
  const communeCode = attributes.commune_code;
  const result: { level?: ReportCommand['level']; communeCode?: string } = {};
  if (level !== undefined && level !== '') {
    if (typeof level === 'string' && (LEVEL_KEYS as string[]).includes(level))
      result.level = level as ReportCommand['level'];
    else
      problems.push(
        open311Message('invalid_value', language, { field: 'attribute[level]', detail: LEVEL_KEYS.join(', ') }),
      );
  }
  if (communeCode !== undefined && communeCode !== '') {
    if (typeof communeCode === 'string' && /^\d{5}$/.test(communeCode.trim())) result.communeCode = communeCode.trim();
    else
      problems.push(
        open311Message('invalid_value', language, { field: 'attribute[commune_code]', detail: '5 digits' }),
      );
  }
  return result;
}

function reporterOf(body: Record<string, unknown>, language: Language): ReportCommand['reporter'] {
  const name = [text(body, 'last_name', language), text(body, 'first_name', language)].filter(Boolean).join(' ');
  const phone = text(body, 'phone', language);
  const email = text(body, 'email', language);
  if (!name && !phone && !email) return undefined;
  return { ...(name && { name }), ...(phone && { phone }), ...(email && { email }) };
}

/** Open311's names for the report command's fields, for validation errors. */
export const OPEN311_FIELD_NAMES: Record<string, string> = {
  categoryCode: 'service_code',
  description: 'description',
  'location.lat': 'lat',
  'location.lng': 'long',
  'location.address': 'address_string',
  'location.communeCode': 'attribute[commune_code]',
  level: 'attribute[level]',
  'reporter.name': 'first_name/last_name',
  'reporter.phone': 'phone',
  'reporter.email': 'email',
};
