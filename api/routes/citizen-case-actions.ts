/**
 * The reporter's actions on their case under /api/v1 (docs/api-contract.md): rating, answering a
 * request for information, withdrawing. Each needs the case's X-Citizen-Token or a signed-in
 * citizen whose account holds the case (401 without either, 403 for another case's token or
 * another account's case), takes a JSON body (422 with field messages when it does not fit),
 * goes to the case workflow as an Update (409 when the case's step does not allow it) and
 * answers 200 with the reporter's view of the case. The Idempotency-Key header, when sent,
 * becomes the Update id: a retried request gets the first answer and changes nothing twice.
 */
import type { Client } from '@temporalio/client';
import { Router, type Request } from 'express';
import type { Db } from '../../platform/db';
import { answerInfoRequest, infoAnswerSchema } from '../services/answer-info-request';
import { findReporterCase } from '../services/find-reporter-case';
import { rateReport, ratingSchema } from '../services/rate-report';
import { withdrawalSchema, withdrawReport } from '../services/withdraw-report';
import { parseInput } from '../validation';
import { idempotencyKeyOf, reporterProofOf, viewerOf } from './citizen-request';

export interface CitizenActionDependencies {
  db: Db;
  temporal: Client;
  secret: string;
}

export function citizenCaseActionRoutes(deps: CitizenActionDependencies): Router {
  const router = Router();
  /** The proof before the body: a stranger learns nothing about what the body should hold. */
  const reporterCaseOf = async (req: Request<{ trackingCode: string }>) => {
    const proof = await reporterProofOf(req, deps);
    return { reporterCase: await findReporterCase(deps.db, deps.secret, req.params.trackingCode, proof), proof };
  };

  router.post('/reports/:trackingCode/rating', async (req, res) => {
    const { reporterCase, proof } = await reporterCaseOf(req);
    const rating = parseInput(ratingSchema, req.body ?? {});
    const view = await rateReport(deps, reporterCase, {
      rating,
      idempotencyKey: idempotencyKeyOf(req),
      viewer: viewerOf(req, deps.secret, proof),
    });
    res.setHeader('Cache-Control', 'no-store');
    res.json(view);
  });

  router.post('/reports/:trackingCode/info', async (req, res) => {
    const { reporterCase, proof } = await reporterCaseOf(req);
    const answer = parseInput(infoAnswerSchema, req.body ?? {});
    const view = await answerInfoRequest(deps, reporterCase, {
      answer,
      idempotencyKey: idempotencyKeyOf(req),
      viewer: viewerOf(req, deps.secret, proof),
    });
    res.setHeader('Cache-Control', 'no-store');
    res.json(view);
  });

  router.post('/reports/:trackingCode/withdraw', async (req, res) => {
    const { reporterCase, proof } = await reporterCaseOf(req);
    const withdrawal = parseInput(withdrawalSchema, req.body ?? {});
    const view = await withdrawReport(deps, reporterCase, {
      withdrawal,
      idempotencyKey: idempotencyKeyOf(req),
      viewer: viewerOf(req, deps.secret, proof),
    });
    res.setHeader('Cache-Control', 'no-store');
    res.json(view);
  });

  return router;
}
