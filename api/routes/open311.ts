/**
 * Open311 GeoReport v2 under /open311/v2 (docs/open311-contract.md): discovery, services,
 * service definitions, POST and GET requests, tokens, and mySociety's servicerequestupdates;
 * every resource as `.json` and `.xml`. Decisions are documented beside their code:
 * api/open311/format.ts (formats, language, dates), api/open311/services.ts (services and their
 * attributes), api/open311/submit-request.ts (POST), api/open311/find-requests.ts (which cases
 * are visible, tokens, updates), api/open311/statuses.ts (status mapping), api/open311/api-key.ts.
 *
 * Errors follow the spec, not the platform's `{ error }` shape: 404 for an unknown jurisdiction,
 * service, request, token or resource, 403 for the API key, 400 for everything else the client
 * sent; 503 (with Retry-After) when Temporal cannot be reached, so clients retry, and 500 for a
 * bug. Only POST needs a key (api_key, or the X-Api-Key header); GET answers carry `Access-Control-Allow-Origin: *` (public data,
 * no credentials) so dashboards in browsers can read them.
 */
import express, { Router, type ErrorRequestHandler, type Request, type Response } from 'express';
import { AppError } from '../../platform/app-error';
import type { Config } from '../../platform/config';
import { fieldMessage } from '../i18n/error-messages';
import { acceptParsedBody, verifyUrlEncoded } from '../middleware/input-text';
import type { Language } from '../i18n/language';
import { checkApiKey } from '../open311/api-key';
import {
  findRequest,
  findRequests,
  findRequestUpdates,
  findToken,
  requestXml,
  wantsExtensions,
  type RequestsOptions,
} from '../open311/find-requests';
import {
  Open311Error,
  open311Language,
  sendOpen311,
  sendOpen311Error,
  splitFormat,
  xmlDocument,
  xmlList,
  type Open311Format,
} from '../open311/format';
import { open311Message } from '../open311/messages';
import { findService, listServices, serviceAttributes } from '../open311/services';
import { OPEN311_FIELD_NAMES, submitRequest } from '../open311/submit-request';
import type { CreateReportDependencies } from '../services/create-report';

export type Open311Dependencies = CreateReportDependencies & {
  config: Pick<Config, 'OPEN311_JURISDICTION_ID' | 'NODE_ENV'>;
};

/** When this document (discovery) last changed in a way clients should notice. */
const CHANGESET = '2026-03-01T00:00:00+07:00';
const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
const MOUNT = '/open311/v2';

export function open311Routes(deps: Open311Dependencies): Router {
  const router = Router();
  const { db } = deps;

  router.use((req, res, next) => {
    res.vary('Accept-Language');
    if (req.method === 'GET') res.setHeader('Access-Control-Allow-Origin', '*');
    next();
  });
  router.use(
    express.urlencoded({ extended: true, limit: '64kb', parameterLimit: 100, verify: verifyUrlEncoded }),
    acceptParsedBody,
  );

  router.get('/:file', async (req, res) => {
    const { name, format, language } = resource(req);
    checkJurisdiction(req.query.jurisdiction_id, deps, language);
    const options = requestsOptions(req, language);
    switch (name) {
      case 'discovery': {
        const discovery = discoveryOf(req, deps, language);
        const xml = () =>
          xmlDocument({
            discovery: {
              ...discovery,
              endpoints: {
                endpoint: discovery.endpoints.map((e) => ({ ...e, formats: { format: e.formats } })),
              },
            },
          });
        res.setHeader('Cache-Control', 'public, max-age=300');
        return sendOpen311(res, format, 200, discovery, xml);
      }
      case 'services': {
        const services = await listServices(db, language);
        res.setHeader('Cache-Control', 'public, max-age=60');
        return sendOpen311(res, format, 200, services, () => xmlList('services', 'service', services));
      }
      case 'requests': {
        const requests = await findRequests(db, req.query, options, new Date());
        return sendOpen311(res, format, 200, requests, () =>
          xmlList('service_requests', 'request', requests.map(requestXml)),
        );
      }
      case 'servicerequestupdates': {
        const updates = await findRequestUpdates(db, req.query, options, new Date());
        return sendOpen311(res, format, 200, updates, () =>
          xmlList('service_request_updates', 'request_update', updates),
        );
      }
      default:
        throw Open311Error.of(404, open311Message('resource_unknown', language, { path: req.path }));
    }
  });

  router.get('/:collection/:file', async (req, res) => {
    const { name, format, language } = resource(req);
    checkJurisdiction(req.query.jurisdiction_id, deps, language);
    switch (req.params.collection) {
      case 'services': {
        const service = await findService(db, name, language);
        const definition = { service_code: service.code, attributes: serviceAttributes(language) };
        const xml = () =>
          xmlDocument({
            service_definition: {
              service_code: definition.service_code,
              attributes: {
                attribute: definition.attributes.map(({ values, ...a }) => ({
                  ...a,
                  ...(values && { values: { value: values } }),
                })),
              },
            },
          });
        res.setHeader('Cache-Control', 'public, max-age=60');
        return sendOpen311(res, format, 200, definition, xml);
      }
      case 'requests': {
        const requests = await findRequest(db, name, requestsOptions(req, language));
        return sendOpen311(res, format, 200, requests, () =>
          xmlList('service_requests', 'request', requests.map(requestXml)),
        );
      }
      case 'tokens': {
        const tokens = await findToken(db, name, language);
        return sendOpen311(res, format, 200, tokens, () => xmlList('service_requests', 'request', tokens));
      }
      default:
        throw Open311Error.of(404, open311Message('resource_unknown', language, { path: req.path }));
    }
  });

  router.post('/:file', async (req, res) => {
    const { name, format, language } = resource(req);
    if (name !== 'requests')
      throw Open311Error.of(404, open311Message('resource_unknown', language, { path: req.path }));
    const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
    checkJurisdiction(body.jurisdiction_id ?? req.query.jurisdiction_id, deps, language);
    const now = new Date();
    // The standard's api_key field, or the X-Api-Key header (kept out of logged form bodies).
    const partner = await checkApiKey(db, body.api_key ?? req.get('X-Api-Key'), language, now, (error) =>
      req.log?.warn({ err: error }, 'open311: lastUsedAt not updated'),
    );
    const created = await submitRequest(deps, body, {
      partner,
      language,
      idempotencyKey: req.get('Idempotency-Key')?.trim() || undefined,
      ip: req.ip ?? null,
      requestId: typeof req.id === 'string' ? req.id : null,
      now,
    });
    sendOpen311(res, format, 200, [created], () => xmlList('service_requests', 'request', [created]));
  });

  router.use((req, _res, next) => {
    next(Open311Error.of(404, open311Message('resource_unknown', open311Language(req), { path: req.path })));
  });
  router.use(open311ErrorHandler);
  return router;
}

function resource(req: Request): { name: string; format: Open311Format; language: Language } {
  const language = open311Language(req);
  const split = splitFormat(String(req.params.file));
  if (!split) throw Open311Error.of(404, open311Message('resource_unknown', language, { path: req.path }));
  return { ...split, language };
}

/** The one jurisdiction served; absent or empty is the same (the spec's optional arguments). */
function checkJurisdiction(value: unknown, deps: Open311Dependencies, language: Language): void {
  if (value === undefined || value === '') return;
  const expected = deps.config.OPEN311_JURISDICTION_ID;
  if (typeof value !== 'string') {
    throw Open311Error.of(400, open311Message('invalid_value', language, { field: 'jurisdiction_id' }));
  }
  if (value.trim().toLowerCase() !== expected.toLowerCase()) {
    throw Open311Error.of(404, open311Message('jurisdiction_unknown', language, { value, expected }));
  }
}

function baseUrl(req: Request): string {
  return `${req.protocol}://${req.get('host')}`;
}

function requestsOptions(req: Request, language: Language): RequestsOptions {
  return { language, baseUrl: baseUrl(req), extensions: wantsExtensions(req.query) };
}

function discoveryOf(req: Request, deps: Open311Dependencies, language: Language) {
  return {
    changeset: CHANGESET,
    contact: open311Message('discovery_contact', language),
    key_service: open311Message('discovery_key_service', language),
    endpoints: [
      {
        specification: SPECIFICATION,
        url: `${baseUrl(req)}${MOUNT}`,
        changeset: CHANGESET,
        type: deps.config.NODE_ENV === 'production' ? 'production' : 'test',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}

/** The format asked for, from the path's extension (JSON when there is none). */
function formatOf(req: Request): Open311Format {
  return /\.xml$/i.test(req.path) ? 'xml' : 'json';
}

export const open311ErrorHandler: ErrorRequestHandler = (error, req, res, next) => {
  if (res.headersSent) return next(error);
  const language = open311Language(req);
  const open311 = toOpen311Error(error, language);
  if (open311.status >= 500 && open311.status !== 503) req.log?.error({ err: error }, 'open311: unhandled error');
  sendOpen311Error(res as Response, formatOf(req), open311);
};

function toOpen311Error(error: unknown, language: Language): Open311Error {
  if (error instanceof Open311Error) return error;
  if (error instanceof AppError) {
    switch (error.code) {
      case 'VALIDATION_FAILED': {
        const fields = Object.entries(error.fields ?? {});
        const unknownService = fields.find(([path, p]) => path === 'categoryCode' && p.code === 'unknown_category');
        if (unknownService) return Open311Error.of(404, open311Message('service_unknown', language, { code: '' }));
        if (!fields.length)
          return Open311Error.of(400, open311Message('invalid_value', language, { field: 'request' }));
        return new Open311Error(
          400,
          fields.map(([path, problem]) => ({
            code: 400,
            description: `${OPEN311_FIELD_NAMES[path] ?? path}: ${fieldMessage(problem.code, language, problem.params)}`,
          })),
        );
      }
      case 'NOT_FOUND':
        return Open311Error.of(404, open311Message('resource_unknown', language, { path: String(error.params.what) }));
      case 'IDEMPOTENCY_KEY_REUSED':
        return Open311Error.of(400, open311Message('idempotency_key_reused', language));
      case 'SERVICE_UNAVAILABLE':
        return new Open311Error(
          503,
          [{ code: 503, description: open311Message('unavailable', language) }],
          Number(error.params.retryAfterSeconds ?? 30),
        );
      default:
        break;
    }
  }
  const parser = error as { type?: string; status?: number };
  if (parser?.type === 'entity.too.large')
    return Open311Error.of(413, open311Message('invalid_value', language, { field: 'body', detail: 'too large' }));
  if (typeof parser?.status === 'number' && parser.status >= 400 && parser.status < 500) {
    return Open311Error.of(400, open311Message('invalid_value', language, { field: 'body' }));
  }
  return Open311Error.of(500, open311Message('internal', language));
}
