/**
 * The back-office API (/api/admin, ra-data-simple-rest) in the OpenAPI document. Every parameter
 * and body is converted from the zod schema its route parses with (exported beside the route), so
 * the document refuses exactly what the server refuses. Records are described by what every one of
 * them has (an `id`); the back office reads the rest by name.
 */
import type { z } from 'zod';
import { intakeCommandSchema } from '../../domain/intake-command';
import { caseExportQuery } from '../routes/admin-cases';
import { monthlyReportList, statisticsExportQuery } from '../routes/admin-statistics-exports';
import { monthlyReportQuery } from '../services/exports/monthly-report';
import { completionSchema } from '../routes/admin-tasks';
import { apiKeySchema } from '../routes/admin/admin-api-keys';
import { calendarSchema } from '../routes/admin/admin-calendars';
import { similarQuery } from '../routes/admin/admin-case-page';
import { categorySchema } from '../routes/admin/admin-categories';
import { communeSchema } from '../routes/admin/admin-communes';
import { previewSchema, routingRuleSchema } from '../routes/admin/admin-routing-rules';
import { slaPolicySchema } from '../routes/admin/admin-sla-policies';
import { templateSchema } from '../routes/admin/admin-templates';
import { unitSchema } from '../routes/admin/admin-units';
import { userSchema } from '../routes/admin/admin-users';
import { API_KEY_SORTABLE, apiKeyFilter } from '../services/admin/find-api-keys';
import { AUDIT_LOG_SORTABLE, auditLogFilter } from '../services/admin/find-audit-log';
import { CALENDAR_SORTABLE, calendarFilter } from '../services/admin/find-calendars';
import { CATEGORY_SORTABLE, categoryFilter } from '../services/admin/find-categories';
import { COMMUNE_SORTABLE, communeFilter } from '../services/admin/find-communes';
import { NOTIFICATION_SORTABLE, notificationFilter } from '../services/admin/find-notifications';
import { ROUTING_RULE_SORTABLE, routingRuleFilter } from '../services/admin/find-routing-rules';
import { SLA_POLICY_SORTABLE, slaPolicyFilter } from '../services/admin/find-sla-policies';
import { TEMPLATE_SORTABLE, templateFilter } from '../services/admin/find-templates';
import { UNIT_SORTABLE, unitFilter } from '../services/admin/find-units';
import { USER_SORTABLE, userFilter } from '../services/admin/find-users';
import { communeBoundaryImportSchema } from '../services/admin/import-commune-boundaries';
import { ANNOUNCEMENT_SORTABLE, adminAnnouncementFilter } from '../services/announcements/find-admin-announcements';
import { announcementInput, announcementPatch } from '../services/announcements/save-announcement';
import { ADMIN_CASE_SORTABLE, adminCaseFilter } from '../services/find-admin-cases';
import { ADMIN_TASK_SORTABLE, adminTaskFilter } from '../services/find-admin-tasks';
import {
  NOTIFICATION_TEMPLATE_SORTABLE,
  notificationTemplateFilter,
  templateInput,
} from '../services/notifications/notification-templates';
import { previewInput } from '../services/notifications/preview-notification-template';
import { statisticsFilter, trendQuery } from '../services/statistics/statistics-query';
import {
  error,
  idempotencyKey,
  json,
  language,
  oneFile,
  ref,
  reportBody,
  reportFailures,
  spreadsheet,
  type Operation,
} from './building-blocks';
import { queryParameters, requestSchema, type JsonSchema } from './request-schema';

const TAG = 'Back office';
const security = [{ session: [] }];
const id = { name: 'id', in: 'path', required: true, schema: { type: 'string', minLength: 1 } };

/** What every back-office answer may also be: the session, the role, the record, the data. */
const failures = {
  401: error('Not signed in, or the session ended (UNAUTHENTICATED).'),
  403: error('The role may not do this, or the password must be changed first (FORBIDDEN).'),
};
const recordFailures = {
  ...failures,
  404: error('No such record, or not one this official may read (NOT_FOUND).'),
};
const writeFailures = {
  ...recordFailures,
  409: error('The record is in use or would duplicate another (CONFLICT, ALREADY_EXISTS, WRONG_STATE).'),
  422: error('The body does not fit; `fields` says where (VALIDATION_FAILED).'),
};

const record = (description: string) => json(ref('AdminRecord'), description);
const body = (schema: z.ZodTypeAny) => ({
  required: true,
  content: { 'application/json': { schema: requestSchema(schema) } },
});

/** A JSON value in the query string (ra-data-simple-rest's sort, range and filter). */
const jsonQuery = (name: string, schema: JsonSchema, description: string) => ({
  name,
  in: 'query',
  required: false,
  description,
  content: { 'application/json': { schema } },
});

function listParameters(sortable: readonly string[], filter: z.ZodTypeAny) {
  return [
    jsonQuery(
      'sort',
      {
        type: 'array',
        prefixItems: [{ enum: [...sortable] }, { enum: ['ASC', 'DESC', 'asc', 'desc'] }],
        items: false,
        minItems: 2,
      },
      'The field and order, e.g. ["createdAt","DESC"].',
    ),
    jsonQuery(
      'range',
      {
        type: 'array',
        prefixItems: [
          { type: 'integer', minimum: 0 },
          { type: 'integer', minimum: 0 },
        ],
        items: false,
        minItems: 2,
      },
      `First and last index, inclusive, e.g. [0,24]; a last before the first is an empty page; at most 500 rows.`,
    ),
    jsonQuery('filter', requestSchema(filter), 'The filters, as a JSON object.'),
    language,
  ];
}

const listAnswer = (noun: string) => ({
  description: `The ${noun} on this page.`,
  headers: {
    'Content-Range': {
      description: '`<resource> <first>-<last>/<total>`',
      schema: { type: 'string', pattern: '^[a-z-]+ \\d+-\\d+/\\d+$' },
    },
    'X-Total-Count-Estimated': {
      description:
        "`true` when the total is the database planner's estimate (more than 10,000 rows match), not a count.",
      schema: { type: 'string', enum: ['true'] },
    },
  },
  content: { 'application/json': { schema: { type: 'array', items: ref('AdminRecord') } } },
});

interface Resource {
  noun: string;
  list?: { sortable: readonly string[]; filter: z.ZodTypeAny };
  create?: z.ZodTypeAny;
  update?: z.ZodTypeAny;
  remove?: string;
}

/** The ra-data-simple-rest operations of one resource: list, get, and those it allows. */
function resource(path: string, { noun, list, create, update, remove }: Resource): Record<string, Operation> {
  const paths: Record<string, Record<string, Operation>> = { [path]: {}, [`${path}/{id}`]: {} };
  const operation = (summary: string, extra: Operation): Operation => ({ tags: [TAG], summary, security, ...extra });
  if (list) {
    paths[path]!.get = operation(`List ${noun}`, {
      parameters: listParameters(list.sortable, list.filter),
      responses: {
        200: listAnswer(noun),
        ...failures,
        422: error('sort, range or filter does not fit.'),
      },
    });
  }
  if (create) {
    paths[path]!.post = operation(`Create one of the ${noun}`, {
      parameters: [language],
      requestBody: body(create),
      responses: { 201: record('Created.'), ...writeFailures },
    });
  }
  paths[`${path}/{id}`]!.get = operation(`One of the ${noun}`, {
    parameters: [id, language],
    responses: { 200: record('The record.'), ...recordFailures },
  });
  if (update) {
    paths[`${path}/{id}`]!.put = operation(`Change one of the ${noun} (the fields sent)`, {
      parameters: [id, language],
      requestBody: body(update),
      responses: { 200: record('The record as saved.'), ...writeFailures },
    });
  }
  if (remove) {
    paths[`${path}/{id}`]!.delete = operation(remove, {
      parameters: [id, language],
      responses: { 200: record('The record as it was, or as it is now.'), ...writeFailures },
    });
  }
  if (!Object.keys(paths[path]!).length) delete paths[path];
  return paths;
}

/** The case list also pages by cursor (api/list-cursor.ts): `after` in, `X-Next-Cursor` out. */
function caseListWithCursor(paths: Record<string, Operation>): Record<string, Operation> {
  const list = paths['/api/admin/cases']!.get as { parameters: unknown[]; responses: Record<string, unknown> };
  const answer = list.responses[200] as { headers: Record<string, unknown> };
  list.parameters.push({
    name: 'after',
    in: 'query',
    required: false,
    description:
      "The previous page's `X-Next-Cursor`: the page after it, read from the list's index however deep (range then gives only the page size). " +
      'For sorts on createdAt, updatedAt, deadline, trackingCode and escalationLevel; the cursor belongs to its sort and order.',
    schema: { type: 'string', minLength: 1 },
  });
  answer.headers['X-Next-Cursor'] = {
    description:
      'Send it as `after` for the next page (no case repeated or lost when new ones arrive); absent on the last page.',
    schema: { type: 'string', pattern: '^[A-Za-z0-9_-]+$' },
  };
  list.responses[422] = error(
    'sort, range or filter does not fit, or the cursor (`after`) is not one this list gave for this sort.',
  );
  return paths;
}

const action = (summary: string, extra: Operation = {}): Operation => ({
  tags: [TAG],
  summary,
  security,
  parameters: [id, language],
  responses: { 200: record('Done; the record as it is now.'), ...writeFailures },
  ...extra,
});

const read = (summary: string, answer: unknown, parameters: unknown[] = [language]): Operation => ({
  tags: [TAG],
  summary,
  security,
  parameters,
  responses: { 200: answer, ...recordFailures },
});

const STATISTICS_PARAMETERS = {
  from: 'First Hà Tĩnh day of the period (YYYY-MM-DD, inclusive); default 29 days before `to`.',
  to: 'Last Hà Tĩnh day of the period (inclusive); default today, or 29 days after `from`.',
  unitId: 'Only this unit (a leader: one of their units, else 403).',
  communeCode: 'Only this commune.',
  categoryCode: 'Only this category.',
  channel: 'Only this channel (app, web, hotline, open311:<partner>...).',
  interval: 'week (rows from each Monday) or month (YYYY-MM).',
};

/** A statistics read (docs/statistics.md): its filter as query parameters, 422 when they do not fit. */
const statistics = (summary: string, schema: string, query = statisticsFilter): Operation => ({
  ...read(summary, json(ref(schema), 'The figures.'), [...queryParameters(query, STATISTICS_PARAMETERS), language]),
  responses: {
    200: json(ref(schema), 'The figures.'),
    ...failures,
    422: error('A query value does not fit, the period is reversed or longer than 3 years (VALIDATION_FAILED).'),
  },
});

export function adminPaths(): Record<string, Operation> {
  return {
    '/api/admin/statistics/summary': {
      get: statistics("The period's figures: the dashboard's tiles", 'StatisticsSummary'),
    },
    '/api/admin/statistics/by-unit': { get: statistics('The figures per unit: the ranking', 'StatisticsTable') },
    '/api/admin/statistics/by-category': { get: statistics('The figures per category', 'StatisticsTable') },
    '/api/admin/statistics/by-commune': { get: statistics('The figures per commune', 'StatisticsTable') },
    '/api/admin/statistics/trend': {
      get: statistics('The figures per week or month', 'StatisticsTrend', trendQuery),
    },
    '/api/admin/statistics/steps': {
      get: statistics('Per step: completed, on time, mean and p90 working hours', 'StatisticsSteps'),
    },
    '/api/admin/statistics/export': {
      get: {
        ...statistics(
          'One of the tables above as a spreadsheet (.xlsx or CSV with a UTF-8 BOM)',
          'StatisticsTable',
          statisticsExportQuery,
        ),
        responses: {
          200: spreadsheet('The file: Vietnamese headers (English with Accept-Language: en), names, shares in %.'),
          ...failures,
          422: error('A query value does not fit, the period is reversed or longer than 3 years (VALIDATION_FAILED).'),
        },
      },
    },
    '/api/admin/monthly-reports': {
      get: {
        ...read(
          'The monthly reports the schedule made (1st of each month), newest first: the units the official reads statistics of',
          json({ type: 'array', items: ref('AdminRecord') }, 'The reports: id, unitId, unitName, month, size.'),
          [...queryParameters(monthlyReportList), language],
        ),
        responses: {
          200: json({ type: 'array', items: ref('AdminRecord') }, 'The reports: id, unitId, unitName, month, size.'),
          ...failures,
          422: error('month (yyyy-mm) does not fit (VALIDATION_FAILED).'),
        },
      },
    },
    '/api/admin/monthly-reports/{id}/file': {
      get: { ...read('One stored monthly report (xlsx)', spreadsheet('The report (.xlsx).'), [id, language]) },
    },
    '/api/admin/reports/monthly': {
      get: {
        tags: [TAG],
        summary: "A unit's monthly report (xlsx) in the province's layout: figures by category, total, signatures",
        security,
        parameters: [...queryParameters(monthlyReportQuery), language],
        responses: {
          200: spreadsheet('The report (.xlsx).'),
          ...recordFailures,
          422: error('unitId or month (yyyy-mm) does not fit (VALIDATION_FAILED).'),
        },
      },
    },
    ...caseListWithCursor(
      resource('/api/admin/cases', {
        noun: 'cases',
        list: { sortable: ADMIN_CASE_SORTABLE, filter: adminCaseFilter },
      }),
    ),
    '/api/admin/intake': {
      post: {
        tags: [TAG],
        summary: "Record a hotline call, a walk-in, a letter or an email as a citizen's report (the IOC's roles)",
        description:
          'JSON, or multipart/form-data with a `report` field holding the same JSON and up to 10 `media` photos or videos, as `POST /api/v1/reports`. ' +
          "The case starts the same workflow; its channel is the one given, and the official is recorded. A reporter's phone gets the tracking code by SMS.",
        security,
        parameters: [idempotencyKey, language],
        requestBody: reportBody(requestSchema(intakeCommandSchema)),
        responses: {
          201: json(ref('AdminRecord'), 'Recorded: `{ id, trackingCode, status, channel }`.'),
          ...failures,
          ...reportFailures,
        },
      },
    },
    '/api/admin/cases/export': {
      get: {
        tags: [TAG],
        summary: 'The case list as a spreadsheet (.xlsx or CSV): the rows the list shows, with its filters and order',
        description:
          'Vietnamese headers (English with Accept-Language: en), unit, category and commune names, Hà Tĩnh times, ratings; ' +
          'no personal data. Every export is in the audit log. More than 100 000 cases: 422, narrow the filters.',
        security,
        parameters: [
          ...queryParameters(caseExportQuery),
          ...listParameters(ADMIN_CASE_SORTABLE, adminCaseFilter).filter((p) => p.name !== 'range'),
        ],
        responses: {
          200: spreadsheet('The file.'),
          ...failures,
          422: error('format, sort or filter does not fit, or too many cases (VALIDATION_FAILED).'),
        },
      },
    },
    '/api/admin/cases/{id}/timeline': { get: read("The case's timeline", listAnswer('entries'), [id, language]) },
    '/api/admin/cases/{id}/media': {
      get: read("The case's photos, videos and documents", listAnswer('files'), [id, language]),
      post: {
        tags: [TAG],
        summary: 'Attach proof (a photo, video or PDF) to the case',
        security,
        parameters: [id, language],
        requestBody: oneFile,
        responses: {
          201: json(ref('AdminRecord'), 'Stored: `{ id, url }`.'),
          ...writeFailures,
          413: error('The file is too large.'),
          415: error('Not a supported photo, video or PDF (checked by content).'),
        },
      },
    },
    '/api/admin/cases/{id}/similar': {
      get: {
        ...read('Cases near this one, recently', listAnswer('cases'), [id, ...queryParameters(similarQuery), language]),
        responses: { 200: listAnswer('cases'), ...recordFailures, 422: error('A query value does not fit.') },
      },
    },
    '/api/admin/cases/{id}/routing-suggestion': {
      get: read('Where the routing rules would send the case', record('The suggestion.'), [id, language]),
    },
    '/api/admin/cases/{id}/diagram': {
      get: read(
        "The case's place on the regulation's BPMN diagram",
        json(ref('CaseDiagram'), 'The diagram and its elements.'),
        [id, language],
      ),
    },
    '/api/admin/cases/{id}/history': {
      get: read("The case workflow's event history, readable", json({ type: 'object' }, 'The history.'), [
        id,
        {
          name: 'format',
          in: 'query',
          required: false,
          schema: { enum: ['json'] },
          description: '`json`: the raw history as a download.',
        },
        language,
      ]),
    },
    '/api/admin/process/summary': {
      get: read(
        'Open and overdue cases per step of the diagram',
        json({ type: 'object' }, 'The diagram and its counts.'),
      ),
    },
    '/api/admin/tasks/counts': {
      get: read("The menu's badges", json(ref('TaskCounts'), 'My tasks, my units’ unclaimed ones, overdue.')),
    },
    ...resource('/api/admin/tasks', {
      noun: 'tasks',
      list: { sortable: ADMIN_TASK_SORTABLE, filter: adminTaskFilter },
    }),
    '/api/admin/tasks/{id}/claim': { post: action('Take the task') },
    '/api/admin/tasks/{id}/unclaim': { post: action('Give the task back to the unit') },
    '/api/admin/tasks/{id}/complete': {
      post: action("Complete the task with an outcome; the workflow's answer comes back", {
        parameters: [id, idempotencyKey, language],
        requestBody: body(completionSchema),
        responses: {
          200: json(ref('AdminRecord'), '`{ case, nextTasks[] }`.'),
          ...writeFailures,
          503: error('Temporal is unreachable; nothing was changed. Retry after Retry-After seconds.'),
        },
      }),
    },
    ...resource('/api/admin/units', {
      noun: 'units',
      list: { sortable: UNIT_SORTABLE, filter: unitFilter },
      create: unitSchema,
      update: unitSchema.partial(),
      remove: 'Delete a unit (deactivated when it has history)',
    }),
    ...resource('/api/admin/users', {
      noun: 'officials',
      list: { sortable: USER_SORTABLE, filter: userFilter },
      create: userSchema,
      update: userSchema.partial(),
      remove: 'Disable an account and end its sessions',
    }),
    '/api/admin/users/{id}/reset-password': { post: action('A new temporary password, shown once') },
    ...resource('/api/admin/categories', {
      noun: 'categories',
      list: { sortable: CATEGORY_SORTABLE, filter: categoryFilter },
      create: categorySchema,
      update: categorySchema.partial(),
      remove: 'Delete a category (deactivated when cases use it)',
    }),
    ...resource('/api/admin/communes', {
      noun: 'communes',
      list: { sortable: COMMUNE_SORTABLE, filter: communeFilter },
      update: communeSchema,
    }),
    '/api/admin/communes/boundaries': {
      post: {
        tags: [TAG],
        summary: "Import every commune's boundary from one GeoJSON FeatureCollection (all or nothing)",
        security,
        parameters: [language],
        requestBody: body(communeBoundaryImportSchema),
        responses: { 200: json({ type: 'object' }, 'What was (or, previewed, would be) imported.'), ...writeFailures },
      },
    },
    '/api/admin/configuration-warnings': {
      get: read(
        'What an administrator should complete',
        json({ type: 'array', items: { type: 'object' } }, 'The warnings.'),
      ),
    },
    '/api/admin/routing-rules/test': {
      post: {
        tags: [TAG],
        summary: 'Test a location: the routing decision for a category and a place',
        security,
        parameters: [language],
        requestBody: body(previewSchema),
        responses: { 200: json({ type: 'object' }, 'The decision, its candidates and reasons.'), ...writeFailures },
      },
    },
    ...resource('/api/admin/routing-rules', {
      noun: 'routing rules',
      list: { sortable: ROUTING_RULE_SORTABLE, filter: routingRuleFilter },
      create: routingRuleSchema,
      update: routingRuleSchema.partial(),
      remove: 'Delete a routing rule',
    }),
    ...resource('/api/admin/sla-policies', {
      noun: 'SLA policies',
      list: { sortable: SLA_POLICY_SORTABLE, filter: slaPolicyFilter },
      create: slaPolicySchema,
      update: slaPolicySchema.partial(),
      remove: 'Delete an SLA policy',
    }),
    ...resource('/api/admin/calendars', {
      noun: 'working calendars',
      list: { sortable: CALENDAR_SORTABLE, filter: calendarFilter },
      create: calendarSchema,
      update: calendarSchema.partial(),
      remove: 'Delete a working calendar',
    }),
    ...resource('/api/admin/templates', {
      noun: 'reply templates',
      list: { sortable: TEMPLATE_SORTABLE, filter: templateFilter },
      create: templateSchema,
      update: templateSchema.partial(),
      remove: 'Delete a reply template',
    }),
    ...resource('/api/admin/api-keys', {
      noun: 'Open311 API keys',
      list: { sortable: API_KEY_SORTABLE, filter: apiKeyFilter },
      create: apiKeySchema,
      update: apiKeySchema.partial(),
      remove: 'Revoke an API key',
    }),
    '/api/admin/notifications/unread-count': {
      get: read('How many in-app notifications are unread', json(ref('UnreadCount'), 'The count.')),
    },
    '/api/admin/notifications/read-all': {
      post: { ...read('Mark every in-app notification read', json({ type: 'object' }, '`{ marked, unread }`.')) },
    },
    '/api/admin/notifications/stream': {
      get: read('Server-sent events: unread counts and new notifications', {
        description: 'An event stream (`event: unread`, `event: notification`, `event: end`).',
        content: {
          'text/event-stream': {
            schema: {
              type: 'object',
              required: ['event', 'data'],
              properties: { event: { enum: ['unread', 'notification', 'end'] }, data: { type: 'string' } },
            },
          },
        },
      }),
    },
    ...resource('/api/admin/notifications', {
      noun: 'notifications (the outbox)',
      list: { sortable: NOTIFICATION_SORTABLE, filter: notificationFilter },
    }),
    '/api/admin/notifications/{id}/retry': { post: action('Send a failed notification again') },
    '/api/admin/notifications/{id}/read': { post: action('Mark an in-app notification read') },
    ...resource('/api/admin/notification-templates', {
      noun: 'notification templates',
      list: { sortable: NOTIFICATION_TEMPLATE_SORTABLE, filter: notificationTemplateFilter },
      update: templateInput,
      remove: 'Back to the default wording (answers the default)',
    }),
    '/api/admin/notification-templates/{id}/preview': {
      post: action('The template filled with example values', {
        requestBody: { required: false, content: { 'application/json': { schema: requestSchema(previewInput) } } },
      }),
    },
    ...resource('/api/admin/announcements', {
      noun: 'announcements',
      list: { sortable: ANNOUNCEMENT_SORTABLE, filter: adminAnnouncementFilter },
      create: announcementInput,
      update: announcementPatch,
      remove: 'Delete an announcement',
    }),
    '/api/admin/announcements/{id}/publish': { post: action('Publish (critical disaster posts alert their area)') },
    '/api/admin/announcements/{id}/unpublish': { post: action('Withdraw from publication') },
    ...resource('/api/admin/audit-log', {
      noun: 'audit entries',
      list: { sortable: AUDIT_LOG_SORTABLE, filter: auditLogFilter },
    }),
  };
}
