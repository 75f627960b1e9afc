/** The citizens' accounts in the OpenAPI document: sign-in by SMS code, "my reports", claims. */
import { claimSchema } from '../services/citizen-accounts/claim-report';
import { CITIZEN_SESSION_COOKIE } from '../services/citizen-accounts/citizen-sessions';
import { citizenReportsQuery } from '../services/citizen-accounts/find-citizen-reports';
import { signInCodeRequestSchema } from '../services/citizen-accounts/send-sign-in-code';
import { signInSchema } from '../services/citizen-accounts/sign-in-citizen';
import { error, json, language, ref, type Operation } from './building-blocks';
import { queryParameters, requestSchema } from './request-schema';

const body = (schema: unknown) => ({ required: true, content: { 'application/json': { schema } } });
const signedIn = [{ citizenSession: [] }];
const notSignedIn = error('Not signed in, or the session expired or was signed out (CITIZEN_SIGN_IN_REQUIRED).');
const citizen = {
  type: 'object',
  required: ['phone'],
  properties: { phone: { type: 'string', description: 'E.164, e.g. +84912345678.' } },
};

export const CITIZEN_SESSION_SCHEME = {
  type: 'apiKey',
  in: 'cookie',
  name: CITIZEN_SESSION_COOKIE,
  description: "A citizen's httpOnly session cookie (SameSite=Lax), set by POST /api/v1/citizen/session.",
};

export const CITIZEN_ACCOUNT_SCHEMAS = {
  CitizenReportsPage: {
    type: 'object',
    required: ['items', 'page', 'pageSize', 'total'],
    properties: {
      items: {
        type: 'array',
        items: {
          type: 'object',
          required: ['trackingCode', 'status', 'statusLabel', 'step', 'category', 'description', 'createdAt'],
          properties: {
            trackingCode: { type: 'string' },
            status: { type: 'string' },
            statusLabel: { type: 'string' },
            step: { type: 'string' },
            category: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' } } },
            description: { type: 'string' },
            address: { type: ['string', 'null'] },
            createdAt: { type: 'string', format: 'date-time' },
            allowedActions: { type: 'array', items: { enum: ['rate', 'info', 'withdraw'] } },
          },
        },
      },
      page: { type: 'integer' },
      pageSize: { type: 'integer' },
      total: { type: 'integer' },
    },
  },
};

export function citizenAccountPaths(): Record<string, Record<string, Operation>> {
  return {
    '/api/v1/citizen/otp': {
      post: {
        tags: ['Citizen accounts'],
        summary: 'Send a one-time sign-in code by SMS to a Vietnamese mobile number',
        description:
          'Valid 5 minutes, 5 tries. One code a minute and five an hour per phone, and CITIZEN_SIGN_IN_RATE_LIMIT_PER_HOUR per client address. ' +
          'The number may be written 0912 345 678, 84912345678 or +84 912 345 678.',
        parameters: [language],
        requestBody: body(requestSchema(signInCodeRequestSchema)),
        responses: {
          202: json(
            {
              type: 'object',
              required: ['phone', 'expiresAt', 'resendAfterSeconds'],
              properties: {
                phone: { type: 'string' },
                expiresAt: { type: 'string', format: 'date-time' },
                resendAfterSeconds: { type: 'integer' },
              },
            },
            'The SMS is in the outbox; the code is valid until expiresAt.',
          ),
          422: error('Not a Vietnamese mobile number (`fields.phone.code = invalid_phone`), or the body does not fit.'),
          429: error(
            'A code was sent to this phone less than a minute ago, five this hour, or too many from this address; see Retry-After.',
          ),
        },
      },
    },
    '/api/v1/citizen/session': {
      post: {
        tags: ['Citizen accounts'],
        summary: 'Sign in with the phone and its code: sets the session cookie',
        parameters: [language],
        requestBody: body(requestSchema(signInSchema)),
        responses: {
          201: {
            ...json(
              {
                type: 'object',
                required: ['citizen', 'expiresAt'],
                properties: { citizen, expiresAt: { type: 'string', format: 'date-time' } },
              },
              'Signed in; the account is created at its first sign-in.',
            ),
            headers: {
              'Set-Cookie': {
                schema: { type: 'string' },
                description: `${CITIZEN_SESSION_COOKIE}=…; HttpOnly; SameSite=Lax; Path=/api/v1`,
              },
            },
          },
          401: error(
            'Wrong code (OTP_INVALID, with the tries left), or no valid code for this phone: expired, used or void (OTP_EXPIRED).',
          ),
          422: error('The body does not fit (a phone, six digits).'),
          429: error('Too many sign-in tries from this address; see Retry-After.'),
        },
      },
      get: {
        tags: ['Citizen accounts'],
        summary: 'Who is signed in on this device',
        security: signedIn,
        parameters: [language],
        responses: {
          200: json({ type: 'object', required: ['citizen'], properties: { citizen } }, 'The signed-in citizen.'),
          401: notSignedIn,
        },
      },
      delete: {
        tags: ['Citizen accounts'],
        summary: 'Sign out: the session is revoked and the cookie cleared (also when there was none)',
        parameters: [language],
        responses: { 204: { description: 'Signed out.' } },
      },
    },
    '/api/v1/citizen/reports': {
      get: {
        tags: ['Citizen accounts'],
        summary: "The signed-in citizen's reports, newest first",
        security: signedIn,
        parameters: [
          ...queryParameters(citizenReportsQuery, { page: '1-based page.', pageSize: 'Reports a page (1-100).' }),
          language,
        ],
        responses: {
          200: json(ref('CitizenReportsPage'), 'A page of the account’s reports.'),
          401: notSignedIn,
          422: error('A query value does not fit.'),
        },
      },
    },
    '/api/v1/citizen/claims': {
      post: {
        tags: ['Citizen accounts'],
        summary: 'Add a report made before signing in to the account, proven by its citizen token',
        security: signedIn,
        parameters: [language],
        requestBody: body(requestSchema(claimSchema)),
        responses: {
          201: json(
            {
              type: 'object',
              required: ['trackingCode', 'claimed'],
              properties: { trackingCode: { type: 'string' }, claimed: { const: true } },
            },
            'The report is now the account’s.',
          ),
          200: json(
            {
              type: 'object',
              required: ['trackingCode', 'claimed'],
              properties: { trackingCode: { type: 'string' }, claimed: { const: false } },
            },
            'It was the account’s already; nothing changed.',
          ),
          401: notSignedIn,
          403: error("The token is not this report's (CITIZEN_TOKEN_INVALID)."),
          404: error('Unknown tracking code.'),
          409: error('Another account holds this report (CLAIMED_BY_ANOTHER_ACCOUNT).'),
          422: error('The body does not fit.'),
        },
      },
    },
  };
}
