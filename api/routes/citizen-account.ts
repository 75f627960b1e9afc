/**
 * Citizens' accounts across devices (docs/citizen-api.md, "Signing in"): a one-time code by SMS,
 * a session cookie, the account's reports, and claiming the reports this device made before
 * signing in. Anonymous reporting is untouched: none of this is needed to report.
 */
import { Router, type Request } from 'express';
import { AppError } from '../../platform/app-error';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import type { Logger } from '../../platform/logger';
import { requestLanguage } from '../i18n/language';
import {
  CITIZEN_SESSION_COOKIE,
  citizenCookieOptions,
  signedInCitizen,
  type SignedInCitizen,
} from '../services/citizen-accounts/citizen-sessions';
import { claimReport, claimSchema } from '../services/citizen-accounts/claim-report';
import { citizenReportsQuery, findCitizenReports } from '../services/citizen-accounts/find-citizen-reports';
import { sendSignInCode, signInCodeRequestSchema } from '../services/citizen-accounts/send-sign-in-code';
import { signInCitizen, signInSchema } from '../services/citizen-accounts/sign-in-citizen';
import type { SignInCodeLimits } from '../services/citizen-accounts/sign-in-codes';
import { signOutCitizen } from '../services/citizen-accounts/sign-out-citizen';
import { parseInput } from '../validation';

export interface CitizenAccountDependencies {
  db: Db;
  config: Pick<Config, 'APP_SECRET' | 'DEMO_MODE' | 'NODE_ENV' | 'PUBLIC_BASE_URL'>;
  logger: Logger;
  signInCodeLimits: SignInCodeLimits;
}

export function citizenAccountRoutes(deps: CitizenAccountDependencies): Router {
  const router = Router();
  const secret = deps.config.APP_SECRET;
  const requestInfo = (req: Request) => ({ ip: req.ip ?? null, requestId: req.id ? String(req.id) : null });

  async function requireCitizen(req: Request): Promise<SignedInCitizen> {
    const citizen = await signedInCitizen(deps.db, secret, req);
    if (!citizen) throw new AppError('CITIZEN_SIGN_IN_REQUIRED');
    return citizen;
  }

  router.post('/citizen/otp', async (req, res) => {
    const input = parseInput(signInCodeRequestSchema, { language: requestLanguage(req), ...(req.body ?? {}) });
    const sent = await sendSignInCode(
      { db: deps.db, secret, logger: deps.logger, demoMode: deps.config.DEMO_MODE, limits: deps.signInCodeLimits },
      { ...input, ip: req.ip ?? null, now: new Date() },
    );
    res.setHeader('Cache-Control', 'no-store');
    res.status(202).json(sent);
  });

  router.post('/citizen/session', async (req, res) => {
    const input = parseInput(signInSchema, req.body ?? {});
    const signedIn = await signInCitizen(
      { db: deps.db, secret },
      { ...input, ...requestInfo(req), userAgent: req.get('User-Agent') ?? null, now: new Date() },
    );
    res.cookie(CITIZEN_SESSION_COOKIE, signedIn.token, citizenCookieOptions(deps.config, req));
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).json({ citizen: { phone: signedIn.phone }, expiresAt: signedIn.expiresAt.toISOString() });
  });

  router.get('/citizen/session', async (req, res) => {
    const citizen = await requireCitizen(req);
    res.setHeader('Cache-Control', 'no-store');
    res.json({ citizen: { phone: citizen.phone } });
  });

  router.delete('/citizen/session', async (req, res) => {
    await signOutCitizen(deps.db, await signedInCitizen(deps.db, secret, req), new Date());
    res.clearCookie(CITIZEN_SESSION_COOKIE, { ...citizenCookieOptions(deps.config, req), maxAge: undefined });
    res.status(204).end();
  });

  router.get('/citizen/reports', async (req, res) => {
    const citizen = await requireCitizen(req);
    const query = parseInput(citizenReportsQuery, req.query);
    res.setHeader('Cache-Control', 'no-store');
    res.json(await findCitizenReports(deps.db, citizen.citizenId, query, requestLanguage(req)));
  });

  router.post('/citizen/claims', async (req, res) => {
    const citizen = await requireCitizen(req);
    const input = parseInput(claimSchema, req.body ?? {});
    const claim = await claimReport({ db: deps.db, secret }, citizen.citizenId, { ...input, ...requestInfo(req) });
    res.setHeader('Cache-Control', 'no-store');
    res.status(claim.claimed ? 201 : 200).json(claim);
  });

  return router;
}
