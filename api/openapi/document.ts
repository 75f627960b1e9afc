/**
 * The OpenAPI 3.1 document of the whole API (citizens under /api/v1, officials under /api/auth and
 * /api/admin, Open311 under /open311/v2, health), served at /api/openapi.json and shown at
 * /api/docs. Parameters and bodies come from the same zod schemas the routes parse with
 * (./request-schema.ts); answers from ./schemas, ./admin-schemas and ./open311-schemas. Tests
 * validate real answers against it (tests/openapi.test.ts) and schemathesis fuzzes the running
 * API with it (tests/openapi-schemathesis.test.ts), so it stays true.
 */
import { reportCommandSchema } from '../../domain/report-command';
import { loginSchema, passwordSchema } from '../routes/auth';
import { infoAnswerSchema } from '../services/answer-info-request';
import { announcementQuery } from '../services/find-announcements';
import { nearbyQuery, NEARBY_RADIUS_M } from '../services/find-nearby-reports';
import { publicFeedQuery } from '../services/find-public-reports';
import { meTooSchema } from '../services/follow-report';
import { publicStatisticsQuery } from '../services/statistics/get-public-statistics';
import { locateCommuneQuery } from '../services/locate-commune';
import { ratingSchema } from '../services/rate-report';
import { subscriptionChange } from '../services/subscriptions/manage-subscription';
import { SUBSCRIPTION_CHANNELS, SUBSCRIPTION_TOPICS, subscriptionInput } from '../services/subscriptions/subscribe';
import { ANNOUNCEMENT_KINDS } from '../services/find-announcements';
import { withdrawalSchema } from '../services/withdraw-report';
import { adminPaths } from './admin-paths';
import {
  error,
  idempotencyKey,
  json,
  language,
  oneFile,
  ref,
  reportBody,
  reportFailures,
  type Operation,
} from './building-blocks';
import { CITIZEN_ACCOUNT_SCHEMAS, CITIZEN_SESSION_SCHEME, citizenAccountPaths } from './citizen-account-paths';
import { open311Paths } from './open311-paths';
import { withPlainTextRequests } from './plain-text';
import { queryParameters, requestSchema } from './request-schema';
import { SESSION_COOKIE } from '../auth/session-token';
import { ADMIN_SCHEMAS } from './admin-schemas';
import { STATISTICS_ADMIN_SCHEMAS, STATISTICS_PUBLIC_SCHEMAS } from './statistics-schemas';
import { OPEN311_SCHEMAS } from './open311-schemas';
import { SCHEMAS } from './schemas';

const citizenToken = {
  name: 'X-Citizen-Token',
  in: 'header',
  required: false,
  schema: { type: 'string' },
  description:
    "The reporter's secret returned when the report was made. Without it, a signed-in citizen (cookie citizen_session) whose account holds the report.",
};
const trackingCode = {
  name: 'trackingCode',
  in: 'path',
  required: true,
  schema: { type: 'string', examples: ['HT-2611-7K3Q'] },
};
const reporterAction = (summary: string, body: Record<string, unknown>): Operation => ({
  tags: ['Citizens'],
  summary,
  parameters: [trackingCode, citizenToken, idempotencyKey, language],
  requestBody: { required: true, content: { 'application/json': { schema: body } } },
  responses: {
    200: json(ref('Report'), 'The case after the workflow has moved on, as the reporter sees it.'),
    401: error('Neither X-Citizen-Token nor a signed-in citizen.'),
    403: error("The token is not this case's, or the signed-in account does not hold it (CITIZEN_NOT_OWNER)."),
    404: error('Unknown tracking code.'),
    409: error("The case's step does not allow it now (NOT_ALLOWED_NOW)."),
    422: error('The body does not fit; `fields` says where.'),
    429: error('Too many requests; see Retry-After.'),
    503: error('Temporarily unavailable; nothing was changed. Retry after Retry-After seconds.'),
  },
});

/**
 * A path or query value with a character the text rule refuses is 422 everywhere (Open311 says 400
 * in its own shape, documented there).
 */
function withTextRefusals(paths: Record<string, Record<string, Operation>>): void {
  for (const [path, operations] of Object.entries(paths)) {
    if (path.startsWith('/open311/')) continue;
    for (const operation of Object.values(operations)) {
      const parameters = (operation.parameters ?? []) as { in: string }[];
      const responses = operation.responses as Record<string, unknown>;
      if (parameters.some((p) => p.in === 'path' || p.in === 'query') && !responses[422])
        responses[422] = error('A path or query value holds a character that is not allowed (VALIDATION_FAILED).');
    }
  }
}

/** The confirm and unsubscribe links: a small page for a person, in their language. */
const subscriptionPage = (summary: string): Operation => {
  const page = (description: string) => ({ description, content: { 'text/html': { schema: { type: 'string' } } } });
  return {
    tags: ['Reference'],
    summary,
    parameters: [{ name: 'token', in: 'query', required: true, schema: { type: 'string' } }, language],
    responses: { 200: page('Done.'), 404: page('Not a valid link (any more).') },
  };
};

const tokenParameter = { name: 'token', in: 'query', required: true, schema: { type: 'string' } } as const;

/** A subscription as its token's holder sees it (GET/PUT /api/v1/subscriptions/manage). */
const subscriptionView = {
  type: 'object',
  additionalProperties: false,
  required: ['channel', 'address', 'communeCodes', 'topics', 'kinds', 'language', 'state'],
  properties: {
    channel: { type: 'string', enum: [...SUBSCRIPTION_CHANNELS] },
    address: { type: 'string', description: 'Partly hidden (the push service for Web Push).' },
    communeCodes: { type: 'array', items: { type: 'string' }, description: 'Empty: the whole province.' },
    topics: { type: 'array', items: { type: 'string', enum: [...SUBSCRIPTION_TOPICS] } },
    kinds: { type: 'array', items: { type: 'string', enum: [...ANNOUNCEMENT_KINDS] } },
    language: { type: 'string', enum: ['vi', 'en'] },
    state: { type: 'string', enum: ['pending', 'confirmed', 'unsubscribed'] },
  },
};

export function buildOpenApiDocument(): Record<string, unknown> {
  const document = {
    openapi: '3.1.0',
    info: {
      title: 'Phản ánh hiện trường: API',
      version: '1',
      description:
        'Citizens report problems, follow them and rate the result; officials work in the back office; partners use Open311. ' +
        'Errors: `{ "error": { "code", "message", "fields"? } }` with the message in the language of Accept-Language. ' +
        "Times are ISO 8601; ids are strings. Open311 GeoReport v2 (/open311/v2) answers in its own standard's shapes.",
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'Citizens', description: 'Reports, tracking, rating, the public feed (/api/v1).' },
      { name: 'Reference', description: 'Categories, units, communes, announcements.' },
      { name: 'Officials', description: 'Login for the back office (/api/auth).' },
      { name: 'Back office', description: 'The back office resources and actions (/api/admin), ra-data-simple-rest.' },
      { name: 'Open311', description: 'GeoReport v2 for partner channels (/open311/v2), JSON or XML.' },
      { name: 'Operations', description: 'Health and metrics.' },
    ],
    paths: {
      '/api/v1/reports': {
        post: {
          tags: ['Citizens'],
          summary: 'Report a problem',
          description:
            'JSON, or multipart/form-data with a `report` field holding the same JSON and up to 10 `media` files (photos jpeg/png/webp/heic ≤ 10 MB, videos mp4/mov ≤ 100 MB; checked by content). ' +
            'The reporter is confidential by default.',
          parameters: [idempotencyKey, language],
          requestBody: reportBody(requestSchema(reportCommandSchema)),
          responses: {
            201: json(ref('ReportCreated'), 'Recorded: the tracking code and the citizen token.'),
            ...reportFailures,
            429: error('Too many reports from this address; see Retry-After.'),
          },
        },
        get: {
          tags: ['Citizens'],
          summary: 'The public feed of published reports (no personal data)',
          parameters: [
            ...queryParameters(publicFeedQuery, {
              page: '1-based page.',
              pageSize: 'Items per page, at most 100.',
              categoryCode: 'One code or a comma list.',
              communeCode: 'One code or a comma list.',
              status: 'One status or a comma list.',
              from: 'Created on or after: YYYY-MM-DD (Asia/Ho_Chi_Minh) or an ISO instant.',
              to: 'Created on or before.',
              bbox: 'minLng,minLat,maxLng,maxLat (WGS84).',
              after:
                "The previous page's `nextCursor`: the page after it, however deep, read from the feed's index (not with `page`). " +
                'Opaque; one that was altered, or from another list, is refused with 422.',
            }),
            language,
          ],
          responses: {
            200: json(ref('FeedPage'), 'A page of published reports.'),
            422: error(
              'A filter does not fit, or the cursor (`after`) is not one this feed gave, or comes with `page`.',
            ),
          },
        },
      },
      '/api/v1/reports/{trackingCode}': {
        get: {
          tags: ['Citizens'],
          summary: 'Follow a report by its tracking code',
          description:
            'Anyone with the code sees the public view; with X-Citizen-Token the reporter also sees their personal data and the entries meant for them.',
          parameters: [trackingCode, { ...citizenToken, required: false }, language],
          responses: {
            200: json(ref('Report'), 'The report.'),
            403: error("The token is not this case's."),
            404: error('Unknown tracking code.'),
          },
        },
      },
      '/api/v1/reports/{trackingCode}/rating': {
        post: reporterAction('Rate the published result (1-5)', requestSchema(ratingSchema)),
      },
      '/api/v1/reports/{trackingCode}/info': {
        post: reporterAction('Answer a request for information', requestSchema(infoAnswerSchema)),
      },
      '/api/v1/reports/{trackingCode}/media': {
        post: {
          tags: ['Citizens'],
          summary: 'Attach a photo or video to the answer to a request for information',
          description:
            'multipart/form-data with one `file` (photo jpeg/png/webp/heic ≤ 10 MB, video mp4/mov ≤ 100 MB; checked by content), ' +
            'only while the case awaits information. The answer (POST …/info) then names the id in `mediaIds`. ' +
            'With Idempotency-Key, a retry answers 200 with the file stored the first time.',
          parameters: [trackingCode, citizenToken, idempotencyKey, language],
          requestBody: oneFile,
          responses: {
            200: json(ref('InfoFile'), 'Stored already by an earlier request with the same Idempotency-Key.'),
            201: json(ref('InfoFile'), 'Stored; name it in the answer.'),
            401: error('Neither X-Citizen-Token nor a signed-in citizen.'),
            403: error("The token is not this case's, or the signed-in account does not hold it."),
            404: error('Unknown tracking code.'),
            409: error('No information is awaited now (NOT_ALLOWED_NOW).'),
            413: error('The file is too large, or the case holds as many answer files as allowed.'),
            415: error('Not a supported photo or video (checked by content).'),
            422: error('No file, or a field that does not belong.'),
            429: error('Too many requests; see Retry-After.'),
          },
        },
      },
      '/api/v1/reports/nearby': {
        get: {
          tags: ['Citizens'],
          summary: `Open reports of the same category within ${NEARBY_RADIUS_M} m, nearest first (duplicate hints)`,
          description:
            'Screened reports only, public data only: the distance in metres, the status, a short description, the address, a thumbnail where the photo is public, and how many follow it. Never the reporter.',
          parameters: [
            ...queryParameters(nearbyQuery, {
              lat: 'Latitude of the chosen point (WGS84).',
              lng: 'Longitude of the chosen point (WGS84).',
              category: 'The category code chosen.',
            }),
            language,
          ],
          responses: {
            200: json(
              {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['trackingCode', 'status', 'distanceMeters', 'meTooCount'],
                  properties: {
                    trackingCode: { type: 'string' },
                    status: { type: 'string' },
                    statusLabel: { type: 'string' },
                    distanceMeters: { type: 'integer' },
                    description: { type: 'string' },
                    address: { type: ['string', 'null'] },
                    receivedAt: { type: 'string', format: 'date-time' },
                    thumbnailUrl: { type: ['string', 'null'] },
                    meTooCount: { type: 'integer' },
                  },
                },
              },
              'At most five reports, nearest first.',
            ),
            422: error('A query value does not fit.'),
          },
        },
      },
      '/api/v1/reports/{trackingCode}/me-too': {
        post: {
          tags: ['Citizens'],
          summary: 'Follow an open report ("me too") instead of sending the same one again; counted once per device',
          parameters: [
            { name: 'trackingCode', in: 'path', required: true, schema: { type: 'string', minLength: 1 } },
            language,
          ],
          requestBody: { required: true, content: { 'application/json': { schema: requestSchema(meTooSchema) } } },
          responses: {
            201: json(
              {
                type: 'object',
                required: ['trackingCode', 'meTooCount', 'counted'],
                properties: {
                  trackingCode: { type: 'string' },
                  meTooCount: { type: 'integer' },
                  counted: { type: 'boolean' },
                },
              },
              'Counted: `{ trackingCode, meTooCount, counted: true }`.',
            ),
            200: json({ type: 'object' }, 'This device already followed it; nothing changed (`counted: false`).'),
            404: error('No such report, or not one the public may see yet.'),
            409: error('The report is closed (WRONG_STATE).'),
            422: error('The body does not fit.'),
            429: error('Too many requests from this address; see Retry-After.'),
          },
        },
      },
      '/api/v1/reports/{trackingCode}/withdraw': {
        post: reporterAction('Withdraw the report (before processing starts)', requestSchema(withdrawalSchema)),
      },
      '/api/v1/media/{id}': {
        get: {
          tags: ['Citizens'],
          summary: 'A photo, video or document (Range requests supported)',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
            { ...citizenToken, required: false },
          ],
          responses: {
            200: { description: 'The file.' },
            206: { description: 'The requested range.' },
            404: error('Unknown, or not visible to this caller.'),
            416: { description: 'The range cannot be satisfied.' },
          },
        },
      },
      '/api/v1/categories': {
        get: {
          tags: ['Reference'],
          summary: 'Active categories',
          parameters: [language],
          responses: { 200: json({ type: 'array', items: ref('Category') }, 'Categories in display order.') },
        },
      },
      '/api/v1/icons/{name}.svg': {
        get: {
          tags: ['Reference'],
          summary: "A category's icon (Material Symbols, outlined) as SVG",
          description:
            'The `icon` of a category names a Material Symbols icon; this is its SVG, for `<img>`. ' +
            'Cached a month (`Cache-Control: public, max-age=2592000, immutable`, with an ETag); ' +
            'the SVG may load and run nothing (its own Content-Security-Policy).',
          parameters: [
            {
              name: 'name',
              in: 'path',
              required: true,
              schema: { type: 'string', pattern: '^[a-z0-9_]{1,64}$', examples: ['traffic', 'eco'] },
            },
            language,
          ],
          responses: {
            200: { description: 'The icon.', content: { 'image/svg+xml': { schema: { type: 'string' } } } },
            304: { description: 'Not modified (If-None-Match).' },
            404: error('No icon of that name, or a name that is not one; `fields.name` says which.'),
          },
        },
      },
      '/api/v1/units': {
        get: {
          tags: ['Reference'],
          summary: "Active units (IOC, departments, People's Committees)",
          parameters: [language],
          responses: { 200: json({ type: 'array', items: ref('Unit') }, 'Units.') },
        },
      },
      '/api/v1/communes': {
        get: {
          tags: ['Reference'],
          summary: 'Communes and wards with their official codes',
          parameters: [language],
          responses: { 200: json({ type: 'array', items: ref('Commune') }, 'Communes.') },
        },
      },
      '/api/v1/communes/locate': {
        get: {
          tags: ['Reference'],
          summary: 'The commune or ward whose boundary contains a point',
          description:
            'The one active commune whose imported boundary contains the point, as routing would find it. ' +
            'No single commune (outside the province, on a border between two, or no boundaries imported yet): 404 COMMUNE_NOT_LOCATED.',
          parameters: [
            ...queryParameters(locateCommuneQuery, { lat: 'Latitude (WGS84).', lng: 'Longitude (WGS84).' }),
            language,
          ],
          responses: {
            200: json(ref('CommuneLocated'), 'The commune.'),
            404: error('No single commune contains the point (COMMUNE_NOT_LOCATED).'),
            422: error('lat or lng missing or out of range.'),
          },
        },
      },
      '/api/v1/map-settings': {
        get: {
          tags: ['Reference'],
          summary: "The map's tile server and starting view",
          description:
            'What the portal draws its maps with (MAP_* settings); images from the tile server are allowed by the Content-Security-Policy.',
          responses: { 200: json(ref('MapSettings'), 'The map settings.') },
        },
      },
      '/api/v1/announcements': {
        get: {
          tags: ['Reference'],
          summary: 'Announcements in force (weather, disasters, traffic, notices)',
          parameters: [
            ...queryParameters(announcementQuery, {
              communeCode: 'Only those for this commune (province-wide ones included).',
              kind: 'One kind or a comma list.',
            }),
            language,
          ],
          responses: {
            200: json({ type: 'array', items: ref('Announcement') }, 'Announcements, most severe first.'),
            422: error('A filter does not fit.'),
          },
        },
      },
      '/api/v1/statistics': {
        get: {
          tags: ['Reference'],
          summary: 'Transparency: reports received, processed on time and satisfaction, per unit and category',
          description:
            'Counts and shares only (docs/statistics.md), for the cases received in the period (default: the last 365 days). ' +
            'Cached five minutes (`Cache-Control: public, max-age=300`) with an ETag; `If-None-Match` gets 304.',
          parameters: [
            ...queryParameters(publicStatisticsQuery, {
              from: 'First Hà Tĩnh day (YYYY-MM-DD, inclusive).',
              to: 'Last Hà Tĩnh day (inclusive).',
            }),
            language,
          ],
          responses: {
            200: json(ref('PublicStatistics'), 'The figures.'),
            304: { description: 'Not modified since the ETag sent in If-None-Match.' },
            422: error('A day does not fit, the period is reversed or longer than 3 years.'),
          },
        },
      },
      '/api/v1/subscriptions': {
        post: {
          tags: ['Reference'],
          summary: 'Subscribe to the alerts of an area: announcements, new and resolved reports',
          description:
            'Email, SMS and Zalo are double opt-in: always 202, a confirmation link goes to the address and nothing ' +
            "else is sent before it is confirmed. Web Push (`address` the browser's push endpoint, `keys` its " +
            'PushSubscription keys) is active at once: 201 with the token that manages it. The endpoint must be at ' +
            'a push service the platform allows (WEB_PUSH_SERVICE_HOSTS), else 422. At most ' +
            'SUBSCRIPTION_RATE_LIMIT_PER_HOUR requests an hour per client address.',
          parameters: [language],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: requestSchema(subscriptionInput) } },
          },
          responses: {
            201: json(
              {
                type: 'object',
                required: ['status', 'token'],
                additionalProperties: false,
                properties: { status: { type: 'string', enum: ['subscribed'] }, token: { type: 'string' } },
              },
              'Web Push: this browser is subscribed; the token manages it (GET/PUT /api/v1/subscriptions/manage).',
            ),
            202: json(
              {
                type: 'object',
                required: ['status'],
                additionalProperties: false,
                properties: { status: { type: 'string', enum: ['confirmation_sent'] } },
              },
              'A confirmation was sent.',
            ),
            422: error('The subscription does not fit (an unknown commune, a push service not allowed).'),
            429: error('Too many subscription requests from this address; see Retry-After.'),
          },
        },
      },
      '/api/v1/subscriptions/manage': {
        get: {
          tags: ['Reference'],
          summary: 'What a subscription receives (the manage link in every message)',
          parameters: [tokenParameter, language],
          responses: {
            200: json(subscriptionView, 'The subscription.'),
            404: error('Unknown token.'),
          },
        },
        put: {
          tags: ['Reference'],
          summary: 'Change what a subscription receives: communes, topics, announcement kinds, language',
          parameters: [tokenParameter, language],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: requestSchema(subscriptionChange) } },
          },
          responses: {
            200: json(subscriptionView, 'Changed.'),
            404: error('Unknown token.'),
            409: error('Unsubscribed: subscribe again instead.'),
            422: error('The change does not fit (an unknown commune).'),
          },
        },
      },
      '/api/v1/push/public-key': {
        get: {
          tags: ['Reference'],
          summary: "The VAPID public key browsers subscribe to Web Push with (the portal's area alerts)",
          responses: {
            200: json(
              {
                type: 'object',
                required: ['publicKey'],
                additionalProperties: false,
                properties: {
                  publicKey: {
                    anyOf: [{ type: 'string' }, { type: 'null' }],
                    description: 'Base64url, uncompressed P-256; null when Web Push is not configured.',
                  },
                },
              },
              'The key.',
            ),
          },
        },
      },
      '/api/v1/subscriptions/confirm': {
        get: subscriptionPage('Confirm a subscription (the link in the confirmation message)'),
      },
      '/api/v1/subscriptions/unsubscribe': {
        get: subscriptionPage('Unsubscribe (the link in every alert), as a page'),
        post: {
          tags: ['Reference'],
          summary: 'One-click unsubscribe (RFC 8058); GET shows the same as a page',
          parameters: [{ name: 'token', in: 'query', required: true, schema: { type: 'string' } }],
          responses: {
            200: json(
              { type: 'object', required: ['status'], properties: { status: { type: 'string' } } },
              'Unsubscribed.',
            ),
            404: error('Unknown token.'),
          },
        },
      },
      '/api/auth/login': {
        post: {
          tags: ['Officials'],
          summary: 'Log in (sets an httpOnly session cookie)',
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: requestSchema(loginSchema),
              },
            },
          },
          responses: {
            200: json(
              {
                type: 'object',
                required: ['user'],
                additionalProperties: false,
                properties: { user: ref('OfficialProfile') },
              },
              'Logged in.',
            ),
            401: error('Wrong username or password.'),
            403: error('The account is disabled.'),
            423: error('Locked for a while after repeated failures; see Retry-After.'),
            429: error('Too many attempts from this address.'),
          },
        },
      },
      '/api/auth/logout': {
        post: {
          tags: ['Officials'],
          summary: 'Log out (revokes the session)',
          security: [{ session: [] }, {}],
          responses: { 204: { description: 'Logged out.' } },
        },
      },
      '/api/auth/me': {
        get: {
          tags: ['Officials'],
          summary: 'The signed-in official, roles, units and CASL rules',
          security: [{ session: [] }],
          responses: { 200: json(ref('OfficialProfile'), 'The official.'), 401: error('Not signed in.') },
        },
      },
      '/api/auth/password': {
        post: {
          tags: ['Officials'],
          summary: 'Change the password (other sessions are revoked)',
          security: [{ session: [] }],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: requestSchema(passwordSchema),
              },
            },
          },
          responses: {
            204: { description: 'Changed.' },
            401: error('Not signed in.'),
            422: error('Wrong current password, or the new one does not fit.'),
          },
        },
      },
      '/healthz': {
        get: {
          tags: ['Operations'],
          summary: 'Health of the database, Temporal and the worker',
          responses: {
            200: json(ref('Health'), 'All well.'),
            503: json(ref('Health'), 'A part is failing; it says which.'),
          },
        },
      },
      ...citizenAccountPaths(),
      ...adminPaths(),
      ...open311Paths(),
    } as Record<string, Record<string, Operation>>,
    components: {
      schemas: {
        ...SCHEMAS,
        ...ADMIN_SCHEMAS,
        ...STATISTICS_ADMIN_SCHEMAS,
        ...STATISTICS_PUBLIC_SCHEMAS,
        ...OPEN311_SCHEMAS,
        ...CITIZEN_ACCOUNT_SCHEMAS,
      },
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: 'The httpOnly session cookie POST /api/auth/login sets.',
        },
        citizenSession: CITIZEN_SESSION_SCHEME,
        open311Key: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Api-Key',
          description: "A partner's Open311 key (or the standard's `api_key` form field).",
        },
      },
    },
  };
  withPlainTextRequests(document.paths);
  withTextRefusals(document.paths);
  return document;
}
