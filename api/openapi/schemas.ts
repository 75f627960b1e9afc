/**
 * The shapes of the public API's answers, as JSON Schema (OpenAPI 3.1 uses JSON Schema 2020-12).
 * Strict (`additionalProperties: false`) where the API promises exactly these fields, so the
 * tests that validate real answers against them catch a field the document forgot.
 */
import { CASE_LEVELS, CASE_STATUSES, CASE_STEPS } from '../../domain/case-steps';

type Schema = Record<string, unknown>;

const string = { type: 'string' } as const;
const nullableString = { type: ['string', 'null'] } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const nullableDateTime = { type: ['string', 'null'], format: 'date-time' } as const;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const object = (properties: Record<string, unknown>, required: string[] = Object.keys(properties)): Schema => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});

export const SCHEMAS: Record<string, Schema> = {
  Error: object({
    error: {
      type: 'object',
      required: ['code', 'message'],
      additionalProperties: false,
      properties: {
        code: { ...string, description: 'Stable code, e.g. VALIDATION_FAILED, NOT_FOUND, NOT_ALLOWED_NOW.' },
        message: { ...string, description: 'In the language of Accept-Language (Vietnamese by default, English).' },
        fields: {
          type: 'object',
          description: 'Per-field problems, keyed by the field path (e.g. location.lat).',
          additionalProperties: object({ code: string, message: string }),
        },
      },
    },
  }),
  CaseStatus: { type: 'string', enum: [...CASE_STATUSES] },
  CaseStep: { type: 'string', enum: [...CASE_STEPS] },
  CaseLevel: { type: 'string', enum: [...CASE_LEVELS] },
  ReportCreated: object({
    id: { ...string, format: 'uuid' },
    trackingCode: { ...string, examples: ['HT-2611-7K3Q'] },
    status: ref('CaseStatus'),
    citizenToken: {
      ...string,
      description: "The reporter's secret for X-Citizen-Token. Shown once; keep it on the device.",
    },
  }),
  TimelineEntry: object({
    kind: string,
    label: string,
    visibility: { type: 'string', enum: ['public', 'reporter'] },
    status: { anyOf: [ref('CaseStatus'), { type: 'null' }] },
    statusLabel: nullableString,
    step: { anyOf: [ref('CaseStep'), { type: 'null' }] },
    at: dateTime,
    note: nullableString,
  }),
  Media: object({
    id: { ...string, format: 'uuid' },
    purpose: { type: 'string', enum: ['report', 'info', 'proof'] },
    kind: { type: 'string', enum: ['photo', 'video', 'document'] },
    contentType: string,
    url: string,
    thumbnailUrl: nullableString,
  }),
  /** A reporter's file for an answer, before the answer names it. */
  InfoFile: object({ id: { ...string, format: 'uuid' }, url: string, thumbnailUrl: nullableString }),
  Location: object({
    lat: { type: ['number', 'null'] },
    lng: { type: ['number', 'null'] },
    address: nullableString,
    commune: { anyOf: [object({ code: string, name: string }), { type: 'null' }] },
  }),
  UnitRef: object({ id: string, code: string, name: string }),
  Report: object(
    {
      trackingCode: string,
      status: ref('CaseStatus'),
      step: ref('CaseStep'),
      statusLabel: string,
      category: object({ code: string, name: string }),
      unit: { anyOf: [ref('UnitRef'), { type: 'null' }] },
      deadline: {
        ...nullableDateTime,
        description: "The unit's deadline for the result (Hạn xử lý), else the current step's.",
      },
      createdAt: dateTime,
      publishedAt: nullableDateTime,
      closedAt: nullableDateTime,
      description: { ...string, description: 'Only once published, or for the reporter.' },
      location: ref('Location'),
      timeline: { type: 'array', items: ref('TimelineEntry') },
      reply: object({ text: nullableString, publishedAt: dateTime }),
      media: { type: 'array', items: ref('Media') },
      rating: {
        anyOf: [
          object(
            {
              score: { type: 'integer', minimum: 1, maximum: 5 },
              round: { type: 'integer' },
              createdAt: dateTime,
              comment: nullableString,
            },
            ['score', 'round', 'createdAt'],
          ),
          { type: 'null' },
        ],
      },
      viewCount: { type: 'integer' },
      reporter: {
        ...object({
          name: nullableString,
          phone: nullableString,
          email: nullableString,
          confidential: { type: 'boolean' },
        }),
        description: 'With a valid X-Citizen-Token only.',
      },
      allowedActions: {
        type: 'array',
        items: { type: 'string', enum: ['rate', 'info', 'withdraw'] },
        description: 'With a valid X-Citizen-Token only.',
      },
    },
    [
      'trackingCode',
      'status',
      'step',
      'statusLabel',
      'category',
      'unit',
      'deadline',
      'createdAt',
      'publishedAt',
      'closedAt',
      'timeline',
      'media',
      'rating',
      'viewCount',
    ],
  ),
  FeedItem: object(
    {
      trackingCode: string,
      status: ref('CaseStatus'),
      statusLabel: string,
      category: object({ code: string, name: string }),
      unit: { anyOf: [ref('UnitRef'), { type: 'null' }] },
      description: string,
      location: ref('Location'),
      deadline: nullableDateTime,
      createdAt: dateTime,
      publishedAt: nullableDateTime,
      closedAt: nullableDateTime,
      reply: { anyOf: [object({ text: nullableString, publishedAt: dateTime }), { type: 'null' }] },
      media: { type: 'array', items: ref('Media') },
      rating: { anyOf: [object({ score: { type: 'integer' } }), { type: 'null' }] },
      viewCount: { type: 'integer' },
    },
    ['trackingCode', 'status', 'statusLabel', 'category', 'createdAt', 'publishedAt'],
  ),
  FeedPage: object({
    items: { type: 'array', items: ref('FeedItem') },
    page: { type: 'integer', minimum: 1 },
    pageSize: { type: 'integer', minimum: 1, maximum: 100 },
    total: { type: 'integer', minimum: 0 },
    totalEstimated: {
      type: 'boolean',
      description: "true: `total` is the database planner's estimate (more than 10,000 reports match), not a count.",
    },
    nextCursor: {
      anyOf: [{ type: 'string', pattern: '^[A-Za-z0-9_-]+$' }, { type: 'null' }],
      description:
        'Send it as `after` for the next page (keyset paging: no report repeated or lost when new ones arrive); null on the last page.',
    },
  }),
  Category: object({
    code: string,
    name: string,
    nameVi: string,
    nameEn: string,
    description: nullableString,
    icon: string,
    group: string,
    defaultLevel: ref('CaseLevel'),
  }),
  Unit: object({
    id: string,
    code: string,
    name: string,
    nameVi: string,
    nameEn: nullableString,
    kind: { type: 'string', enum: ['ioc', 'department', 'commune', 'other'] },
    parentId: nullableString,
    communeCodes: { type: 'array', items: string },
    phone: nullableString,
    email: nullableString,
    address: nullableString,
  }),
  Commune: object({
    code: { ...string, description: 'The official code (mã đơn vị hành chính).', examples: ['18073'] },
    name: string,
    kind: { type: 'string', enum: ['ward', 'commune', 'town'] },
    fullName: { ...string, examples: ['Phường Thành Sen'] },
  }),
  CommuneLocated: object({ commune: ref('Commune') }),
  MapSettings: object({
    tileUrl: {
      ...string,
      description: 'Leaflet URL template of the tile server: {z}/{x}/{y}, {s} for a subdomain.',
      examples: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
    },
    subdomains: { ...string, description: 'The letters {s} stands for, one per subdomain.', examples: ['abc'] },
    attribution: { ...string, description: "The tile server's attribution, HTML (links)." },
    maxZoom: { type: 'integer', minimum: 1, maximum: 22 },
    center: {
      type: 'array',
      description: '[lat, lng] where the maps open.',
      items: { type: 'number' },
      minItems: 2,
      maxItems: 2,
      examples: [[18.34, 105.9]],
    },
    zoom: { type: 'integer', minimum: 1, maximum: 22 },
  }),
  Announcement: object({
    id: string,
    kind: { type: 'string', enum: ['weather', 'disaster', 'traffic', 'notice', 'other'] },
    severity: { type: 'string', enum: ['info', 'warning', 'critical'] },
    title: string,
    body: string,
    titleVi: string,
    titleEn: nullableString,
    bodyVi: string,
    bodyEn: nullableString,
    communeCodes: { type: 'array', items: string },
    unit: ref('UnitRef'),
    validFrom: dateTime,
    validUntil: nullableDateTime,
    publishedAt: nullableDateTime,
  }),
  OfficialProfile: object({
    id: string,
    username: string,
    name: string,
    email: nullableString,
    mustChangePassword: { type: 'boolean' },
    roles: {
      type: 'array',
      items: { type: 'string', enum: ['officer', 'leader', 'unit_admin', 'operator', 'supervisor', 'admin'] },
    },
    units: {
      type: 'array',
      items: object({ id: string, code: string, name: string, kind: string, roles: { type: 'array', items: string } }),
    },
    rules: { type: 'array', description: "The official's CASL rules, packed (@casl/ability/extra packRules)." },
  }),
  Health: object({
    status: { type: 'string', enum: ['ok', 'unavailable'] },
    db: string,
    temporal: string,
    worker: string,
  }),
};
