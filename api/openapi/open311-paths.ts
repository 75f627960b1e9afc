/**
 * Open311 GeoReport v2 (/open311/v2) in the OpenAPI document: every resource as `.json` or `.xml`
 * (the `format` path parameter), errors in the standard's own shape (a list of `{ code,
 * description }`, or `<errors>` in XML). Only POST /requests needs a key: the standard's `api_key`
 * form field, or the X-Api-Key header (the `open311Key` scheme).
 */
import { CASE_LEVELS } from '../../domain/case-steps';
import { language, ref, type Operation } from './building-blocks';
import { textClasses } from './plain-text';

const TAG = 'Open311';
const format = {
  name: 'format',
  in: 'path',
  required: true,
  schema: { enum: ['json', 'xml'] },
  description: 'The answer as JSON or as XML (text/xml).',
};
const jurisdiction = {
  name: 'jurisdiction_id',
  in: 'query',
  required: false,
  schema: { type: 'string' },
  description: 'The one jurisdiction served (OPEN311_JURISDICTION_ID); empty or absent means it too.',
};
const answer = (schema: unknown, description: string) => ({
  description,
  content: { 'application/json': { schema }, 'text/xml': { schema: { type: 'string' } } },
});
const failure = (description: string) => answer(ref('Open311Errors'), description);
const failures = {
  400: failure('Something the client sent does not fit; each error says which field.'),
  404: failure('Unknown jurisdiction, service, request, token or resource.'),
};
const read = (summary: string, schema: unknown, parameters: unknown[] = []): Operation => ({
  tags: [TAG],
  summary,
  parameters: [format, jurisdiction, ...parameters, language],
  responses: { 200: answer(schema, summary), ...failures },
});
const idIn = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string', minLength: 1 } });
const list = (name: string) => ({ type: 'array', items: ref(name) });
const { space } = textClasses(false);
/** ISO 8601 as luxon reads it: a day, or a date-time with or without an offset (then Hà Tĩnh's). */
const isoDate = {
  anyOf: [
    { type: 'string', pattern: `^${space}*$`, description: 'Empty: no bound.' },
    { type: 'string', format: 'date' },
    { type: 'string', format: 'date-time' },
    { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,3})?)?$' },
  ],
};
const dates = [
  {
    name: 'start_date',
    in: 'query',
    required: false,
    schema: isoDate,
    description: 'At most 90 days before end_date.',
  },
  { name: 'end_date', in: 'query', required: false, schema: isoDate },
];
const requestFilters = [
  {
    name: 'service_request_id',
    in: 'query',
    required: false,
    schema: { type: 'string' },
    description: 'A comma list of ids; the other filters are then ignored.',
  },
  {
    name: 'service_code',
    in: 'query',
    required: false,
    schema: { type: 'string' },
    description: 'A comma list of service codes.',
  },
  ...dates,
  {
    name: 'status',
    in: 'query',
    required: false,
    schema: { type: 'string', pattern: `^${space}*(?:open|closed)?${space}*(?:,${space}*(?:open|closed)?${space}*)*$` },
    description: '`open`, `closed` or both, comma separated.',
  },
  {
    name: 'extensions',
    in: 'query',
    required: false,
    schema: { type: 'string' },
    description: '`true`: mySociety extensions; any other value: none.',
  },
];

const submission = {
  type: 'object',
  required: ['service_code'],
  anyOf: [{ required: ['lat', 'long'] }, { required: ['address_string'] }, { required: ['address_id'] }],
  properties: {
    api_key: { type: 'string', description: 'The partner key, unless sent as X-Api-Key.' },
    jurisdiction_id: { type: 'string' },
    service_code: { type: 'string', minLength: 1 },
    lat: { type: 'number', minimum: -90, maximum: 90 },
    long: { type: 'number', minimum: -180, maximum: 180 },
    address_string: { type: 'string', minLength: 1, maxLength: 500 },
    address_id: { type: 'string', minLength: 1, maxLength: 200 },
    description: { type: 'string', maxLength: 4000 },
    media_url: { type: 'string', format: 'uri', maxLength: 2000 },
    first_name: { type: 'string', maxLength: 100 },
    last_name: { type: 'string', maxLength: 100 },
    email: { type: 'string', format: 'email', maxLength: 254 },
    phone: { type: 'string', pattern: '^\\+?[0-9 .-]{8,20}$' },
    'attribute[level]': { enum: [...CASE_LEVELS] },
    'attribute[commune_code]': { type: 'string', pattern: '^\\d{5}$' },
  },
};

export function open311Paths(): Record<string, Operation> {
  return {
    '/open311/v2/discovery.{format}': { get: read('Service discovery', ref('Open311Discovery')) },
    '/open311/v2/services.{format}': {
      get: read('The services (categories) requests may be made for', list('Open311Service')),
    },
    '/open311/v2/services/{service_code}.{format}': {
      get: read("A service's definition (its attributes)", ref('Open311ServiceDefinition'), [idIn('service_code')]),
    },
    '/open311/v2/requests.{format}': {
      get: read(
        'Service requests (published and partner cases, no personal data)',
        list('Open311Request'),
        requestFilters,
      ),
      post: {
        tags: [TAG],
        summary: 'Submit a service request (a report)',
        security: [{ open311Key: [] }, {}],
        parameters: [format, language],
        requestBody: {
          required: true,
          content: { 'application/x-www-form-urlencoded': { schema: submission } },
        },
        responses: {
          200: answer(list('Open311Submitted'), 'Recorded: the request id (its tracking code).'),
          ...failures,
          403: failure('No API key, or not a valid one.'),
          413: failure('The body is too large.'),
          503: failure('Temporarily unavailable; nothing was recorded. Retry after Retry-After seconds.'),
        },
      },
    },
    '/open311/v2/requests/{service_request_id}.{format}': {
      get: read('One service request', list('Open311Request'), [idIn('service_request_id')]),
    },
    '/open311/v2/tokens/{token_id}.{format}': {
      get: read('The request id a token stands for', list('Open311Token'), [idIn('token_id')]),
    },
    '/open311/v2/servicerequestupdates.{format}': {
      get: read("mySociety's request updates", list('Open311RequestUpdate'), dates),
    },
  };
}
